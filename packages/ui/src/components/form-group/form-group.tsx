import type { ReactNode } from 'react';
import { cx } from '../cx.js';
import { ErrorMessage } from '../error-message/error-message.js';
import { Hint } from '../hint/hint.js';

/** Props shared by every single-control field. */
export interface FieldProps {
  /** Id of the control; hint and error ids derive from it. */
  id: string;
  /** Name posted with the form. Defaults to `id`. */
  name?: string;
  label: ReactNode;
  hint?: ReactNode;
  /** Server-side validation message; marks the control `aria-invalid`. */
  error?: ReactNode;
  /** Makes the label the page heading. */
  isPageHeading?: boolean;
}

/** `aria-describedby` for a control: hint first, then error. */
export function describedBy(
  id: string,
  hint: unknown,
  error: unknown,
  extra?: string,
): string | undefined {
  const ids = [hint ? `${id}-hint` : '', error ? `${id}-error` : '', extra ?? ''].filter(Boolean);
  return ids.length ? ids.join(' ') : undefined;
}

export interface FormGroupProps {
  id: string;
  hint?: ReactNode;
  error?: ReactNode;
  label?: ReactNode;
  children: ReactNode;
  className?: string;
}

/** Wraps one field: hint and error (with the red bar) around the control. Used by every input. */
export function FormGroup({ id, hint, error, label, children, className }: FormGroupProps) {
  return (
    <div className={cx('mpp-form-group', Boolean(error) && 'mpp-form-group--error', className)}>
      {label}
      {hint ? <Hint id={`${id}-hint`}>{hint}</Hint> : null}
      {error ? <ErrorMessage id={`${id}-error`}>{error}</ErrorMessage> : null}
      {children}
    </div>
  );
}
