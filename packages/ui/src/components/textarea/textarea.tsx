import { type TextareaHTMLAttributes, useEffect, useState } from 'react';
import { useI18n } from '../../i18n/i18n-provider.js';
import { cx } from '../cx.js';
import { describedBy, type FieldProps, FormGroup } from '../form-group/form-group.js';
import { Label } from '../label/label.js';

export interface TextareaProps
  extends FieldProps,
    Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, 'id' | 'name' | 'maxLength'> {
  /**
   * Turns on the character count. It is advisory, not `maxlength`: people can type or paste
   * past it and see by how much, and the server gives the error.
   */
  maxLength?: number;
}

/** Debounce for the screen-reader count, so it is not read on every keystroke. */
const COUNT_ANNOUNCE_DELAY_MS = 1000;

/**
 * A labelled multi-line input, with an optional character count. Without JavaScript the count
 * is a static "Anda dapat mengetik hingga N karakter" line; with it, the line shows what is left
 * and a separate polite live region reads it once typing pauses.
 */
export function Textarea({
  id,
  name,
  label,
  hint,
  error,
  isPageHeading,
  maxLength,
  rows = 5,
  className,
  defaultValue,
  onChange,
  ...rest
}: TextareaProps) {
  const { t } = useI18n();
  const [enhanced, setEnhanced] = useState(false);
  const [length, setLength] = useState(String(defaultValue ?? '').length);
  const [spoken, setSpoken] = useState('');
  useEffect(() => setEnhanced(true), []);

  const countText =
    maxLength === undefined
      ? ''
      : !enhanced
        ? t('characterCount.limit', { limit: maxLength })
        : length > maxLength
          ? t('characterCount.over', { count: length - maxLength })
          : t('characterCount.remaining', { count: maxLength - length });

  useEffect(() => {
    if (!enhanced || maxLength === undefined) return;
    const timer = setTimeout(() => setSpoken(countText), COUNT_ANNOUNCE_DELAY_MS);
    return () => clearTimeout(timer);
  }, [enhanced, maxLength, countText]);

  const countId = `${id}-info`;
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
      className={maxLength !== undefined ? 'mpp-character-count' : undefined}
    >
      <textarea
        {...rest}
        id={id}
        name={name ?? id}
        rows={rows}
        defaultValue={defaultValue}
        className={cx('mpp-textarea', Boolean(error) && 'mpp-textarea--error', className)}
        aria-describedby={describedBy(
          id,
          hint,
          error,
          maxLength !== undefined ? countId : undefined,
        )}
        aria-invalid={error ? true : undefined}
        onChange={(event) => {
          setLength(event.currentTarget.value.length);
          onChange?.(event);
        }}
      />
      {maxLength !== undefined && (
        <>
          <div
            id={countId}
            className={cx(
              'mpp-character-count__message',
              length > maxLength && enhanced && 'mpp-character-count__message--over',
            )}
            aria-hidden={enhanced ? true : undefined}
          >
            {countText}
          </div>
          {/* The visible line is hidden from screen readers once enhanced; this region speaks instead. */}
          <div className="mpp-visually-hidden" aria-live="polite">
            {spoken}
          </div>
        </>
      )}
    </FormGroup>
  );
}

/** A `Textarea` with a character count; `maxLength` is required. */
export function CharacterCount(props: TextareaProps & { maxLength: number }) {
  return <Textarea {...props} />;
}
