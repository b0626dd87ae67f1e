/**
 * A small, tolerant Python tokenizer.
 *
 * Produces NAME / NUMBER / STRING / OP / NEWLINE / ERROR tokens with UTF-16 offsets, the bracket
 * depth of every token and the index of each bracket's partner, plus one entry per logical line
 * (its tokens and indentation column). Comments are collected separately so that they never get in
 * the way of argument parsing.
 *
 * Handles every string form (single/double/triple quotes; r/b/u/f/t prefixes and their legal
 * combinations in any case; escapes; f-string replacement fields with nested strings, PEP 701
 * style), line continuations and implicit line joining inside brackets.
 *
 * It never throws and always advances, so binary garbage, NUL bytes or huge files are fine.
 * Editor tolerance: an unterminated single-quoted string inside brackets closes every open
 * bracket at the end of its physical line; and while brackets are still open, a physical line
 * that starts with `def`, `class`, `async def`, `return` or `import` at or left of the current
 * logical line's indentation (or a decorator left of it) ends the logical line there. So a
 * half-typed call does not swallow the rest of the file.
 */

import { StringFlag, isNameChar, isNameStart, prefixFlags, scanStringBody } from './stringBody.js';
import type { StringState } from './stringBody.js';

export { StringFlag };

export const TokenKind = {
  Name: 1,
  Number: 2,
  String: 3,
  Op: 4,
  Newline: 5,
  Error: 6,
} as const;
export type TokenKind = (typeof TokenKind)[keyof typeof TokenKind];

const K_NAME = TokenKind.Name, K_NUMBER = TokenKind.Number, K_STRING = TokenKind.String;
const K_OP = TokenKind.Op, K_NEWLINE = TokenKind.Newline, K_ERROR = TokenKind.Error;

export class Token {
  constructor(
    public kind: TokenKind,
    /** First UTF-16 offset. */
    public start: number,
    /** Offset after the last character. */
    public end: number,
    /** Bracket nesting depth; an opening/closing bracket carries the depth outside it. */
    public depth: number,
    /** OP: op code (see `opCode`); STRING: `StringFlag` bits; otherwise 0. */
    public code: number,
    /** Bracket OP: index of the partner bracket token (-1 if none); STRING: content start offset. */
    public aux: number,
  ) {}
}

export interface LogicalLine {
  /** Index of the first token. */
  first: number;
  /** Index of the NEWLINE token ending the line (exclusive end of its tokens). */
  newline: number;
  /** Indentation column of the first token (tabs to the next multiple of 8). */
  indent: number;
}

export interface TokenizedPython {
  tokens: Token[];
  lines: LogicalLine[];
  comments: { start: number; end: number }[];
}

/** Numeric code of an operator: its ASCII characters packed little-endian (`(` is 0x28). */
export function opCode(op: string): number {
  let code = 0;
  for (let k = op.length - 1; k >= 0; k--) code = code * 256 + op.charCodeAt(k);
  return code;
}

const TAB = 9, LF = 10, FF = 12, CR = 13, SPACE = 32, BANG = 33, DQUOTE = 34, HASH = 35;
const SQUOTE = 39, LPAREN = 40, RPAREN = 41, DOT = 46, COLON = 58, EQ = 61;
const LBRACKET = 91, BACKSLASH = 92, RBRACKET = 93, LBRACE = 123, RBRACE = 125, BOM = 0xfeff;

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

const THREE_CHAR_OPS = new Set(['**=', '//=', '>>=', '<<=', '...'].map(opCode));
const TWO_CHAR_OPS = new Set(
  ['**', '//', '>>', '<<', '<=', '>=', '==', '!=', '->', ':=', '+=', '-=', '*=', '/=', '%=', '&=', '|=', '^=', '@='].map(opCode),
);
/** Single-character operators and delimiters (`!` appears alone in f-string conversions). */
function isSingleOp(c: number): boolean {
  switch (c) {
    case 33: case 37: case 38: case 40: case 41: case 42: case 43: case 44: case 45: case 46: case 47:
    case 58: case 59: case 60: case 61: case 62: case 64: case 91: case 93: case 94: case 123: case 124:
    case 125: case 126:
      return true;
    default:
      return false;
  }
}

