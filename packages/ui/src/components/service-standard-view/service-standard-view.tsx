import type {
  BilingualText,
  Duration,
  LegalReference,
  StandarPelayanan,
} from '@mpp-kit/service-standard';
import { type ReactNode, useEffect, useId, useState } from 'react';
import type { MessageKey } from '../../i18n/catalogue-id.js';
import { type Locale, type Translate, useI18n } from '../../i18n/i18n-provider.js';
import { Button } from '../button/button.js';

export interface ServiceStandardViewProps {
  /** Name of the service (layanan), the page heading. */
  serviceName: BilingualText | string;
  /** One version of the standard, as validated by `@mpp-kit/service-standard`. */
  standard: StandarPelayanan;
  /** Level of the title; sections use the next two levels. Default 1. */
  headingLevel?: 1 | 2;
  /** Show a "Cetak halaman ini" button (only once JavaScript runs; printing works without it). */
  printButton?: boolean;
}

// Type-only imports from @mpp-kit/service-standard keep zod out of the browser bundle; the
// order and names of the 14 components follow UU 25/2009 Pasal 21 and PermenPANRB 15/2014.
const DELIVERY = [
  'persyaratan',
  'prosedur',
  'jangkaWaktu',
  'biaya',
  'produk',
  'penangananPengaduan',
] as const;
const MANAGEMENT = [
  'dasarHukum',
  'sarana',
  'kompetensiPelaksana',
  'pengawasanInternal',
  'jumlahPelaksana',
  'jaminanPelayanan',
  'jaminanKeamanan',
  'evaluasiKinerja',
] as const;
type Komponen = (typeof DELIVERY)[number] | (typeof MANAGEMENT)[number];

function text(value: BilingualText | string, locale: Locale): string {
  if (typeof value === 'string') return value;
  return locale === 'en' && value.en ? value.en : value.id;
}

/**
 * A standar pelayanan, all 14 components, for citizens to read and print: the six components
 * about getting the service first (requirements, procedure, time, fees, products, complaints),
 * then the eight about how it is managed. Numbered headings make it easy to navigate with a
 * screen reader and to refer to on paper; the print stylesheet drops navigation and keeps each
 * component on one page where it fits.
 */
export function ServiceStandardView({
  serviceName,
  standard,
  headingLevel = 1,
  printButton = true,
}: ServiceStandardViewProps) {
  const { t, locale } = useI18n();
  const [enhanced, setEnhanced] = useState(false);
  useEffect(() => setEnhanced(true), []);
  const baseId = useId();
  const Title = headingLevel === 1 ? 'h1' : 'h2';
  const Group = headingLevel === 1 ? 'h2' : 'h3';
  const Item = headingLevel === 1 ? 'h3' : 'h4';
  const tx = (value: BilingualText | string) => text(value, locale);
  const date = (iso: string) =>
    new Intl.DateTimeFormat(locale === 'id' ? 'id-ID' : 'en-GB', {
      dateStyle: 'long',
      timeZone: 'UTC',
    }).format(new Date(`${iso}T00:00:00Z`));
  const section = (key: Komponen, index: number, body: ReactNode) => (
    <section
      key={key}
      className="mpp-service-standard__component"
      aria-labelledby={`${baseId}-${key}`}
    >
      <Item className="mpp-service-standard__heading" id={`${baseId}-${key}`}>
        {index}. {t(`standard.${key}`)}
      </Item>
      {body}
    </section>
  );
  const bodies = renderBodies(standard, t, tx);
  const publication = standard.publication;
  return (
    <article className="mpp-service-standard">
      <header className="mpp-service-standard__header">
        <p className="mpp-service-standard__caption">{t('serviceStandard.title')}</p>
        <Title className="mpp-heading-l">{tx(serviceName)}</Title>
        <p className="mpp-body">
          {t('standard.version', {
            version: standard.version,
            date: date(publication.effectiveDate),
          })}
          {publication.nextReview ? (
            <>
              {' · '}
              {t('standard.nextReview', { date: date(publication.nextReview) })}
            </>
          ) : null}
        </p>
        {standard.priorityFor && standard.priorityFor.length > 0 ? (
          <p className="mpp-body">
            <strong>{t('standard.priorityFor')}:</strong>{' '}
            {standard.priorityFor.map((group) => t(`rentan.${group}`)).join(', ')}
          </p>
        ) : null}
        {printButton && enhanced ? (
          <Button
            type="button"
            variant="secondary"
            className="mpp-service-standard__print"
            onClick={() => window.print()}
          >
            {t('serviceStandard.print')}
          </Button>
        ) : null}
      </header>
      <section className="mpp-service-standard__group" aria-labelledby={`${baseId}-delivery`}>
        <Group className="mpp-heading-m" id={`${baseId}-delivery`}>
          {t('serviceStandard.delivery')}
        </Group>
        {DELIVERY.map((key, index) => section(key, index + 1, bodies[key]))}
      </section>
      <section className="mpp-service-standard__group" aria-labelledby={`${baseId}-management`}>
        <Group className="mpp-heading-m" id={`${baseId}-management`}>
          {t('serviceStandard.management')}
        </Group>
        {MANAGEMENT.map((key, index) => section(key, DELIVERY.length + index + 1, bodies[key]))}
      </section>
      <footer className="mpp-service-standard__footer">
        <p className="mpp-body">
          {t('standard.adoptedBy')}: {tx(publication.adoptedBy.office)}
          {publication.adoptedBy.instrument
            ? ` (${legal(publication.adoptedBy.instrument, t)})`
            : ''}
        </p>
        {publication.maklumatPelayanan ? (
          <blockquote className="mpp-service-standard__maklumat">
            <p className="mpp-body">
              <strong>{t('standard.maklumat')}:</strong> {tx(publication.maklumatPelayanan)}
            </p>
          </blockquote>
        ) : null}
      </footer>
    </article>
  );
}

