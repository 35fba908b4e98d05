import type { ElementType, ReactNode } from 'react';

export interface VisuallyHiddenProps {
  children: ReactNode;
  /** The element to render; `span` by default so it can sit inside text. */
  as?: ElementType;
}

/**
 * Text that screen readers announce but that is not drawn on screen, e.g. the
 * word "nomor antrean" before a large ticket number. Uses the clip pattern rather
 * than `display: none`, which would hide it from assistive technology too.
 */
export function VisuallyHidden({ children, as: Element = 'span' }: VisuallyHiddenProps) {
  return <Element className="mpp-visually-hidden">{children}</Element>;
}
