import type { InputHTMLAttributes } from 'react';
import { cx } from '../cx.js';
import { describedBy, type FieldProps, FormGroup } from '../form-group/form-group.js';
import { Label } from '../label/label.js';

/** Width of an input in characters, so the size hints at the expected answer. */
export type InputWidth = 'full' | 20 | 10 | 5 | 4 | 3 | 2;

export interface TextInputProps
  extends FieldProps,
    Omit<InputHTMLAttributes<HTMLInputElement>, 'id' | 'name' | 'width'> {
  /** Default `full`. */
  width?: InputWidth;
}

/**
 * A labelled single-line input. Never validates in the browser (`required`, `pattern` are left
 * to the server) so every citizen gets the same clear messages, with or without JavaScript.
 */
export function TextInput({
  id,
  name,
  label,
  hint,
  error,
  isPageHeading,
  width = 'full',
  className,
  type = 'text',
  ...rest
}: TextInputProps) {
  return (
    <FormGroup
      id={id}
      hint={hint}
      error={error}
      label={
        <Label htmlFor={id} isPageHeading={isPageHeading}>
          {label}
        </Label>
      }
    >
      <input
        {...rest}
        id={id}
        name={name ?? id}
        type={type}
        className={cx(
          'mpp-input',
          width !== 'full' && `mpp-input--width-${width}`,
          Boolean(error) && 'mpp-input--error',
          className,
        )}
        aria-describedby={describedBy(id, hint, error, rest['aria-describedby'])}
        aria-invalid={error ? true : undefined}
      />
    </FormGroup>
  );
}
