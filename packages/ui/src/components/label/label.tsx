import type { ReactNode } from 'react';
import { cx } from '../cx.js';

export interface LabelProps {
  /** Id of the control this labels. */
  htmlFor: string;
  children: ReactNode;
  /** Make the label the page heading (one-question pages): wraps it in an `<h1>`. */
  isPageHeading?: boolean;
  className?: string;
}

/** The visible name of a form control. Always present: placeholders are not labels. */
export function Label({ htmlFor, children, isPageHeading = false, className }: LabelProps) {
  const label = (
    <label
      className={cx('mpp-label', isPageHeading && 'mpp-label--heading', className)}
      htmlFor={htmlFor}
    >
      {children}
    </label>
  );
  return isPageHeading ? <h1 className="mpp-label-wrapper">{label}</h1> : label;
}
