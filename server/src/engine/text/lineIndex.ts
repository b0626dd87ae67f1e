/** Line starts of a text, to turn offsets into line/character positions. */
import type { Position, Range } from '../../../../shared/src/protocol/types';

/** Converts UTF-16 offsets of a text to zero-based line/character positions and back. */
export class LineIndex {
  private readonly starts: Uint32Array;
  /** Only the length is kept: holding every file's text would cost memory for nothing. */
  private readonly length: number;
  /** Lines ending in \r\n (only allocated when the text has any): a position never falls between \r and \n. */
  private readonly crlf: Uint8Array | undefined;
  constructor(text: string) {
    this.length = text.length;
    // Two passes into a typed array: one small allocation per file instead of a growing array.
    let count = 1;
    const n = text.length;
    for (let i = 0; i < n; i++) {
      const c = text.charCodeAt(i);
      if (c === 10) count++;
      else if (c === 13) { if (text.charCodeAt(i + 1) === 10) i++; count++; }
    }
    const starts = new Uint32Array(count);
    const crlf = text.includes('\r\n') ? new Uint8Array(count) : undefined;
    let k = 1;
    for (let i = 0; i < n; i++) {
      const c = text.charCodeAt(i);
      if (c === 10) starts[k++] = i + 1;
      else if (c === 13) {
        if (text.charCodeAt(i + 1) === 10) { i++; if (crlf) crlf[k - 1] = 1; }
        starts[k++] = i + 1;
      }
    }
    this.starts = starts;
    this.crlf = crlf;
  }

  get lineCount(): number { return this.starts.length; }

  positionAt(offset: number): Position {
    const o = Math.max(0, Math.min(offset, this.length));
    let lo = 0, hi = this.starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.starts[mid] <= o) lo = mid; else hi = mid - 1;
    }
    // The offset of the \n of a \r\n is the end of the line's text, not a character between the two.
    if (this.crlf?.[lo] && lo + 1 < this.starts.length && o === this.starts[lo + 1] - 1) return { line: lo, character: o - 1 - this.starts[lo] };
    return { line: lo, character: o - this.starts[lo] };
  }

  offsetAt(pos: Position): number {
    if (pos.line < 0) return 0;
    if (pos.line >= this.starts.length) return this.length;
    const start = this.starts[pos.line];
    const next = pos.line + 1 < this.starts.length ? this.starts[pos.line + 1] : this.length;
    return Math.max(start, Math.min(start + pos.character, next));
  }

  range(start: number, end: number): Range {
    return { start: this.positionAt(start), end: this.positionAt(end) };
  }
}
