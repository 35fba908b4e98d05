import type { SelectHTMLAttributes } from 'react';
import { useI18n } from '../../i18n/i18n-provider.js';
import { cx } from '../cx.js';
import { describedBy, type FieldProps, FormGroup } from '../form-group/form-group.js';
import { Label } from '../label/label.js';

/** One option of a `Select`. */
export interface SelectOption {
  value: string;
  text: string;
}

export interface SelectProps
  extends FieldProps,
    Omit<SelectHTMLAttributes<HTMLSelectElement>, 'id' | 'name' | 'children'> {
  options: readonly SelectOption[];
  /** Adds an empty first option ("Pilih salah satu") so nothing is chosen by accident. Default true. */
  placeholder?: boolean;
}

/** A native select. Prefer radios for fewer than about 8 options. */
export function Select({
  id,
  name,
  label,
  hint,
  error,
  isPageHeading,
  options,
  placeholder = true,
  className,
  ...rest
}: SelectProps) {
  const { t } = useI18n();
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
      <select
        {...rest}
        id={id}
        name={name ?? id}
        className={cx('mpp-select', Boolean(error) && 'mpp-select--error', className)}
        aria-describedby={describedBy(id, hint, error)}
        aria-invalid={error ? true : undefined}
      >
        {placeholder && <option value="">{t('select.placeholder')}</option>}
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.text}
          </option>
        ))}
      </select>
    </FormGroup>
  );
}
