import type { ReactNode } from 'react';
import { cx } from '../cx.js';
import { Fieldset } from '../fieldset/fieldset.js';
import { describedBy, FormGroup } from '../form-group/form-group.js';

/** One choice in a `Radios` or `Checkboxes` group. */
export interface ChoiceItem {
  value: string;
  label: ReactNode;
  hint?: ReactNode;
}

/** Props shared by `Radios` and `Checkboxes`. */
export interface ChoiceGroupProps {
  /** Id of the first control (the error summary links here); others get `{id}-2`, `{id}-3`, … */
  id: string;
  name: string;
  legend: ReactNode;
  items: readonly ChoiceItem[];
  hint?: ReactNode;
  error?: ReactNode;
  isPageHeading?: boolean;
  /** Side by side, for two short answers such as Ya / Tidak. */
  inline?: boolean;
  /** `large` gives 44 px controls, for kiosks and the SKM survey. */
  size?: 'normal' | 'large';
}

export interface RadiosProps extends ChoiceGroupProps {
  defaultValue?: string;
  /** Called with the chosen value; the group still posts as a normal form field. */
  onChange?: (value: string) => void;
}

/** Id of the control for item `index` of a choice group. */
export function choiceId(id: string, index: number): string {
  return index === 0 ? id : `${id}-${index + 1}`;
}

/**
 * One question, one answer, with native radio buttons: arrow keys move and select within the
 * group, Tab leaves it, and it posts without JavaScript.
 */
export function Radios(props: RadiosProps) {
  return (
    <ChoiceGroup
      {...props}
      type="radio"
      defaultValues={props.defaultValue === undefined ? [] : [props.defaultValue]}
    />
  );
}

/** @internal Shared markup of radios and checkboxes. */
export function ChoiceGroup({
  id,
  name,
  legend,
  items,
  hint,
  error,
  isPageHeading,
  inline = false,
  size = 'normal',
  type,
  defaultValues,
  onChange,
}: ChoiceGroupProps & {
  type: 'radio' | 'checkbox';
  defaultValues: readonly string[];
  onChange?: (value: string) => void;
}) {
  const base = type === 'radio' ? 'mpp-radios' : 'mpp-checkboxes';
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
        <div
          className={cx(
            base,
            'mpp-choices',
            inline && 'mpp-choices--inline',
            size === 'large' && 'mpp-choices--large',
          )}
        >
          {items.map((item, index) => {
            const itemId = choiceId(id, index);
            return (
              <div className="mpp-choices__item" key={item.value}>
                <input
                  className="mpp-choices__input"
                  id={itemId}
                  name={name}
                  type={type}
                  value={item.value}
                  defaultChecked={defaultValues.includes(item.value)}
                  aria-describedby={item.hint ? `${itemId}-item-hint` : undefined}
                  onChange={onChange ? () => onChange(item.value) : undefined}
                />
                <label className="mpp-choices__label" htmlFor={itemId}>
                  {item.label}
                </label>
                {item.hint ? (
                  <div id={`${itemId}-item-hint`} className="mpp-hint mpp-choices__hint">
                    {item.hint}
                  </div>
                ) : null}
              </div>
            );
          })}
        </div>
      </Fieldset>
    </FormGroup>
  );
}
