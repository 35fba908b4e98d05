import type { FormHTMLAttributes, ReactNode } from 'react';
import { cx } from '../cx.js';

export interface FormProps
  extends Omit<FormHTMLAttributes<HTMLFormElement>, 'method' | 'noValidate'> {
  /** Where the form posts; the current URL when absent. */
  action?: string;
  /** Default `post`. */
  method?: 'post' | 'get';
  children: ReactNode;
}

/**
 * A plain HTML form: it posts without JavaScript, and browser validation is off (`novalidate`)
 * because the server validates and shows errors on submit (error summary + messages by fields).
 */
export function Form({ method = 'post', className, children, ...rest }: FormProps) {
  return (
    <form {...rest} method={method} noValidate className={cx('mpp-form', className)}>
      {children}
    </form>
  );
}
