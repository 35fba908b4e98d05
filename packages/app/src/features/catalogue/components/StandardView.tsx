import type { StandarPelayanan } from '@mpp-kit/service-standard';
import { I18nProvider, ServiceStandardView } from '@mpp-kit/ui';
import type { Lang } from '../../../shared/i18n/i18n.js';

interface Props {
  lang: Lang;
  serviceName: { id: string; en: string };
  standard: StandarPelayanan;
}

/**
 * The full standar pelayanan (all 14 components) by `@mpp-kit/ui`'s `ServiceStandardView`,
 * rendered on the server only (no client directive, so no JavaScript reaches the citizen).
 * No print button: it appears only once JavaScript runs; the browser's print works without it.
 */
export function StandardView({ lang, serviceName, standard }: Props) {
  return (
    <I18nProvider locale={lang}>
      <ServiceStandardView serviceName={serviceName} standard={standard} printButton={false} />
    </I18nProvider>
  );
}
