import { useI18n } from '../../i18n/i18n-provider.js';
import { TextInput, type TextInputProps } from '../text-input/text-input.js';

export type NikInputProps = Omit<TextInputProps, 'type' | 'inputMode' | 'width'>;

/**
 * Input for a 16-digit NIK: numeric keypad on phones, no autocorrect, never cleared on error.
 * Check the value on the server with `validateNik`.
 */
export function NikInput({ hint, ...props }: NikInputProps) {
  const { t } = useI18n();
  return (
    <TextInput
      autoComplete="off"
      spellCheck={false}
      {...props}
      hint={hint ?? t('nikInput.hint')}
      type="text"
      inputMode="numeric"
      width={20}
    />
  );
}