function duration(value: Duration, t: Translate): string {
  return t(`standard.unit.${value.unit}`, { amount: value.amount });
}

function legal(ref: LegalReference, t: Translate): string {
  const base = t('standard.legal', {
    type: t(`legal.${ref.type}`),
    number: ref.number,
    year: ref.year,
    title: ref.title,
  });
  return ref.article ? `${base}, ${ref.article}` : base;
}

function renderBodies(
  s: StandarPelayanan,
  t: Translate,
  tx: (value: BilingualText | string) => string,
): Record<Komponen, ReactNode> {
  const rupiah = new Intl.NumberFormat('id-ID', {
    style: 'currency',
    currency: 'IDR',
    maximumFractionDigits: 0,
  });
  const list = (items: readonly BilingualText[]) => (
    <ul className="mpp-service-standard__list">
      {items.map((item) => (
        <li key={item.id}>{tx(item)}</li>
      ))}
    </ul>
  );
  const note = (value?: BilingualText) => (value ? <p className="mpp-body">{tx(value)}</p> : null);
  return {
    persyaratan: (
      <ol className="mpp-service-standard__list">
        {s.persyaratan.map((req) => (
          <li key={req.document.id}>
            {tx(req.document)}{' '}
            <span className="mpp-service-standard__meta">
              (
              {[
                t(`standard.form.${req.form}` as MessageKey),
                req.count > 1 ? t('standard.copies', { count: req.count }) : '',
                t(`standard.providedBy.${req.providedBy}` as MessageKey),
                req.optional ? t('standard.optional') : '',
              ]
                .filter(Boolean)
                .join(', ')}
              )
            </span>
            {req.condition ? (
              <span className="mpp-service-standard__condition"> — {tx(req.condition)}</span>
            ) : null}
          </li>
        ))}
      </ol>
    ),
    prosedur: (
      <>
        <ol className="mpp-service-standard__list">
          {s.prosedur.steps.map((step) => (
            <li key={step.description.id}>
              <strong>{t(`standard.actor.${step.actor}`)}:</strong> {tx(step.description)}
              {step.duration ? (
                <span className="mpp-service-standard__meta"> ({duration(step.duration, t)})</span>
              ) : null}
            </li>
          ))}
        </ol>
        {note(s.prosedur.note)}
      </>
    ),
    jangkaWaktu: (
      <>
        <p className="mpp-body mpp-service-standard__fact">{duration(s.jangkaWaktu, t)}</p>
        {note(s.jangkaWaktu.note)}
      </>
    ),
    biaya: s.biaya.free ? (
      <>
        <p className="mpp-body mpp-service-standard__fact">{t('serviceStandard.free')}</p>
        {s.biaya.legalBasis?.length ? (
          <ul className="mpp-service-standard__list">
            {s.biaya.legalBasis.map((ref) => (
              <li key={`${ref.type}-${ref.number}-${ref.year}`}>{legal(ref, t)}</li>
            ))}
          </ul>
        ) : null}
        {note(s.biaya.note)}
      </>
    ) : (
      <>
        <div className="mpp-table-wrapper">
          <table className="mpp-table">
            <caption className="mpp-visually-hidden">{t('standard.biaya')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('standard.fee.description')}</th>
                <th scope="col" className="mpp-table__numeric">
                  {t('standard.fee.amount')}
                </th>
                <th scope="col">{t('standard.fee.basis')}</th>
              </tr>
            </thead>
            <tbody>
              {s.biaya.tarif.map((fee) => (
                <tr key={fee.description.id}>
                  <th scope="row">{tx(fee.description)}</th>
                  <td className="mpp-table__numeric">
                    {fee.amount !== undefined
                      ? rupiah.format(fee.amount)
                      : fee.formula
                        ? tx(fee.formula)
                        : ''}
                  </td>
                  <td>{legal(fee.legalBasis, t)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        {note(s.biaya.note)}
      </>
    ),
    produk: (
      <ul className="mpp-service-standard__list">
        {s.produk.map((product) => (
          <li key={product.name.id}>
            {tx(product.name)}{' '}
            <span className="mpp-service-standard__meta">
              ({t(`standard.product.${product.form}`)})
            </span>
          </li>
        ))}
      </ul>
    ),
    penangananPengaduan: (
      <>
        <ul className="mpp-service-standard__list">
          {s.penangananPengaduan.channels.map((channel) => (
            <li key={`${channel.kind}-${channel.contact ?? ''}`}>
              {t(`standard.channel.${channel.kind}`)}
              {channel.contact ? `: ${channel.contact}` : ''}
            </li>
          ))}
        </ul>
        {s.penangananPengaduan.responseTime ? (
          <p className="mpp-body">
            {t('standard.responseTime', { time: duration(s.penangananPengaduan.responseTime, t) })}
          </p>
        ) : null}
        {note(s.penangananPengaduan.description)}
      </>
    ),
    dasarHukum: (
      <ul className="mpp-service-standard__list">
        {s.dasarHukum.map((ref) => (
          <li key={`${ref.type}-${ref.number}-${ref.year}`}>{legal(ref, t)}</li>
        ))}
      </ul>
    ),
    sarana: (
      <>
        <p className="mpp-body mpp-service-standard__subheading">{t('standard.general')}</p>
        {list(s.sarana.general)}
        <p className="mpp-body mpp-service-standard__subheading">{t('standard.vulnerable')}</p>
        {list(s.sarana.vulnerableGroups)}
      </>
    ),
    kompetensiPelaksana: list(s.kompetensiPelaksana),
    pengawasanInternal: list(s.pengawasanInternal),
    jumlahPelaksana: (
      <>
        <p className="mpp-body mpp-service-standard__fact">
          {t('standard.officers', { count: s.jumlahPelaksana.count })}
        </p>
        {note(s.jumlahPelaksana.description)}
      </>
    ),
    jaminanPelayanan: <p className="mpp-body">{tx(s.jaminanPelayanan)}</p>,
    jaminanKeamanan: <p className="mpp-body">{tx(s.jaminanKeamanan)}</p>,
    evaluasiKinerja: (
      <p className="mpp-body">
        {tx(s.evaluasiKinerja.method)} ({t(`standard.frequency.${s.evaluasiKinerja.frequency}`)})
      </p>
    ),
  };
}
