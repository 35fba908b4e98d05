import {
  Button,
  ErrorSummary,
  Footer,
  Form,
  Header,
  I18nProvider,
  LiveAnnouncer,
  type Locale,
  NikInput,
  nikMessages,
  SkipLink,
  validateNik,
} from '@mpp-kit/ui';
import { renderToString } from 'react-dom/server';

/** The page asking for a NIK; `submitted` is the posted value after a failed check. */
export function renderNikPage(locale: Locale, submitted?: string): string {
  const problem = submitted === undefined ? null : validateNik(submitted);
  const error = problem ? nikMessages[problem][locale] : undefined;
  const body = renderToString(
    <I18nProvider locale={locale}>
      <div className="mpp-root">
        <LiveAnnouncer>
          <SkipLink />
          <Header
            serviceName="MPP Kota Contoh"
            languages={[
              { lang: 'id', label: 'Bahasa Indonesia', href: '?lang=id' },
              { lang: 'en', label: 'English', href: '?lang=en' },
            ]}
          />
          <main id="main-content" className="mpp-width-container">
            <Form action="/nik">
              {error ? <ErrorSummary errors={[{ fieldId: 'nik', text: error }]} /> : null}
              <NikInput id="nik" label="NIK" isPageHeading defaultValue={submitted} error={error} />
              <Button>{locale === 'id' ? 'Lanjutkan' : 'Continue'}</Button>
            </Form>
          </main>
          <Footer help={{ phone: '(022) 123 4567', complaintHref: '/pengaduan' }} />
        </LiveAnnouncer>
      </div>
    </I18nProvider>,
  );
  // "Kesalahan: " before the title tells screen-reader users at once that the form came back.
  const title = `${error ? (locale === 'id' ? 'Kesalahan: ' : 'Error: ') : ''}NIK – MPP Kota Contoh`;
  return `<!doctype html><html lang="${locale}"><head><meta charset="utf-8"><title>${title}</title><link rel="stylesheet" href="/assets/mpp-ui.css"></head><body>${body}</body></html>`;
}
