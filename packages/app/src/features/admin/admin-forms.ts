import { type OverlayChange, overlayChangeSchema, WEEKDAYS } from './admin-overlay.js';

/** A form field and what is wrong with it, for the error summary. */
export interface FieldError {
  field: string;
  message: string;
}

const int = (v: string | undefined) =>
  v !== undefined && /^-?\d{1,6}$/.test(v.trim()) ? Number(v) : v;
const opt = (v: string | undefined) => (v === undefined || v.trim() === '' ? undefined : v.trim());

/**
 * A change from an admin page's form (fields as posted, `services` possibly repeated), checked
 * by the same schema as the JSON API; problems name the form's own fields.
 */
export function changeFromForm(
  fields: Record<string, string>,
  services: string[],
): { ok: true; change: OverlayChange } | { ok: false; errors: FieldError[] } {
  let raw: unknown;
  switch (fields.kind) {
    case 'agency':
      raw = {
        kind: 'agency',
        agency: fields.agency,
        name: { id: fields.nameId ?? '', en: fields.nameEn ?? '' },
      };
      break;
    case 'agency-add':
      // `standards`: one `code@version` per line (or separated by commas)
      raw = {
        kind: 'agency-add',
        agency: fields.agency ?? '',
        agencyKind: fields.agencyKind ?? '',
        name: { id: fields.nameId ?? '', en: fields.nameEn ?? '' },
        services: (fields.standards ?? '')
          .split(/[\s,]+/)
          .map((x) => x.trim())
          .filter((x) => x !== ''),
        counter: {
          number: int(fields.number),
          zone: fields.zone ?? '',
          floor: int(opt(fields.floor) ?? '1'),
        },
      };
      break;
    case 'agency-state':
      raw = { kind: 'agency-state', agency: fields.agency ?? '', off: fields.off === 'true' };
      break;
    case 'service': {
      const cap = opt(fields.dailyCap);
      raw = {
        kind: 'service',
        service: fields.service,
        offered: fields.offered === 'on' || fields.offered === 'true',
        dailyCap: cap === undefined ? null : int(cap),
      };
      break;
    }
    case 'counter': {
      const labelId = opt(fields.labelId);
      const labelEn = opt(fields.labelEn);
      raw = {
        kind: 'counter',
        counter: {
          number: int(fields.number),
          zone: fields.zone ?? '',
          tenant: fields.tenant ?? '',
          services,
          floor: int(opt(fields.floor) ?? '1'),
          priority: fields.priority === 'on' || fields.priority === 'true',
          ...(labelId ? { label: { id: labelId, ...(labelEn ? { en: labelEn } : {}) } } : {}),
        },
      };
      break;
    }
    case 'counter-remove':
      raw = { kind: 'counter-remove', number: int(fields.number) };
      break;
    case 'hours': {
      // one field per weekday: "08:00-12:00, 13:00-15:30", empty for closed
      const bad = WEEKDAYS.filter((d) => intervals(fields[d] ?? '') === undefined);
      if (bad.length > 0)
        return {
          ok: false,
          errors: bad.map((d) => ({
            field: d,
            message:
              'tulis jam seperti 08:00-12:00, 13:00-15:30 / write hours like 08:00-12:00, 13:00-15:30',
          })),
        };
      raw = {
        kind: 'hours',
        openingHours: Object.fromEntries(WEEKDAYS.map((d) => [d, intervals(fields[d] ?? '')])),
      };
      break;
    }
    default:
      return {
        ok: false,
        errors: [
          { field: 'kind', message: 'jenis perubahan tidak dikenal / unknown kind of change' },
        ],
      };
  }
  const parsed = overlayChangeSchema.safeParse(raw);
  if (parsed.success) return { ok: true, change: parsed.data };
  return {
    ok: false,
    errors: parsed.error.issues.map((i) => ({
      field: formField(i.path.map(String), fields.kind),
      message: i.message,
    })),
  };
}

/** "08:00-12:00, 13:00-15:30" → intervals; empty → closed; anything else → undefined. */
export function intervals(text: string): { open: string; close: string }[] | undefined {
  const parts = text
    .split(',')
    .map((p) => p.trim())
    .filter((p) => p !== '');
  const out: { open: string; close: string }[] = [];
  for (const part of parts) {
    const m = /^(\d{2}:\d{2})\s*[-–]\s*(\d{2}:\d{2})$/.exec(part);
    if (!m?.[1] || !m[2]) return undefined;
    out.push({ open: m[1], close: m[2] });
  }
  return out.length > 6 ? undefined : out;
}

// `counter.label.id` → `labelId`: the name the form used
function formField(path: string[], kind: string | undefined): string {
  const p = path[0] === 'counter' ? path.slice(1) : path;
  if (kind === 'agency-add' && p[0] === 'services') return 'standards';
  if (p[0] === 'label') return p[1] === 'en' ? 'labelEn' : 'labelId';
  if (p[0] === 'name') return p[1] === 'en' ? 'nameEn' : 'nameId';
  if (p[0] === 'openingHours') return p[1] ?? 'monday';
  return p[0] ?? 'kind';
}
