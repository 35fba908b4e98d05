import type { ReactNode } from 'react';
import { cx } from '../cx.js';

export interface ServiceTileProps {
  /** Service name, the tile's accessible name. */
  title: string;
  /** One line on what the service is for. */
  description?: string;
  /** Extra facts under the description, e.g. "12 orang menunggu". */
  meta?: ReactNode;
  /** Decorative icon (hidden from screen readers; the title carries the meaning). */
  icon?: ReactNode;
  /** A link tile. */
  href?: string;
  /** Without `href`: a submit button posting `name=value`, so a kiosk form works without JavaScript. */
  name?: string;
  value?: string;
  /** Called when chosen (button tiles). */
  onSelect?: () => void;
  /** Service closed now: shown but not selectable, with the reason in `meta`. */
  unavailable?: boolean;
}

/**
 * A large choice on the kiosk's service list: at least 48 × 48 px, the whole tile is the
 * target, text and icon together (never an icon alone).
 */
export function ServiceTile({
  title,
  description,
  meta,
  icon,
  href,
  name,
  value,
  onSelect,
  unavailable = false,
}: ServiceTileProps) {
  const content = (
    <>
      {icon ? (
        <span className="mpp-service-tile__icon" aria-hidden="true">
          {icon}
        </span>
      ) : null}
      <span className="mpp-service-tile__title">{title}</span>
      {description ? <span className="mpp-service-tile__description">{description}</span> : null}
      {meta ? <span className="mpp-service-tile__meta">{meta}</span> : null}
    </>
  );
  const className = cx('mpp-service-tile', unavailable && 'mpp-service-tile--unavailable');
  if (href !== undefined && !unavailable) {
    return (
      <a className={className} href={href}>
        {content}
      </a>
    );
  }
  return (
    <button
      className={className}
      type={onSelect ? 'button' : 'submit'}
      name={name}
      value={value}
      disabled={unavailable}
      onClick={onSelect}
    >
      {content}
    </button>
  );
}
