/**
 * The inside of Python string literals: which prefixes are legal, and where a string body ends —
 * escapes, triple quotes, and f-string replacement fields (nested strings, format specs, PEP 701
 * style). Pure char-code loops; never throws.
 */

const LF = 10, CR = 13, DQUOTE = 34, SQUOTE = 39, LPAREN = 40, RPAREN = 41, COLON = 58;
const LBRACKET = 91, BACKSLASH = 92, RBRACKET = 93, LBRACE = 123, RBRACE = 125, BOM = 0xfeff;
const MAX_FSTRING_NESTING = 16;

/** Flags of a STRING token (`Token.code`). */
export const StringFlag = {
  Raw: 1,
  Bytes: 2,
  Format: 4,
  Triple: 8,
  Unterminated: 16,
  HasFields: 32,
  SingleQuote: 64,
  Template: 128,
} as const;


/** Identifier start: ASCII letter, `_`, or any non-ASCII character except the BOM. */
export function isNameStart(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || c === 95 || (c >= 0x80 && c !== BOM);
}
export function isNameChar(c: number): boolean {
  return isNameStart(c) || (c >= 48 && c <= 57);
}

/** Bit of a string-prefix letter (r=1 b=2 u=4 f=8 t=16), 0 if not a prefix letter. */
function prefixBit(c: number): number {
  switch (c | 0x20) {
    case 114: return 1; // r
    case 98: return 2; // b
    case 117: return 4; // u
    case 102: return 8; // f
    case 116: return 16; // t
    default: return 0;
  }
}

/** Flags for a valid prefix `text[start, end)` (length 0-2), or -1 when it is not a prefix. */
export function prefixFlags(text: string, start: number, end: number): number {
  const len = end - start;
  if (len === 0) return 0;
  if (len > 2) return -1;
  const a = prefixBit(text.charCodeAt(start));
  if (a === 0) return -1;
  let mask = a;
  if (len === 2) {
    const b = prefixBit(text.charCodeAt(start + 1));
    if (b === 0 || b === a) return -1;
    mask |= b;
    if (mask !== 3 && mask !== 9 && mask !== 17) return -1; // rb, rf, rt in either order
  }
  let flags = 0;
  if (mask & 1) flags |= StringFlag.Raw;
  if (mask & 2) flags |= StringFlag.Bytes;
  if (mask & 8) flags |= StringFlag.Format;
  if (mask & 16) flags |= StringFlag.Template;
  return flags;
}

export interface StringState { unterminated: boolean; hasFields: boolean }

/** Scans a string body from just after the opening quote(s); returns the offset after the closing quote(s). */
export function scanStringBody(text: string, i: number, q: number, triple: boolean, fmt: boolean, level: number, st: StringState): number {
  const n = text.length;
  while (i < n) {
    const c = text.charCodeAt(i);
    if (c === BACKSLASH) {
      i += text.charCodeAt(i + 1) === CR && text.charCodeAt(i + 2) === LF ? 3 : 2;
      continue;
    }
    if (c === q) {
      if (!triple) return i + 1;
      if (text.charCodeAt(i + 1) === q && text.charCodeAt(i + 2) === q) return i + 3;
      i++;
      continue;
    }
    if ((c === LF || c === CR) && !triple) {
      st.unterminated = true;
      return i;
    }
    if (fmt && c === LBRACE) {
      if (text.charCodeAt(i + 1) === LBRACE) {
        i += 2;
        continue;
      }
      st.hasFields = true;
      i = scanField(text, i + 1, q, triple, level, st);
      if (st.unterminated) return i;
      continue;
    }
    i++;
  }
  st.unterminated = true;
  return n;
}

/** Scans an f-string replacement field from just after `{`; returns the offset after its `}`. */
function scanField(text: string, i: number, q: number, triple: boolean, level: number, st: StringState): number {
  const n = text.length;
  let depth = 0;
  let inSpec = false;
  while (i < n) {
    const c = text.charCodeAt(i);
    if (!triple && (c === LF || c === CR)) {
      st.unterminated = true;
      return i;
    }
    if (inSpec) {
      if (c === LBRACE) {
        if (level >= MAX_FSTRING_NESTING) return i;
        i = scanField(text, i + 1, q, triple, level + 1, st);
        if (st.unterminated) return i;
        continue;
      }
      if (c === RBRACE) return i + 1;
      if (c === q) return i; // the enclosing string ends here; let it close
      i += c === BACKSLASH ? 2 : 1;
      continue;
    }
    if (c === DQUOTE || c === SQUOTE) {
      if (level >= MAX_FSTRING_NESTING) return i;
      const innerTriple = text.charCodeAt(i + 1) === c && text.charCodeAt(i + 2) === c;
      const p1 = prefixBit(text.charCodeAt(i - 1));
      const p2 = prefixBit(text.charCodeAt(i - 2));
      const innerFmt = (p1 === 8 || (p1 !== 0 && p2 === 8)) && !isNameChar(text.charCodeAt(i - (p2 !== 0 ? 3 : 2)));
      i = scanStringBody(text, i + (innerTriple ? 3 : 1), c, innerTriple, innerFmt, level + 1, st);
      if (st.unterminated) return i;
      continue;
    }
    if (c === LBRACE || c === LPAREN || c === LBRACKET) depth++;
    else if (c === RPAREN || c === RBRACKET) {
      if (depth > 0) depth--;
    } else if (c === RBRACE) {
      if (depth === 0) return i + 1;
      depth--;
    } else if (c === COLON && depth === 0) inSpec = true;
    i++;
  }
  st.unterminated = true;
  return n;
}
