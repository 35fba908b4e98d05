import { formatDuration, formatRupiah } from './interop/words.js';
import type { Layanan } from './schemas/layanan.js';
import { KOMPONEN_STANDAR } from './schemas/standar-pelayanan.js';
import { compareVersions } from './standard-ref.js';

/** One difference between two versions of a service and its standard, in words. */
export interface StandardChange {
  readonly kind: 'added' | 'removed' | 'changed';
  /** Data path in the newer (or, for removals, the older) document. */
  readonly path: string;
  /** The component (e.g. `biaya`) or top-level field the change belongs to. */
  readonly component: string;
  readonly message: { readonly id: string; readonly en: string };
}

/** The version bump a set of changes calls for. */
export type VersionBump = 'major' | 'minor' | 'patch' | 'none';

/** All differences between two versions, with the version bump they call for. */
export interface StandardDiff {
  readonly code: string;
  readonly from: string;
  readonly to: string;
  readonly changes: readonly StandardChange[];
  /** major: what applicants must bring, wait or pay, or what they get; minor: other components; patch: wording and metadata. */
  readonly requiredBump: VersionBump;
  /** Problems with the version numbers themselves, e.g. a major change under a minor bump. */
  readonly warnings: readonly { readonly id: string; readonly en: string }[];
}

type Json = unknown;
type Seg = string | number;

const MAJOR = new Set(['persyaratan', 'jangkaWaktu', 'biaya', 'produk']);
const PATCH = new Set(['publication', 'sources', 'notes', 'example', 'description', 'version']);

const isObject = (v: Json): v is Record<string, Json> =>
  v !== null && typeof v === 'object' && !Array.isArray(v);
const isBilingual = (v: Json): v is { id: string; en?: string } =>
  isObject(v) && typeof v.id === 'string' && Object.keys(v).every((k) => k === 'id' || k === 'en');
const isDuration = (v: Json): v is { amount: number; unit: string } =>
  isObject(v) && typeof v.amount === 'number' && typeof v.unit === 'string';

/** A stable identity for list items, so reordering or inserting is not reported as changes. */
function itemKey(v: Json): string | undefined {
  if (!isObject(v)) return typeof v === 'string' ? v : undefined;
  if (isBilingual(v)) return v.id;
  for (const field of ['document', 'description', 'name']) {
    const inner = v[field];
    if (isBilingual(inner)) return inner.id;
  }
  if (typeof v.number === 'string' && typeof v.year === 'number')
    return `${v.type} ${v.number}/${v.year}`;
  if (typeof v.title === 'string') return v.title;
  if (typeof v.kind === 'string')
    return `${v.kind}${typeof v.contact === 'string' ? ` ${v.contact}` : ''}`;
  if (typeof v.code === 'string') return v.code;
  return undefined;
}

/** The value in words, in one language. */
function words(v: Json, locale: 'id' | 'en', path: readonly Seg[]): string {
  if (isBilingual(v)) return `"${locale === 'en' && v.en ? v.en : v.id}"`;
  if (isDuration(v) && ['minutes', 'hours', 'working-days', 'calendar-days'].includes(v.unit)) {
    return formatDuration(v as never, locale);
  }
  if (typeof v === 'number' && path.includes('tarif') && path[path.length - 1] === 'amount')
    return formatRupiah(v);
  if (typeof v === 'string') return `"${v}"`;
  if (isObject(v)) {
    const key = itemKey(v);
    // A fee line is named with its amount, so an added or removed fee reads in full.
    const amount =
      typeof v.amount === 'number' && path.includes('tarif') ? ` (${formatRupiah(v.amount)})` : '';
    if (key !== undefined) return `"${key}"${amount}`;
  }
  return JSON.stringify(v);
}

