import type { ReactNode } from 'react';
import { cx } from '../cx.js';

export interface FieldsetProps {
  /** The question the group answers. */
  legend: ReactNode;
  /** Renders the legend as the page's `<h1>`. */
  isPageHeading?: boolean;
  /** Space-separated ids of hint and error, for `aria-describedby`. */
  describedBy?: string;
  children: ReactNode;
  className?: string;
}

/** Groups related controls (radios, checkboxes, the three parts of a date) under one question. */
export function Fieldset({
  legend,
  isPageHeading = false,
  describedBy,
  children,
  className,
}: FieldsetProps) {
  return (
    <fieldset className={cx('mpp-fieldset', className)} aria-describedby={describedBy || undefined}>
      <legend
        className={cx('mpp-fieldset__legend', isPageHeading && 'mpp-fieldset__legend--heading')}
      >
        {isPageHeading ? <h1 className="mpp-fieldset__heading">{legend}</h1> : legend}
      </legend>
      {children}
    </fieldset>
  );
}
