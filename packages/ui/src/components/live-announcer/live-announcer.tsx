import {
  createContext,
  type ReactNode,
  useCallback,
  useContext,
  useEffect,
  useMemo,
  useRef,
} from 'react';

/** How urgently a screen reader should speak a message. */
export type Politeness = 'polite' | 'assertive';

/** Speaks `message` through the pre-mounted live region of the given politeness. */
export type Announce = (message: string, politeness?: Politeness) => void;

const AnnounceContext = /* @__PURE__ */ createContext<Announce | null>(null);

/** Delay between clearing a region and writing to it, so a repeated identical message is heard again. */
export const ANNOUNCE_DELAY_MS = 100;

export interface LiveAnnouncerProps {
  children?: ReactNode;
}

/**
 * Mounts one polite and one assertive live region at page load — screen readers ignore regions
 * that appear already filled — and gives descendants `useAnnounce()`. Each message first clears
 * its region, then is written after a short delay, so the same text twice is announced twice
 * (and Safari, which drops text written right after mounting, still speaks it).
 */
export function LiveAnnouncer({ children }: LiveAnnouncerProps) {
  const polite = useRef<HTMLDivElement>(null);
  const assertive = useRef<HTMLDivElement>(null);
  const timers = useRef(new Set<ReturnType<typeof setTimeout>>());

  useEffect(() => {
    const pending = timers.current;
    return () => {
      for (const timer of pending) clearTimeout(timer);
    };
  }, []);

  const announce = useCallback<Announce>((message, politeness = 'polite') => {
    const region = politeness === 'assertive' ? assertive.current : polite.current;
    if (!region) return;
    region.textContent = '';
    const timer = setTimeout(() => {
      timers.current.delete(timer);
      region.textContent = message;
    }, ANNOUNCE_DELAY_MS);
    timers.current.add(timer);
  }, []);

  const value = useMemo(() => announce, [announce]);
  return (
    <AnnounceContext.Provider value={value}>
      {children}
      <div
        ref={polite}
        className="mpp-visually-hidden"
        role="status"
        aria-live="polite"
        aria-atomic="true"
        data-mpp-live="polite"
      />
      <div
        ref={assertive}
        className="mpp-visually-hidden"
        aria-live="assertive"
        aria-atomic="true"
        data-mpp-live="assertive"
      />
    </AnnounceContext.Provider>
  );
}

/**
 * The `announce` function of the nearest `LiveAnnouncer`. Outside one it does nothing, so
 * components stay usable (and server-renderable) on pages that do not mount an announcer.
 */
export function useAnnounce(): Announce {
  return useContext(AnnounceContext) ?? noop;
}

function noop() {}
