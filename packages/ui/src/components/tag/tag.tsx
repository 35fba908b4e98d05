import type { ReactNode } from 'react';
import { useI18n } from '../../i18n/i18n-provider.js';
import { cx } from '../cx.js';

/** Colour family of a tag; the text always carries the meaning. */
export type TagTone = 'neutral' | 'info' | 'success' | 'warning' | 'error';

export interface TagProps {
  children: ReactNode;
  tone?: TagTone;
  /** Decorative icon shown before the text (hidden from screen readers). */
  icon?: ReactNode;
}

/** A short status label: text with an optional icon; colour only reinforces it. */
export function Tag({ children, tone = 'neutral', icon }: TagProps) {
  return (
    <strong className={cx('mpp-tag', `mpp-tag--${tone}`)}>
      {icon ? (
        <span className="mpp-tag__icon" aria-hidden="true">
          {icon}
        </span>
      ) : null}
      {children}
    </strong>
  );
}

/** Statuses of a queue ticket or application. */
export type Status = 'waiting' | 'called' | 'serving' | 'done' | 'noShow' | 'parked';

const STATUS_LOOK: Record<Status, { tone: TagTone; icon: string }> = {
  waiting: { tone: 'neutral', icon: '⏳' },
  called: { tone: 'info', icon: '📣' },
  serving: { tone: 'info', icon: '▶' },
  done: { tone: 'success', icon: '✓' },
  noShow: { tone: 'error', icon: '✕' },
  parked: { tone: 'warning', icon: '⏸' },
};

export interface StatusBadgeProps {
  status: Status;
}

/** A ticket's status as a tag with icon and words from the catalogue ("Menunggu", "Dipanggil", …). */
export function StatusBadge({ status }: StatusBadgeProps) {
  const { t } = useI18n();
  const look = STATUS_LOOK[status];
  return (
    <Tag tone={look.tone} icon={look.icon}>
      {t(`status.${status}`)}
    </Tag>
  );
}
