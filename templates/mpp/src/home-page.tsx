import { timezoneForRegion } from '@mpp-kit/config';
import { VisuallyHidden } from '@mpp-kit/ui';
import { renderToStaticMarkup } from 'react-dom/server';

export interface InstanceIdentity {
  name: string;
  regionCode: string;
}

/** The home page of an MPP instance, rendered on the server with no JavaScript. */
export function renderHomePage(identity: InstanceIdentity): string {
  const timezone = timezoneForRegion(identity.regionCode) ?? 'Asia/Jakarta';
  const body = renderToStaticMarkup(
    <main>
      <h1>{identity.name}</h1>
      <p>
        Mal Pelayanan Publik <VisuallyHidden>(public service mall)</VisuallyHidden> — zona waktu{' '}
        {timezone}
      </p>
    </main>,
  );
  return `<!doctype html><html lang="id"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${escapeHtml(identity.name)}</title></head><body>${body}</body></html>`;
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
