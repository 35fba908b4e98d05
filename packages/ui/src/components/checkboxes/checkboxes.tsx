import { ChoiceGroup, type ChoiceGroupProps } from '../radios/radios.js';

export interface CheckboxesProps extends ChoiceGroupProps {
  defaultValues?: readonly string[];
  /** Called with the toggled value. */
  onChange?: (value: string) => void;
}

/** Any number of answers to one question; each checked box posts `name=value`. */
export function Checkboxes({ defaultValues = [], ...props }: CheckboxesProps) {
  return <ChoiceGroup {...props} type="checkbox" defaultValues={defaultValues} />;
}
