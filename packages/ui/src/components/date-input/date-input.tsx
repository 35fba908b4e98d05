import type { ReactNode } from 'react';
import { useI18n } from '../../i18n/i18n-provider.js';
import { cx } from '../cx.js';
import { Fieldset } from '../fieldset/fieldset.js';
import { describedBy, FormGroup } from '../form-group/form-group.js';

/** The three parts of a date as typed, kept as text so nothing the user typed is lost. */
export interface DateParts {
  day?: string;
  month?: string;
  year?: string;
}

export interface DateInputProps {
  /** Id prefix: inputs are `{id}-day`, `{id}-month`, `{id}-year`. */
  id: string;
  /** Name prefix: posts `{name}-day`, `{name}-month`, `{name}-year`. Defaults to `id`. */
  name?: string;
  legend: ReactNode;
  hint?: ReactNode;
  error?: ReactNode;
  /** Which parts the error is about; all three when absent. */
  errorParts?: ReadonlyArray<keyof DateParts>;
  defaultValue?: DateParts;
  isPageHeading?: boolean;
  /** `bday` fills the three parts from the browser's saved birthday. */
  autoComplete?: 'bday';
}

/**
 * A memorable date (e.g. date of birth) as three numeric text boxes. Not `type="number"`,
 * which drops leading zeros and changes on scroll; `inputmode="numeric"` opens the keypad.
 */
export function DateInput({
  id,
  name,
  legend,
  hint,
  error,
  errorParts,
  defaultValue = {},
  isPageHeading,
  autoComplete,
}: DateInputProps) {
  const { t } = useI18n();
  const prefix = name ?? id;
  const parts: Array<{ part: keyof DateParts; label: string; width: number }> = [
    { part: 'day', label: t('dateInput.day'), width: 2 },
    { part: 'month', label: t('dateInput.month'), width: 2 },
    { part: 'year', label: t('dateInput.year'), width: 4 },
  ];
  return (
    <FormGroup id={id} error={error}>
      <Fieldset
        legend={legend}
        isPageHeading={isPageHeading}
        describedBy={describedBy(id, hint, error)}
      >
        {hint ? (
          <div id={`${id}-hint`} className="mpp-hint">
            {hint}
          </div>
        ) : null}
        <div className="mpp-date-input">
          {parts.map(({ part, label, width }) => {
            const invalid = Boolean(error) && (!errorParts || errorParts.includes(part));
            return (
              <div className="mpp-date-input__item" key={part}>
                <label className="mpp-date-input__label" htmlFor={`${id}-${part}`}>
                  {label}
                </label>
                <input
                  className={cx(
                    'mpp-input',
                    `mpp-input--width-${width}`,
                    invalid && 'mpp-input--error',
                  )}
                  id={`${id}-${part}`}
                  name={`${prefix}-${part}`}
                  type="text"
                  inputMode="numeric"
                  spellCheck={false}
                  defaultValue={defaultValue[part]}
                  autoComplete={autoComplete ? `${autoComplete}-${part}` : undefined}
                  aria-invalid={invalid ? true : undefined}
                />
              </div>
            );
          })}
        </div>
      </Fieldset>
    </FormGroup>
  );
}
