import type { ReactNode } from 'react';

/** One row: a key, its value, and an optional change link. */
export interface SummaryRow {
  key: ReactNode;
  value: ReactNode;
  /** "Ubah" link back to the question. */
  change?: { href: string; text: string; visuallyHiddenText: string };
}

export interface SummaryListProps {
  rows: readonly SummaryRow[];
}

/** Answers to check before submitting, as a description list with change links. */
export function SummaryList({ rows }: SummaryListProps) {
  return (
    <dl className="mpp-summary-list">
      {rows.map((row, index) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: rows are static and keys may be elements.
        <div className="mpp-summary-list__row" key={index}>
          <dt className="mpp-summary-list__key">{row.key}</dt>
          <dd className="mpp-summary-list__value">{row.value}</dd>
          {row.change ? (
            <dd className="mpp-summary-list__actions">
              <a href={row.change.href}>
                {row.change.text}
                <span className="mpp-visually-hidden"> {row.change.visuallyHiddenText}</span>
              </a>
            </dd>
          ) : null}
        </div>
      ))}
    </dl>
  );
}