function label(path: readonly Seg[]): { component: string; id: string; en: string } {
  const inStandar = path[0] === 'standar';
  const component = String((inStandar ? path[1] : path[0]) ?? '');
  const known = KOMPONEN_STANDAR.find((k) => k.key === component);
  const fallback =
    component === '' ? { id: 'Layanan', en: 'Service' } : { id: component, en: component };
  return { component, ...(known?.label ?? fallback) };
}

/** `tarif "Paspor …" amount` from a path, naming list items by their identity. */
function describePath(path: readonly Seg[], root: Json): string {
  const parts: string[] = [];
  let node: Json = root;
  const start = path[0] === 'standar' ? 2 : 1;
  for (const [i, seg] of path.entries()) {
    const next: Json = Array.isArray(node)
      ? node[seg as number]
      : isObject(node)
        ? node[seg as string]
        : undefined;
    if (i >= start) {
      if (typeof seg === 'number') {
        const key = itemKey(next);
        parts.push(key !== undefined ? `"${key}"` : `#${seg + 1}`);
      } else {
        parts.push(seg);
      }
    }
    node = next;
  }
  return parts.join(' ');
}

function walk(
  a: Json,
  b: Json,
  path: Seg[],
  roots: { a: Json; b: Json },
  out: StandardChange[],
): void {
  // The version is the diff's heading, not one of its changes.
  if (path.length === 2 && path[0] === 'standar' && path[1] === 'version') return;
  if (isDuration(a) && isDuration(b) && Object.keys(a).length + Object.keys(b).length > 4) {
    // A duration with extra fields (a note): the amount and unit read as one value.
    const pick = (d: { amount: number; unit: string }) => ({ amount: d.amount, unit: d.unit });
    walk(pick(a), pick(b), path, roots, out);
    const rest = (d: Record<string, Json>) =>
      Object.fromEntries(Object.entries(d).filter(([k]) => k !== 'amount' && k !== 'unit'));
    walk(rest(a), rest(b), path, roots, out);
    return;
  }
  const leafA = !isObject(a) && !Array.isArray(a);
  const leafB = !isObject(b) && !Array.isArray(b);
  const atomic = (v: Json) => isBilingual(v) || (isDuration(v) && Object.keys(v).length === 2);
  if (leafA || leafB || atomic(a) || atomic(b) || Array.isArray(a) !== Array.isArray(b)) {
    if (JSON.stringify(a) === JSON.stringify(b)) return;
    const l = label(path);
    // A whole list item added or removed is named once, by the item itself.
    const whole = typeof path[path.length - 1] === 'number' && (a === undefined || b === undefined);
    const what = describePath(
      whole ? path.slice(0, -1) : path,
      b === undefined ? roots.a : roots.b,
    );
    const at = what === '' ? '' : `${what} `;
    if (a === undefined) {
      out.push(
        change('added', path, l, {
          id: `${l.id}: ditambahkan ${at}${words(b, 'id', path)}`.replace(/ +/g, ' '),
          en: `${l.en}: added ${at}${words(b, 'en', path)}`.replace(/ +/g, ' '),
        }),
      );
    } else if (b === undefined) {
      out.push(
        change('removed', path, l, {
          id: `${l.id}: dihapus ${at}${words(a, 'id', path)}`.replace(/ +/g, ' '),
          en: `${l.en}: removed ${at}${words(a, 'en', path)}`.replace(/ +/g, ' '),
        }),
      );
    } else {
      out.push(
        change('changed', path, l, {
          id: `${l.id}: ${at}berubah dari ${words(a, 'id', path)} menjadi ${words(b, 'id', path)}`,
          en: `${l.en}: ${at}changed from ${words(a, 'en', path)} to ${words(b, 'en', path)}`,
        }),
      );
    }
    return;
  }
  if (Array.isArray(a) && Array.isArray(b)) {
    const keysA = a.map(itemKey);
    const keysB = b.map(itemKey);
    const keyed = keysA.every((k) => k !== undefined) && keysB.every((k) => k !== undefined);
    if (!keyed) {
      for (let i = 0; i < Math.max(a.length, b.length); i++)
        walk(a[i], b[i], [...path, i], roots, out);
      return;
    }
    const ka = keysA as string[];
    const kb = keysB as string[];
    for (const [i, item] of a.entries()) {
      const j = kb.indexOf(ka[i] as string);
      walk(item, j >= 0 ? b[j] : undefined, [...path, j >= 0 ? j : i], roots, out);
    }
    for (const [j, item] of b.entries()) {
      if (!ka.includes(kb[j] as string)) walk(undefined, item, [...path, j], roots, out);
    }
    return;
  }
  const objA = a as Record<string, Json>;
  const objB = b as Record<string, Json>;
  for (const key of new Set([...Object.keys(objA), ...Object.keys(objB)])) {
    walk(objA[key], objB[key], [...path, key], roots, out);
  }
}

