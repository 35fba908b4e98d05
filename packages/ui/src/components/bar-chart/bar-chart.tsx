import { useId } from 'react';
import { useI18n } from '../../i18n/i18n-provider.js';

/** One bar. */
export interface BarDatum {
  label: string;
  value: number;
}

export interface BarChartProps {
  /** Chart title (figure caption). */
  title: string;
  data: readonly BarDatum[];
  /** Unit after each value, e.g. "menit" or "%". */
  unit?: string;
  /** Scale maximum; the largest value when absent. */
  max?: number;
  /** Text summary read before the chart; when absent, the highest and lowest bars are named. */
  summary?: string;
  /** Number format; default 1 decimal when needed. */
  format?: (value: number) => string;
}

/**
 * A horizontal bar chart for dashboards (e.g. average waiting time per service, IKM per unsur).
 * Made of HTML, not canvas: every bar has its label and value as text next to it, so nothing
 * relies on colour; a text summary comes first; and the same data is in a table (in a native
 * details element, open without JavaScript).
 */
export function BarChart({ title, data, unit = '', max, summary, format }: BarChartProps) {
  const { t, locale } = useI18n();
  const titleId = useId();
  const numberFormat = new Intl.NumberFormat(locale === 'id' ? 'id-ID' : 'en-GB', {
    maximumFractionDigits: 1,
  });
  const show = (value: number) =>
    `${format ? format(value) : numberFormat.format(value)}${unit ? ` ${unit}` : ''}`;
  const top = max ?? Math.max(0, ...data.map((d) => d.value));
  const sorted = [...data].sort((a, b) => b.value - a.value);
  const highest = sorted[0];
  const lowest = sorted.at(-1);
  const text =
    summary ??
    (highest && lowest
      ? locale === 'id'
        ? `Tertinggi: ${highest.label} (${show(highest.value)}). Terendah: ${lowest.label} (${show(lowest.value)}).`
        : `Highest: ${highest.label} (${show(highest.value)}). Lowest: ${lowest.label} (${show(lowest.value)}).`
      : '');
  return (
    <figure className="mpp-bar-chart" aria-labelledby={titleId}>
      <figcaption className="mpp-bar-chart__title" id={titleId}>
        {title}
      </figcaption>
      <p className="mpp-bar-chart__summary">
        <span className="mpp-visually-hidden">{t('chart.summary')}: </span>
        {text}
      </p>
      <ul className="mpp-bar-chart__bars">
        {data.map((datum) => (
          <li key={datum.label} className="mpp-bar-chart__row">
            <span className="mpp-bar-chart__label">{datum.label}</span>
            <span className="mpp-bar-chart__track" aria-hidden="true">
              <span
                className="mpp-bar-chart__bar"
                style={{
                  inlineSize: `${top > 0 ? Math.max(0, Math.min(100, (datum.value / top) * 100)) : 0}%`,
                }}
              />
            </span>
            <span className="mpp-bar-chart__value">{show(datum.value)}</span>
          </li>
        ))}
      </ul>
      <details className="mpp-details">
        <summary className="mpp-details__summary">{t('chart.table')}</summary>
        <div className="mpp-table-wrapper">
          <table className="mpp-table">
            <caption className="mpp-visually-hidden">{title}</caption>
            <thead>
              <tr>
                <th scope="col">{title}</th>
                <th scope="col" className="mpp-table__numeric">
                  {unit || '#'}
                </th>
              </tr>
            </thead>
            <tbody>
              {data.map((datum) => (
                <tr key={datum.label}>
                  <th scope="row">{datum.label}</th>
                  <td className="mpp-table__numeric">{show(datum.value)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </details>
    </figure>
  );
}
