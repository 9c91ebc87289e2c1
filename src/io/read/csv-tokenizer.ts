/**
 * A push tokenizer for CSV text, fed string chunks in order; pure and synchronous, so the reader
 * that drives it is a plain `for await` over the decoded file stream, with nothing to wake up.
 *
 * It reads CSV the way Excel and WPS open it:
 *   - a record ends at CR LF, LF or a lone CR outside quotes, decided per line (files glued
 *     together from several systems mix them);
 *   - a field that starts with `"` is quoted: `""` inside it is one quote, line breaks and
 *     delimiters inside it are data; text after the closing quote up to the delimiter is kept
 *     (`"ab"cd` → `abcd`);
 *   - a quote inside an unquoted field is an ordinary character (`27" monitor`).
 *
 * For each record it also gives the physical line it starts on, so parse errors can point at a
 * line a text editor shows.
 */

const LF = 10;
const CR = 13;
const QUOTE = 34;

const enum State {
  /** At the start of a field: nothing of it read yet. */
  FieldStart,
  /** Inside an unquoted field. */
  Unquoted,
  /** Inside a quoted field. */
  Quoted,
  /** A quote inside a quoted field was the last character of a chunk: `""` or the closing quote? */
  QuoteAtChunkEnd,
  /** After the closing quote of a quoted field, up to the delimiter or the end of the record. */
  AfterQuote,
}

/** The tokenizer found something it cannot read past. `line` is the record's first line. */
export class CsvSyntaxError extends Error {
  constructor(
    readonly kind: 'unclosed-quote' | 'field-too-long',
    /** 1-based index of the record among all records (empty lines count). */
    readonly record: number,
    /** Physical line the record starts on. */
    readonly line: number,
  ) {
    super(kind);
    this.name = 'CsvSyntaxError';
  }
}

export class CsvTokenizer {
  /** Records completed since the last `take()`, with the line each starts on. */
  private records: string[][] = [];
  private recordLines: number[] = [];
  /** The line each of those records ends on (later than its start when a quoted field holds line breaks). */
  private recordEnds: number[] = [];

  private state = State.FieldStart;
  private fields: string[] = [];
  private field = '';
  /** Some character of the current record has been read (an empty line is still a record). */
  private recordStarted = false;
  /** The previous chunk ended with a CR that ended a record: a LF starting this one belongs to it. */
  private pendingCr = false;
  /** Inside quotes, the previous chunk ended with a CR: a LF starting this one is the same break. */
  private quotedCr = false;
  private line = 1;
  private recordLine = 1;
  /** Records completed so far (including empty lines). */
  private recordCount = 0;
  private readonly delimiter: number;

  constructor(
    delimiter: string,
    /** Longest field accepted: an unclosed quote would otherwise make the rest of the file one field. */
    private readonly maxFieldChars: number,
  ) {
    this.delimiter = delimiter.charCodeAt(0);
  }

  push(s: string): void {
    const n = s.length;
    const d = this.delimiter;
    let i = 0;
    if (this.pendingCr) {
      this.pendingCr = false;
      if (n > 0 && s.charCodeAt(0) === LF) i = 1;
    }
    while (i < n) {
      switch (this.state) {
        case State.FieldStart: {
          this.recordStarted = true;
          if (s.charCodeAt(i) === QUOTE) {
            this.state = State.Quoted;
            i++;
          } else {
            this.state = State.Unquoted;
          }
          break;
        }
        case State.Unquoted:
        case State.AfterQuote: {
          let j = i;
          let c = 0;
          while (j < n) {
            c = s.charCodeAt(j);
            if (c === d || c === LF || c === CR) break;
            j++;
          }
          if (j > i) this.append(s, i, j);
          if (j === n) {
            i = n;
            break;
          }
          this.fields.push(this.field);
          this.field = '';
          this.state = State.FieldStart;
          i = j + 1;
          if (c !== d) {
            // playbook of Excel: CR LF, LF and a lone CR each end a record.
            if (c === CR) {
              if (i < n) {
                if (s.charCodeAt(i) === LF) i++;
              } else {
                this.pendingCr = true;
              }
            }
            this.endRecord();
            this.line++;
          }
          break;
        }
        case State.Quoted: {
          const j = s.indexOf('"', i);
          const end = j === -1 ? n : j;
          this.countBreaks(s, i, end);
          if (end > i) this.append(s, i, end);
          if (j === -1) {
            i = n;
          } else if (j + 1 === n) {
            this.state = State.QuoteAtChunkEnd;
            i = n;
          } else if (s.charCodeAt(j + 1) === QUOTE) {
            this.field += '"';
            i = j + 2;
          } else {
            this.state = State.AfterQuote;
            i = j + 1;
          }
          break;
        }
        case State.QuoteAtChunkEnd: {
          if (s.charCodeAt(i) === QUOTE) {
            this.field += '"';
            this.state = State.Quoted;
            i++;
          } else {
            this.state = State.AfterQuote;
          }
          break;
        }
      }
    }
  }

  /** A record has begun and no line break has ended it yet (at the end of the input: the file stops mid-row). */
  get midRecord(): boolean {
    return this.recordStarted;
  }

  /** The input is complete. Throws CsvSyntaxError on a quote never closed. */
  end(): void {
    if (this.state === State.Quoted) throw new CsvSyntaxError('unclosed-quote', this.recordCount + 1, this.recordLine);
    if (this.recordStarted) {
      this.fields.push(this.field);
      this.field = '';
      this.endRecord();
    }
    this.state = State.FieldStart;
  }

  /** Records completed since the last call, and the lines each starts and ends on. */
  take(): { records: string[][]; lines: number[]; ends: number[] } {
    const out = { records: this.records, lines: this.recordLines, ends: this.recordEnds };
    this.records = [];
    this.recordLines = [];
    this.recordEnds = [];
    return out;
  }

  private append(s: string, from: number, to: number): void {
    this.field = this.field.length === 0 && from === 0 && to === s.length ? s : this.field + s.slice(from, to);
    if (this.field.length > this.maxFieldChars)
      throw new CsvSyntaxError('field-too-long', this.recordCount + 1, this.recordLine);
  }

  private endRecord(): void {
    this.records.push(this.fields);
    this.recordLines.push(this.recordLine);
    this.recordEnds.push(this.line);
    this.recordCount++;
    this.fields = [];
    this.recordStarted = false;
    this.recordLine = this.line + 1;
  }

  /** Line breaks inside a quoted field move the physical line on (CR LF is one break). */
  private countBreaks(s: string, from: number, to: number): void {
    let i = from;
    if (this.quotedCr && i < to && s.charCodeAt(i) === LF) i++;
    this.quotedCr = false;
    for (; i < to; i++) {
      const c = s.charCodeAt(i);
      if (c === LF) {
        this.line++;
      } else if (c === CR) {
        this.line++;
        if (i + 1 < to) {
          if (s.charCodeAt(i + 1) === LF) i++;
        } else if (to === s.length) {
          this.quotedCr = true;
        }
      }
    }
  }
}