function change(
  kind: StandardChange['kind'],
  path: readonly Seg[],
  l: { component: string },
  message: { id: string; en: string },
): StandardChange {
  const p = path.map((s, i) => (typeof s === 'number' ? `[${s}]` : i === 0 ? s : `.${s}`)).join('');
  return { kind, path: p, component: l.component, message };
}

const RANK: Record<VersionBump, number> = { none: 0, patch: 1, minor: 2, major: 3 };

function actualBump(from: string, to: string): VersionBump {
  const [a1, a2, a3] = from.split('.').map(Number);
  const [b1, b2, b3] = to.split('.').map(Number);
  if (b1 !== a1) return 'major';
  if (b2 !== a2) return 'minor';
  return b3 !== a3 ? 'patch' : 'none';
}

/**
 * What changed between two versions of a service's standard, in words (Bahasa Indonesia and
 * English), for ministry review and changelogs. List items are matched by what they are (document
 * name, fee description, statute number), not by position.
 */
export function diffLayanan(older: Layanan, newer: Layanan): StandardDiff {
  const changes: StandardChange[] = [];
  walk(older, newer, [], { a: older, b: newer }, changes);
  let required: VersionBump = 'none';
  for (const c of changes) {
    const level: VersionBump = MAJOR.has(c.component)
      ? 'major'
      : PATCH.has(c.component)
        ? 'patch'
        : 'minor';
    if (RANK[level] > RANK[required]) required = level;
  }
  const from = older.standar.version;
  const to = newer.standar.version;
  const warnings: { id: string; en: string }[] = [];
  if (older.code !== newer.code) {
    warnings.push({
      id: `kode layanan berbeda: ${older.code} dan ${newer.code}`,
      en: `different service codes: ${older.code} and ${newer.code}`,
    });
  }
  if (changes.length > 0 && compareVersions(to, from) <= 0) {
    warnings.push({
      id: `versi baru ${to} harus lebih tinggi dari ${from}`,
      en: `new version ${to} must be higher than ${from}`,
    });
  } else if (RANK[actualBump(from, to)] < RANK[required]) {
    warnings.push({
      id: `perubahan ini memerlukan kenaikan versi ${required}, tetapi ${from} → ${to}`,
      en: `these changes need a ${required} version bump, but ${from} → ${to}`,
    });
  }
  return { code: newer.code, from, to, changes, requiredBump: required, warnings };
}

/** The diff as Markdown-style lines, for a review or a changelog. */
export function formatDiff(diff: StandardDiff, locale: 'id' | 'en'): string {
  const head =
    locale === 'id'
      ? `${diff.code}: ${diff.from} → ${diff.to} (${diff.changes.length} perubahan, perlu kenaikan versi: ${diff.requiredBump})`
      : `${diff.code}: ${diff.from} → ${diff.to} (${diff.changes.length} changes, version bump needed: ${diff.requiredBump})`;
  const lines = diff.changes.map((c) => `- ${c.message[locale]}`);
  const warn = diff.warnings.map((w) => `! ${w[locale]}`);
  return [head, ...lines, ...warn].join('\n');
}
