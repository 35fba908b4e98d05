import { Announcer, I18nProvider, QueueBoard, type QueueCall } from '@mpp-kit/ui';
import { hydrateRoot } from 'react-dom/client';

/** The TV board as a client island: server-rendered first, then hydrated to speak calls. */
export function BoardIsland({ calls }: { calls: QueueCall[] }) {
  return (
    <I18nProvider locale="id">
      <div className="mpp-root">
        <Announcer call={calls[0]} />
        <QueueBoard title="MPP Kota Contoh" counters={[{ counter: '1' }]} recentCalls={calls} />
      </div>
    </I18nProvider>
  );
}

/** Without a framework: hydrate the server HTML. (In Astro: `<BoardIsland client:load calls={calls} />`.) */
export function mountBoard(container: Element, calls: QueueCall[]) {
  return hydrateRoot(container, <BoardIsland calls={calls} />);
}
