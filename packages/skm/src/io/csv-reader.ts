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
  /**
   * @param line 1-based line where the problem is.
   * @param detail bilingual description "Indonesian / English".
   */
  constructor(
    readonly line: number,
    readonly detail: string,
  ) {
    const [id, en] = detail.split(' / ');
    super(`baris ${line}: ${id} / line ${line}: ${en ?? id}`);
    this.name = 'CsvSyntaxError';
  }
}

const EMPTY = new Uint8Array(0);

/** Push-based tokenizer: feed chunks with {@link push}, then call {@link end}. */
export class CsvTokenizer {
  /** Reused buffer holding an unfinished record followed by the next chunk. */
  private work = new Uint8Array(0);
  private carry = 0;
  private starts = new Int32Array(64);
  private ends = new Int32Array(64);
  private quoted = new Uint8Array(64);
  private line = 1;
  private first = true;

  constructor(private readonly sink: CsvRecordSink) {}

  /** Feeds the next chunk of bytes. The chunk is not kept after the call. */
  push(input: Uint8Array): void {
    // A Node Buffer is viewed as a plain Uint8Array so the parser only ever sees one array
    // type (mixing Buffer and Uint8Array makes V8's element access polymorphic and slow).
    const chunk =
      input.constructor === Uint8Array
        ? input
        : new Uint8Array(input.buffer, input.byteOffset, input.byteLength);
    let data = chunk;
    if (this.carry > 0) {
      const total = this.carry + chunk.length;
      if (this.work.length < total) {
        const grown = new Uint8Array(Math.max(total, this.work.length * 2));
        grown.set(this.work.subarray(0, this.carry));
        this.work = grown;
      }
      this.work.set(chunk, this.carry);
      data = this.work.subarray(0, total);
    }
    const consumed = this.parse(data, false);
    this.keep(data, consumed);
  }

  /** Moves the unfinished tail of `data` to the start of the work buffer. */
  private keep(data: Uint8Array, consumed: number): void {
    const rest = data.length - consumed;
    if (rest === 0) {
      this.carry = 0;
      return;
    }
    if (data.buffer === this.work.buffer && data.byteOffset === this.work.byteOffset) {
      this.work.copyWithin(0, consumed, data.length);
    } else {
      if (this.work.length < rest) this.work = new Uint8Array(Math.max(rest, 1 << 16));
      this.work.set(data.subarray(consumed));
    }
    this.carry = rest;
  }

  /** Signals the end of input; a last record without a line break is emitted here. */
  end(): void {
    if (this.carry > 0) this.parse(this.work.subarray(0, this.carry), true);
    else if (this.first) this.parse(EMPTY, true);
    this.carry = 0;
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
    let starts = this.starts;
    let ends = this.ends;
    let quoted = this.quoted;
    while (pos < len) {
      const recordStart = pos;
      const startLine = this.line;
      let lines = 0;
      let field = 0;
      // One record: fields until a line end (or the end of the final input).
      while (true) {
        if (field === starts.length) {
          this.grow();
          starts = this.starts;
          ends = this.ends;
          quoted = this.quoted;
        }
        if (pos < len && buf[pos] === QUOTE) {
          // Quoted field: find the closing quote, skipping "" escapes.
          let p = pos + 1;
          let closed = -1;
          while (p < len) {
            const c = buf[p] as number;
            if (c === QUOTE) {
              if (p + 1 < len && buf[p + 1] === QUOTE) {
                p += 2;
                continue;
              }
              if (p + 1 === len && !final) break; // "" or a closing quote? Wait for more bytes.
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
          starts[field] = pos + 1;
          ends[field] = closed;
          quoted[field] = 1;
          field++;
          pos = closed + 1;
          const c = pos < len ? (buf[pos] as number) : -1;
          if (c === COMMA) {
            pos++;
            if (pos === len && final) {
              starts[field] = len;
              ends[field] = len;
              quoted[field] = 0;
              field++;
              break;
            }
            continue;
          }
          if (c === LF) {
            pos++;
            break;
          }
          if (c === CR) {
            if (pos + 1 < len) {
              if (buf[pos + 1] !== LF) {
                throw new CsvSyntaxError(
                  startLine + lines,
                  'karakter setelah tanda kutip penutup / unexpected character after a closing quote',
                );
              }
              pos += 2;
              break;
            }
            if (!final) return recordStart;
            pos++;
            break;
          }
          if (c === -1) {
            if (!final) return recordStart;
            break;
          }
          throw new CsvSyntaxError(
            startLine + lines,
            'karakter setelah tanda kutip penutup / unexpected character after a closing quote',
          );
        }
        // Unquoted field: up to the next comma or line feed.
        let p = pos;
        let c = -1;
        while (p < len) {
          c = buf[p] as number;
          if (c === COMMA || c === LF) break;
          p++;
        }
        if (p === len) {
          if (!final) return recordStart;
          c = -1;
        }
        starts[field] = pos;
        ends[field] = c !== COMMA && p > pos && buf[p - 1] === CR ? p - 1 : p;
        quoted[field] = 0;
        field++;
        pos = p + 1;
        if (c !== COMMA) break;
        if (pos === len && final) {
          // A comma right at the end of the input: one more, empty, field.
          if (field === starts.length) {
            this.grow();
            starts = this.starts;
            ends = this.ends;
            quoted = this.quoted;
          }
          starts[field] = len;
          ends[field] = len;
          quoted[field] = 0;
          field++;
          break;
        }
      }
      if (pos > len) pos = len;
      this.line += lines + 1;
      // A blank line (one empty unquoted field) is not a record.
      if (field > 1 || quoted[0] === 1 || ends[0] !== starts[0]) {
        sink.record(buf, starts, ends, quoted, field, startLine);
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
