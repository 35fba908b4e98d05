import { type OverlayChange, overlayChangeSchema } from './admin-overlay.js';

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
      field: formField(i.path.map(String)),
      message: i.message,
    })),
  };
}

// `counter.label.id` → `labelId`: the name the form used
function formField(path: string[]): string {
  const p = path[0] === 'counter' ? path.slice(1) : path;
  if (p[0] === 'label') return p[1] === 'en' ? 'labelEn' : 'labelId';
  if (p[0] === 'name') return p[1] === 'en' ? 'nameEn' : 'nameId';
  return p[0] ?? 'kind';
}
