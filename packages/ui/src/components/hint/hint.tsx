import type { ReactNode } from 'react';

export interface HintProps {
  /** Referenced by the control's `aria-describedby`; by convention `{controlId}-hint`. */
  id: string;
  children: ReactNode;
}

/** Help text under a label, read after the label by screen readers. */
export function Hint({ id, children }: HintProps) {
  return (
    <div id={id} className="mpp-hint">
      {children}
    </div>
  );
}
