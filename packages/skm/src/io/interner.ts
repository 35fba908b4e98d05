import { NOT_ANSWERED } from '../profile.js';
import { fieldText } from './csv-reader.js';

/**
 * Maps the bytes of a text field to a small integer id without decoding it again once seen:
 * a 32-bit FNV-1a hash picks a bucket and the bytes are compared. Fields that differ only by
 * surrounding spaces or quoting share one id, because ids are given per trimmed text.
 */
export class TextInterner {
  private readonly buckets = new Map<number, { bytes: Uint8Array; id: number }[]>();
  private readonly ids = new Map<string, number>();
  /** Text of each id ("-" for an empty field). */
  readonly texts: string[] = [];

  id(
    buf: Uint8Array,
    starts: Int32Array,
    ends: Int32Array,
    quoted: Uint8Array,
    col: number,
  ): number {
    const s = starts[col] as number;
    const e = ends[col] as number;
    let h = 0x811c9dc5 ^ (quoted[col] as number);
    for (let i = s; i < e; i++) h = Math.imul(h ^ (buf[i] as number), 0x01000193);
    let bucket = this.buckets.get(h);
    if (bucket !== undefined) {
      for (const entry of bucket) {
        const b = entry.bytes;
        if (b.length !== e - s) continue;
        let same = true;
        for (let i = 0; same && i < b.length; i++) same = b[i] === buf[s + i];
        if (same) return entry.id;
      }
    } else {
      bucket = [];
      this.buckets.set(h, bucket);
    }
    const text = fieldText(buf, starts, ends, quoted, col).trim() || NOT_ANSWERED;
    let id = this.ids.get(text);
    if (id === undefined) {
      id = this.texts.length;
      this.texts.push(text);
      this.ids.set(text, id);
    }
    bucket.push({ bytes: buf.slice(s, e), id });
    return id;
  }
}
