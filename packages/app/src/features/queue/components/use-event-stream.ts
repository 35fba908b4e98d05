import { useEffect, useRef } from 'react';

/**
 * Subscribes to a server-sent-event stream. The first connection replays from `since` (the
 * event id the page was rendered at); the browser's own reconnects send Last-Event-ID, so no
 * call is missed across a network drop or a server restart.
 */
export function useEventStream<T>(url: string, since: number, onEvent: (event: T) => void): void {
  const handler = useRef(onEvent);
  handler.current = onEvent;
  useEffect(() => {
    const source = new EventSource(`${url}?since=${since}`);
    source.addEventListener('queue', (message) => {
      handler.current(JSON.parse((message as MessageEvent<string>).data) as T);
    });
    return () => source.close();
  }, [url, since]);
}
