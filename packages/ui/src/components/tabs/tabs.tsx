import { type KeyboardEvent, type ReactNode, useEffect, useId, useRef, useState } from 'react';
import { useI18n } from '../../i18n/i18n-provider.js';
import { cx } from '../cx.js';

/** One tab and its panel. */
export interface TabItem {
  /** Also the panel's id, so `#id` links work without JavaScript. */
  id: string;
  label: string;
  content: ReactNode;
}

export interface TabsProps {
  /** Heading of the table of contents shown without JavaScript. Default "Isi". */
  title?: string;
  items: readonly TabItem[];
}

/**
 * Tabs as progressive enhancement: the server renders a list of links and every panel, one
 * after another. In the browser it becomes a tablist with arrow keys, Home and End (automatic
 * activation), one panel shown at a time.
 */
export function Tabs({ title, items }: TabsProps) {
  const { t } = useI18n();
  const [enhanced, setEnhanced] = useState(false);
  const [selected, setSelected] = useState(items[0]?.id);
  const tabs = useRef(new Map<string, HTMLAnchorElement>());
  const baseId = useId();
  useEffect(() => setEnhanced(true), []);

  const onKeyDown = (event: KeyboardEvent<HTMLAnchorElement>, index: number) => {
    const last = items.length - 1;
    const target =
      event.key === 'ArrowRight'
        ? index === last
          ? 0
          : index + 1
        : event.key === 'ArrowLeft'
          ? index === 0
            ? last
            : index - 1
          : event.key === 'Home'
            ? 0
            : event.key === 'End'
              ? last
              : -1;
    const item = items[target];
    if (!item) return;
    event.preventDefault();
    setSelected(item.id);
    tabs.current.get(item.id)?.focus();
  };

  return (
    <div className={cx('mpp-tabs', enhanced && 'mpp-tabs--enhanced')}>
      <h2 className="mpp-tabs__title">{title ?? t('tabs.contents')}</h2>
      <ul className="mpp-tabs__list" role={enhanced ? 'tablist' : undefined}>
        {items.map((item, index) => (
          <li
            key={item.id}
            className="mpp-tabs__list-item"
            role={enhanced ? 'presentation' : undefined}
          >
            {/* biome-ignore lint/a11y/useAriaPropsSupportedByRole: the link becomes a tab once enhanced. */}
            <a
              ref={(node) => {
                if (node) tabs.current.set(item.id, node);
                else tabs.current.delete(item.id);
              }}
              className="mpp-tabs__tab"
              href={`#${item.id}`}
              id={`${baseId}-tab-${index}`}
              role={enhanced ? 'tab' : undefined}
              aria-selected={enhanced ? item.id === selected : undefined}
              aria-controls={enhanced ? item.id : undefined}
              tabIndex={enhanced && item.id !== selected ? -1 : undefined}
              onClick={(event) => {
                if (!enhanced) return;
                event.preventDefault();
                setSelected(item.id);
              }}
              onKeyDown={enhanced ? (event) => onKeyDown(event, index) : undefined}
            >
              {item.label}
            </a>
          </li>
        ))}
      </ul>
      {items.map((item, index) => (
        <section
          key={item.id}
          id={item.id}
          className="mpp-tabs__panel"
          role={enhanced ? 'tabpanel' : undefined}
          aria-labelledby={enhanced ? `${baseId}-tab-${index}` : undefined}
          hidden={enhanced && item.id !== selected}
          tabIndex={enhanced ? 0 : undefined}
        >
          {item.content}
        </section>
      ))}
    </div>
  );
}
