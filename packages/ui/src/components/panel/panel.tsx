import type { ReactNode } from 'react';

export interface PanelProps {
  /** E.g. "Pendaftaran berhasil". */
  title: string;
  /** E.g. the booking reference. */
  children?: ReactNode;
  /** Heading level of the title; the page `<h1>` by default. */
  headingLevel?: 1 | 2;
}

/** The confirmation at the end of a journey, with the reference number in large text. */
export function Panel({ title, children, headingLevel = 1 }: PanelProps) {
  const Heading = headingLevel === 1 ? 'h1' : 'h2';
  return (
    <div className="mpp-panel">
      <Heading className="mpp-panel__title">{title}</Heading>
      {children ? <div className="mpp-panel__body">{children}</div> : null}
    </div>
  );
}