/** Keywords that cannot continue an open bracket; seeing one at a line start ends a broken logical line. */
const RECOVERY_WORDS = ['def', 'class', 'return', 'import'];
function startsRecoveryWord(text: string, i: number): boolean {
  for (const w of RECOVERY_WORDS) {
    if (text.startsWith(w, i) && !isNameChar(text.charCodeAt(i + w.length))) return true;
  }
  if (text.startsWith('async', i)) {
    let j = i + 5;
    while (text.charCodeAt(j) === SPACE || text.charCodeAt(j) === TAB) j++;
    return j > i + 5 && text.startsWith('def', j) && !isNameChar(text.charCodeAt(j + 3));
  }
  return false;
}

/** Tokenizes Python source. Never throws. */
export function tokenizePython(text: string): TokenizedPython {
  const n = text.length;
  const tokens: Token[] = [];
  const lines: LogicalLine[] = [];
  const comments: { start: number; end: number }[] = [];
  const open: number[] = []; // indexes of unclosed opening brackets
  let i = 0;
  let lineOpen = false; // a logical line has started (has tokens)
  let lineFirst = 0;
  let lineIndent = 0;
  let physStart = true; // at the start of a physical line that needs indentation handling
  let closeAtEol = false; // an unterminated string inside brackets: resynchronise at the line end
  const st: StringState = { unterminated: false, hasFields: false };

  const endLogicalLine = (at: number, len: number): void => {
    tokens.push(new Token(K_NEWLINE, at, at + len, 0, 0, -1));
    lines.push({ first: lineFirst, newline: tokens.length - 1, indent: lineIndent });
    lineOpen = false;
  };
  const startLogicalLine = (indent: number): void => {
    lineOpen = true;
    lineFirst = tokens.length;
    lineIndent = indent;
  };

  while (i < n) {
    if (physStart) {
      physStart = false;
      let col = 0;
      let j = i;
      for (; j < n; j++) {
        const c = text.charCodeAt(j);
        if (c === SPACE) col++;
        else if (c === TAB) col = (col >> 3) * 8 + 8;
        else if (c === FF) col = 0;
        else if (c !== BOM) break;
      }
      if (open.length > 0) {
        // A decorator (`@name`) left of the statement also starts over: `@` as an operator never sits there.
        const decorator = col < lineIndent && text.charCodeAt(j) === 64 && isNameStart(text.charCodeAt(j + 1));
        if ((col <= lineIndent && startsRecoveryWord(text, j)) || decorator) {
          open.length = 0;
          endLogicalLine(i, 0);
        }
      }
      if (open.length === 0 && !lineOpen) {
        const c = j < n ? text.charCodeAt(j) : -1;
        if (c !== LF && c !== CR && c !== HASH && c !== -1) startLogicalLine(col);
      }
      i = j;
      continue;
    }

    const c = text.charCodeAt(i);
    if (c === SPACE || c === TAB || c === FF || c === BOM) {
      i++;
      while (text.charCodeAt(i) === SPACE) i++;
      continue;
    }
    if (c === LF || c === CR) {
      const len = c === CR && text.charCodeAt(i + 1) === LF ? 2 : 1;
      if (closeAtEol) {
        closeAtEol = false;
        open.length = 0;
      }
      if (open.length === 0 && lineOpen) endLogicalLine(i, len);
      i += len;
      physStart = true;
      continue;
    }
    if (c === HASH) {
      let j = i + 1;
      while (j < n) {
        const d = text.charCodeAt(j);
        if (d === LF || d === CR) break;
        j++;
      }
      comments.push({ start: i, end: j });
      i = j;
      continue;
    }
    if (!lineOpen) startLogicalLine(0); // e.g. text after a continuation at the very start

    const depth = open.length;
    if (c === BACKSLASH) {
      const d = text.charCodeAt(i + 1);
      if (d === LF) {
        i += 2;
        continue;
      }
      if (d === CR) {
        i += text.charCodeAt(i + 2) === LF ? 3 : 2;
        continue;
      }
      tokens.push(new Token(K_ERROR, i, i + 1, depth, 0, -1));
      i++;
      continue;
    }

    if (isNameStart(c) || c === DQUOTE || c === SQUOTE) {
      let j = i;
      while (j < n && isNameChar(text.charCodeAt(j))) j++;
      const q = j < n ? text.charCodeAt(j) : -1;
      const flags = q === DQUOTE || q === SQUOTE ? prefixFlags(text, i, j) : -1;
      if (flags < 0) {
        tokens.push(new Token(K_NAME, i, j, depth, 0, -1));
        i = j;
        continue;
      }
      const triple = text.charCodeAt(j + 1) === q && text.charCodeAt(j + 2) === q;
      const contentStart = j + (triple ? 3 : 1);
      const fmt = (flags & (StringFlag.Format | StringFlag.Template)) !== 0;
      st.unterminated = false;
      st.hasFields = false;
      const end = scanStringBody(text, contentStart, q, triple, fmt, 0, st);
      let f = flags;
      if (triple) f |= StringFlag.Triple;
      if (q === SQUOTE) f |= StringFlag.SingleQuote;
      if (st.unterminated) f |= StringFlag.Unterminated;
      if (st.hasFields) f |= StringFlag.HasFields;
      tokens.push(new Token(K_STRING, i, end, depth, f, contentStart));
      if (st.unterminated && !triple && depth > 0) closeAtEol = true;
      i = end;
      continue;
    }

    if (isDigit(c) || (c === DOT && isDigit(text.charCodeAt(i + 1)))) {
      let j = i + 1;
      const hex = c === 48 && (text.charCodeAt(j) | 0x20) === 120;
      while (j < n) {
        const d = text.charCodeAt(j);
        if (isDigit(d) || d === DOT || d === 95 || (d >= 97 && d <= 122) || (d >= 65 && d <= 90)) {
          j++;
          if (!hex && (d | 0x20) === 101) {
            const s = text.charCodeAt(j);
            if (s === 43 || s === 45) j++;
          }
        } else break;
      }
      tokens.push(new Token(K_NUMBER, i, j, depth, 0, -1));
      i = j;
      continue;
    }

    if (c === LPAREN || c === LBRACKET || c === LBRACE) {
      open.push(tokens.length);
      tokens.push(new Token(K_OP, i, i + 1, depth, c, -1));
      i++;
      continue;
    }
    if (c === RPAREN || c === RBRACKET || c === RBRACE) {
      const idx = tokens.length;
      let partner = -1;
      if (open.length > 0) {
        partner = open.pop()!;
        tokens[partner].aux = idx;
      }
      tokens.push(new Token(K_OP, i, i + 1, open.length, c, partner));
      i++;
      continue;
    }
    if (isSingleOp(c) || c === BANG) {
      let len = 1;
      let code = c;
      const next = text.charCodeAt(i + 1);
      // Only these can be the second character of a multi-character operator.
      const maybeLonger = next === EQ || next === 42 || next === 47 || next === 60 || next === 62 || next === DOT;
      if (maybeLonger && i + 2 < n) {
        const c3 = c + text.charCodeAt(i + 1) * 256 + text.charCodeAt(i + 2) * 65536;
        if (THREE_CHAR_OPS.has(c3)) {
          len = 3;
          code = c3;
        }
      }
      if (maybeLonger && len === 1) {
        const c2 = c + text.charCodeAt(i + 1) * 256;
        if (TWO_CHAR_OPS.has(c2)) {
          len = 2;
          code = c2;
        }
      }
      tokens.push(new Token(K_OP, i, i + len, depth, code, -1));
      i += len;
      continue;
    }
    tokens.push(new Token(K_ERROR, i, i + 1, depth, 0, -1));
    i++;
  }
  if (lineOpen) endLogicalLine(n, 0);
  return { tokens, lines, comments };
}

/** Op codes the scanner compares against. */
export const Op = {
  LParen: LPAREN,
  RParen: RPAREN,
  LBracket: LBRACKET,
  RBracket: RBRACKET,
  LBrace: LBRACE,
  RBrace: RBRACE,
  Comma: 44,
  Dot: DOT,
  Colon: COLON,
  Assign: EQ,
  Star: 42,
  DoubleStar: opCode('**'),
  Slash: 47,
  At: 64,
  Minus: 45,
  Plus: 43,
  Ellipsis: opCode('...'),
  Arrow: opCode('->'),
  Semicolon: 59,
} as const;

/** True when the token's text equals `word` (no allocation). */
export function tokenTextIs(text: string, tok: Token, word: string): boolean {
  return tok.end - tok.start === word.length && text.startsWith(word, tok.start);
}

/** True for an OP token with the given code. */
export function isOp(tok: Token | undefined, code: number): boolean {
  return tok !== undefined && tok.kind === TokenKind.Op && tok.code === code;
}

/** Offset after the last character inside the quotes (the token end for an unterminated string). */
export function stringContentEnd(tok: Token): number {
  if (tok.code & StringFlag.Unterminated) return tok.end;
  return tok.end - (tok.code & StringFlag.Triple ? 3 : 1);
}
