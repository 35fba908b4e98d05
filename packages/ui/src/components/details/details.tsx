import type { ReactNode } from 'react';

export interface DetailsProps {
  summary: ReactNode;
  children: ReactNode;
  open?: boolean;
}

/** Extra help a few people need, behind a native `<details>` (no JavaScript, keyboard built in). */
export function Details({ summary, children, open }: DetailsProps) {
  return (
    <details className="mpp-details" open={open}>
      <summary className="mpp-details__summary">{summary}</summary>
      <div className="mpp-details__text">{children}</div>
    </details>
  );
}
