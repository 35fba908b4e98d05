import type { ReactNode } from 'react';
import { ChoiceGroup } from '../radios/radios.js';

/** One answer of the scale: the value posted and its words. */
export interface LikertOption {
  value: string;
  label: string;
}

/**
 * The four answers of an SKM question (Permenpan RB 14/2017), scored 1–4. Each unsur words
 * them for its topic; these are the generic "sesuai" wording.
 */
export const SKM_OPTIONS_ID: readonly LikertOption[] = [
  { value: '1', label: 'Tidak sesuai' },
  { value: '2', label: 'Kurang sesuai' },
  { value: '3', label: 'Sesuai' },
  { value: '4', label: 'Sangat sesuai' },
];

/** English wording of the generic answers. */
export const SKM_OPTIONS_EN: readonly LikertOption[] = [
  { value: '1', label: 'Not appropriate' },
  { value: '2', label: 'Somewhat appropriate' },
  { value: '3', label: 'Appropriate' },
  { value: '4', label: 'Very appropriate' },
];

export interface LikertScaleProps {
  /** Id of the first radio. */
  id: string;
  /** Field name, e.g. `u1` for the first unsur. */
  name: string;
  /** The question, e.g. "Bagaimana pendapat Saudara tentang kesesuaian persyaratan pelayanan?" */
  question: ReactNode;
  /** Answers, lowest first. Default: the generic Indonesian SKM wording. */
  options?: readonly LikertOption[];
  hint?: ReactNode;
  error?: ReactNode;
  defaultValue?: string;
  onChange?: (value: string) => void;
}

/**
 * One SKM survey question: a fieldset with the question as legend and native radios, each at
 * least 44 px, with the score and its words (never a colour or an emoji alone). Arrow keys move
 * between answers; it posts without JavaScript.
 */
export function LikertScale({
  options = SKM_OPTIONS_ID,
  defaultValue,
  question,
  ...props
}: LikertScaleProps) {
  return (
    <div className="mpp-likert">
      <ChoiceGroup
        {...props}
        legend={question}
        type="radio"
        size="large"
        defaultValues={defaultValue === undefined ? [] : [defaultValue]}
        items={options.map((option) => ({
          value: option.value,
          label: (
            <>
              <span className="mpp-likert__score" aria-hidden="true">
                {option.value}
              </span>{' '}
              {option.label}
            </>
          ),
        }))}
      />
    </div>
  );
}
