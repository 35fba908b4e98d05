import { useI18n } from '../../i18n/i18n-provider.js';
import { TextInput, type TextInputProps } from '../text-input/text-input.js';

export type PhoneInputProps = Omit<TextInputProps, 'type' | 'inputMode'>;

/** A telephone number input (`type="tel"`, phone keypad, `autocomplete="tel"`). */
export function PhoneInput({ hint, width = 20, ...props }: PhoneInputProps) {
  const { t } = useI18n();
  return (
    <TextInput
      autoComplete="tel"
      spellCheck={false}
      {...props}
      hint={hint ?? t('phoneInput.hint')}
      type="tel"
      inputMode="tel"
      width={width}
    />
  );
}
