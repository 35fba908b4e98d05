import { type MouseEvent, type ReactNode, useEffect, useRef } from 'react';
import { useI18n } from '../../i18n/i18n-provider.js';

/** One entry of the summary: what is wrong and the id of the field to fix. */
export interface ErrorSummaryItem {
  /** Id of the field (the first input of a group), without `#`. */
  fieldId: string;
  text: ReactNode;
}

export interface ErrorSummaryProps {
  errors: readonly ErrorSummaryItem[];
  /** Default "Ada masalah" / "There is a problem". */
  title?: ReactNode;
  /** Leave focus where it is on mount (e.g. when the summary is not shown after a submit). */
  disableAutoFocus?: boolean;
}

/**
 * The list of everything to fix, shown at the top of the page after a failed submit. It takes
 * focus on load, so screen readers read it first. Each link goes to its field; with JavaScript
 * it scrolls the field's label or legend into view before focusing the field, so the question
 * is visible and announced.
 */
export function ErrorSummary({ errors, title, disableAutoFocus = false }: ErrorSummaryProps) {
  const { t } = useI18n();
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!disableAutoFocus) ref.current?.focus();
  }, [disableAutoFocus]);
  if (errors.length === 0) return null;
  return (
    <div ref={ref} className="mpp-error-summary" tabIndex={-1}>
      {/* role="alert" sits on a child, so screen readers read the whole summary, not only its title. */}
      <div role="alert">
        <h2 className="mpp-error-summary__title" id="mpp-error-summary-title">
          {title ?? t('errorSummary.title')}
        </h2>
        <ul className="mpp-error-summary__list">
          {errors.map((error) => (
            <li key={error.fieldId}>
              <a href={`#${error.fieldId}`} onClick={(event) => focusField(event, error.fieldId)}>
                {error.text}
              </a>
            </li>
          ))}
        </ul>
      </div>
    </div>
  );
}

function focusField(event: MouseEvent<HTMLAnchorElement>, fieldId: string) {
  const field = document.getElementById(fieldId);
  if (!field) return;
  event.preventDefault();
  const legend = field.closest('fieldset')?.querySelector('legend');
  const label = document.querySelector(`label[for="${CSS.escape(fieldId)}"]`);
  const heading = legend ?? label ?? field;
  heading.scrollIntoView({ block: 'start' });
  field.focus({ preventScroll: true });
}
