/**
 * Streaming RFC 4180 CSV tokenizer over bytes. It never builds strings on its own: each
 * record is handed over as field offsets into a byte buffer, so a consumer can read a
 * one-digit answer straight from the byte and decode text only when it needs it.
 * Quoted fields (with "" escapes and line breaks inside) and CRLF or LF line ends are
 * supported; a UTF-8 byte-order mark at the start is skipped.
 */

const COMMA = 44;
const QUOTE = 34;
const LF = 10;
const CR = 13;

/** Receives the records of a CSV input one at a time. */
export interface CsvRecordSink {
  /**
   * One record. Field `i` spans `buf[starts[i]..ends[i])`; when `quoted[i]` is 1 the span
   * is the inside of the quotes and may hold `""` escapes. `line` is the 1-based line of the
   * file where the record starts. The buffers are reused: copy what you keep.
   */
  record(
    buf: Uint8Array,
    starts: Int32Array,
    ends: Int32Array,
    quoted: Uint8Array,
    fieldCount: number,
    line: number,
  ): void;
}

/** A CSV syntax error, located by line (1-based) in the file. */
export class CsvSyntaxError extends Error {
  constructor(
    readonly line: number,
    message: string,
  ) {
    super(
      `baris ${line}: ${message.split(' / ')[0]} / line ${line}: ${message.split(' / ')[1] ?? message}`,
    );
    this.name = 'CsvSyntaxError';
  }
}

const EMPTY = new Uint8Array(0);

/** Push-based tokenizer: feed chunks with {@link push}, then call {@link end}. */
export class CsvTokenizer {
  private carry: Uint8Array = EMPTY;
  private starts = new Int32Array(64);
  private ends = new Int32Array(64);
  private quoted = new Uint8Array(64);
  private line = 1;
  private first = true;

  constructor(private readonly sink: CsvRecordSink) {}

  /** Feeds the next chunk of bytes. */
  push(chunk: Uint8Array): void {
    let data = chunk;
    if (this.carry.length > 0) {
      data = new Uint8Array(this.carry.length + chunk.length);
      data.set(this.carry, 0);
      data.set(chunk, this.carry.length);
    }
    const consumed = this.parse(data, false);
    this.carry = consumed < data.length ? data.slice(consumed) : EMPTY;
  }

  /** Signals the end of input; a last record without a line break is emitted here. */
  end(): void {
    if (this.carry.length > 0) this.parse(this.carry, true);
    this.carry = EMPTY;
  }

  private grow(): void {
    const n = this.starts.length * 2;
    const s = new Int32Array(n);
    s.set(this.starts);
    this.starts = s;
    const e = new Int32Array(n);
    e.set(this.ends);
    this.ends = e;
    const q = new Uint8Array(n);
    q.set(this.quoted);
    this.quoted = q;
  }

  /** Parses whole records of `buf`; returns the offset where an unfinished record starts. */
  private parse(buf: Uint8Array, final: boolean): number {
    const len = buf.length;
    let pos = 0;
    if (this.first) {
      if (len < 3 && !final) return 0;
      if (buf[0] === 0xef && buf[1] === 0xbb && buf[2] === 0xbf) pos = 3;
      this.first = false;
    }
    const sink = this.sink;
    let recordStart = pos;
    while (pos < len) {
      recordStart = pos;
      const startLine = this.line;
      let lines = 0;
      let field = 0;
      let done = false;
      // One record.
      while (true) {
        if (field === this.starts.length) this.grow();
        if (pos < len && buf[pos] === QUOTE) {
          // Quoted field: scan for the closing quote, skipping "" escapes.
          let p = pos + 1;
          let closed = -1;
          while (p < len) {
            const c = buf[p] as number;
            if (c === QUOTE) {
              if (p + 1 < len && buf[p + 1] === QUOTE) {
                p += 2;
                continue;
              }
              if (p + 1 === len && !final) break; // cannot tell "" from a closing quote yet
              closed = p;
              break;
            }
            if (c === LF) lines++;
            p++;
          }
          if (closed < 0) {
            if (!final) return recordStart;
            throw new CsvSyntaxError(
              startLine,
              'tanda kutip tidak ditutup / unterminated quoted field',
            );
          }
          this.starts[field] = pos + 1;
          this.ends[field] = closed;
          this.quoted[field] = 1;
          pos = closed + 1;
          const c = pos < len ? (buf[pos] as number) : -1;
          if (c === COMMA) {
            pos++;
            field++;
            continue;
          }
          if (c === LF || (c === CR && buf[pos + 1] === LF)) {
            pos += c === CR ? 2 : 1;
            done = true;
          } else if (c === CR && pos + 1 === len) {
            if (!final) return recordStart;
            pos++;
            done = true;
          } else if (c === -1) {
            if (!final) return recordStart;
            done = true;
          } else {
            throw new CsvSyntaxError(
              startLine + lines,
              'karakter setelah tanda kutip penutup / unexpected character after a closing quote',
            );
          }
          field++;
          break;
        }
        // Unquoted field: up to the next comma or line end.
        let p = pos;
        let c = 0;
        while (p < len) {
          c = buf[p] as number;
          if (c === COMMA || c === LF) break;
          p++;
        }
        if (p === len) {
          if (!final) return recordStart;
          c = -1;
        }
        this.starts[field] = pos;
        this.ends[field] = p > pos && c !== COMMA && buf[p - 1] === CR ? p - 1 : p;
        this.quoted[field] = 0;
        field++;
        pos = p + 1;
        if (c === COMMA) {
          if (p + 1 === len && final) {
            // A trailing comma at the very end: one more, empty, field.
            if (field === this.starts.length) this.grow();
            this.starts[field] = len;
            this.ends[field] = len;
            this.quoted[field] = 0;
            field++;
            pos = len;
            done = true;
            break;
          }
          continue;
        }
        done = true;
        break;
      }
      if (done) {
        this.line += lines + 1;
        // A blank line (one empty unquoted field) is not a record.
        if (!(field === 1 && this.quoted[0] === 0 && this.ends[0] === this.starts[0])) {
          sink.record(buf, this.starts, this.ends, this.quoted, field, startLine);
        }
      }
    }
    return len;
  }
}

const decoder = new TextDecoder('utf-8', { fatal: false });

/** Text of field `i` of a record (quotes removed, "" unescaped). */
export function fieldText(
  buf: Uint8Array,
  starts: Int32Array,
  ends: Int32Array,
  quoted: Uint8Array,
  i: number,
): string {
  const text = decoder.decode(buf.subarray(starts[i] as number, ends[i] as number));
  return quoted[i] === 1 ? text.replaceAll('""', '"') : text;
}
