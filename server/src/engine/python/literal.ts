/**
 * Decoding of Python string tokens and evaluation of literal expressions (the `ast.literal_eval`
 * subset the engine needs): str, bytes (decoded as text), numbers, True/False/None, tuples, lists
 * and dicts, nested. Anything else is an `expr`.
 */
import type { PyLiteralArg } from './types.js';
import { Op, StringFlag, Token, TokenKind, isOp, stringContentEnd, tokenTextIs } from './tokenizer.js';

const MAX_NESTING = 64;

/**
 * Decoded value of one STRING token; undefined for f-strings (or t-strings) with replacement fields
 * and for `\N{name}` escapes (no Unicode name table here). Unterminated strings decode what is there.
 */
export function decodeStringToken(text: string, tok: Token): string | undefined {
  const flags = tok.code;
  if (flags & StringFlag.HasFields) return undefined;
  const start = tok.aux;
  const end = stringContentEnd(tok);
  const raw = (flags & StringFlag.Raw) !== 0;
  const fmt = (flags & (StringFlag.Format | StringFlag.Template)) !== 0;
  const bytes = (flags & StringFlag.Bytes) !== 0;
  const body = text.slice(start, end);
  if (body.indexOf('\\') < 0 && !(fmt && body.indexOf('}}') >= 0)) return body;
  let out = '';
  let i = 0;
  const n = body.length;
  while (i < n) {
    const c = body[i];
    if (fmt && (c === '{' || c === '}') && body[i + 1] === c) {
      out += c;
      i += 2;
      continue;
    }
    if (c !== '\\' || i + 1 >= n) {
      out += c;
      i++;
      continue;
    }
    const d = body[i + 1];
    if (raw) {
      // A raw string keeps the backslash; only the newline after it is still part of the text.
      out += c + d;
      i += 2;
      continue;
    }
    i += 2;
    switch (d) {
      case '\n': break;
      case '\r': if (body[i] === '\n') i++; break;
      case '\\': out += '\\'; break;
      case "'": out += "'"; break;
      case '"': out += '"'; break;
      case 'a': out += '\x07'; break;
      case 'b': out += '\b'; break;
      case 'f': out += '\f'; break;
      case 'n': out += '\n'; break;
      case 'r': out += '\r'; break;
      case 't': out += '\t'; break;
      case 'v': out += '\v'; break;
      case 'x': case 'u': case 'U': {
        const len = d === 'x' ? 2 : d === 'u' ? 4 : 8;
        const hex = body.slice(i, i + len);
        if ((d !== 'x' && bytes) || hex.length !== len || !/^[0-9a-fA-F]+$/.test(hex)) {
          out += '\\' + d;
          break;
        }
        const cp = parseInt(hex, 16);
        out += cp <= 0x10ffff ? String.fromCodePoint(cp) : '\\' + d + hex;
        i += len;
        break;
      }
      case 'N':
        if (!bytes && body[i] === '{') return undefined; // named escapes need the Unicode name table
        out += '\\N';
        break;
      default:
        if (d >= '0' && d <= '7') {
          let k = i - 1;
          let v = 0;
          while (k < n && k < i + 2 && body[k] >= '0' && body[k] <= '7') v = v * 8 + (body.charCodeAt(k++) - 48);
          out += String.fromCharCode(v);
          i = k;
        } else {
          out += '\\' + d; // unknown escapes stay as written
        }
    }
  }
  return out;
}

/** Value of a NUMBER token; undefined for complex numbers or malformed text. */
export function numberValue(src: string): number | undefined {
  const s = src.replace(/_/g, '');
  if (/^0[xX][0-9a-fA-F]+$/.test(s)) return parseInt(s.slice(2), 16);
  if (/^0[oO][0-7]+$/.test(s)) return parseInt(s.slice(2), 8);
  if (/^0[bB][01]+$/.test(s)) return parseInt(s.slice(2), 2);
  if (/^(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(s)) return Number(s);
  return undefined;
}

type Kind = PyLiteralArg['kind'];
interface Evaluated {
  kind: Kind;
  value?: unknown;
  literal: boolean;
  /** Tuples/lists/dicts that are only partly literal: the shape with unknown parts as null. */
  template?: unknown;
}

/** The value of a literal, the template of a partly literal container, or null. */
function templateOf(ev: Evaluated): unknown {
  if (ev.literal) return ev.value;
  return ev.template !== undefined ? ev.template : null;
}

const EXPR: Evaluated = { kind: 'expr', literal: false };

/**
 * Splits tokens[from, to) at commas of the given depth; returns [start, end) pairs (an empty
 * trailing item is dropped). Commas between `lambda` and its colon belong to the lambda. Skips over
 * bracket groups, and stops at an unclosed one (the rest of the range is inside it), so the cost is
 * the number of top-level tokens.
 */
export function splitTopLevel(text: string, tokens: Token[], from: number, to: number, depth: number): [number, number][] {
  const parts: [number, number][] = [];
  let s = from;
  let lambdas = 0; // lambdas whose parameter list is still open
  for (let k = from; k < to; k++) {
    const t = tokens[k];
    if (t.kind === TokenKind.Name) {
      if (t.depth === depth && tokenTextIs(text, t, 'lambda')) lambdas++;
      continue;
    }
    if (t.kind !== TokenKind.Op) continue;
    if (t.code === Op.LParen || t.code === Op.LBracket || t.code === Op.LBrace) {
      if (t.aux < 0 || t.aux >= to) break;
      k = t.aux;
    } else if (t.depth !== depth) {
      continue;
    } else if (t.code === Op.Colon && lambdas > 0) {
      lambdas--;
    } else if (t.code === Op.Comma && lambdas === 0) {
      parts.push([s, k]);
      s = k + 1;
    }
  }
  if (s < to) parts.push([s, to]);
  return parts;
}

/** True when tokens[from, to) is exactly one bracket group opened by `code`. */
function isWholeGroup(tokens: Token[], from: number, to: number, code: number): boolean {
  const t = tokens[from];
  return isOp(t, code) && t.aux === to - 1;
}

function hasTopLevelFor(text: string, tokens: Token[], from: number, to: number, depth: number): boolean {
  for (let k = from; k < to; k++) {
    const t = tokens[k];
    if (t.kind === TokenKind.Op && (t.code === Op.LParen || t.code === Op.LBracket || t.code === Op.LBrace)) {
      if (t.aux < 0 || t.aux >= to) return false;
      k = t.aux;
    } else if (t.depth === depth && t.kind === TokenKind.Name && tokenTextIs(text, t, 'for')) return true;
  }
  return false;
}

function evaluate(text: string, tokens: Token[], from: number, to: number, level: number): Evaluated {
  if (from >= to || level > MAX_NESTING) return EXPR;
  const first = tokens[from];
  // Strings, with implicit concatenation.
  if (first.kind === TokenKind.String) {
    let value: string | undefined = '';
    for (let k = from; k < to; k++) {
      const t = tokens[k];
      if (t.kind !== TokenKind.String) return EXPR;
      const piece: string | undefined = value === undefined ? undefined : decodeStringToken(text, t);
      value = piece === undefined ? undefined : value + piece;
    }
    return value === undefined ? { kind: 'str', literal: false } : { kind: 'str', value, literal: true };
  }
  // Numbers with an optional sign.
  if (first.kind === TokenKind.Number || ((isOp(first, Op.Minus) || isOp(first, Op.Plus)) && to - from === 2)) {
    const numTok = first.kind === TokenKind.Number ? first : tokens[from + 1];
    if (to - from > (first.kind === TokenKind.Number ? 1 : 2) || numTok.kind !== TokenKind.Number) return EXPR;
    const v = numberValue(text.slice(numTok.start, numTok.end));
    if (v === undefined) return { kind: 'number', literal: false };
    return { kind: 'number', value: isOp(first, Op.Minus) ? -v : v, literal: true };
  }
  if (first.kind === TokenKind.Name && to - from === 1) {
    if (tokenTextIs(text, first, 'True')) return { kind: 'bool', value: true, literal: true };
    if (tokenTextIs(text, first, 'False')) return { kind: 'bool', value: false, literal: true };
    if (tokenTextIs(text, first, 'None')) return { kind: 'none', value: null, literal: true };
    return EXPR;
  }
  const inner = first.depth + 1;
  if (isWholeGroup(tokens, from, to, Op.LParen)) {
    const items = splitTopLevel(text, tokens, from + 1, to - 1, inner);
    const hasComma = items.length > 1 || (to - 1 > from + 1 && isOp(tokens[to - 2], Op.Comma));
    if (to - from === 2) return { kind: 'tuple', value: [], literal: true };
    if (!hasComma) {
      if (hasTopLevelFor(text, tokens, from + 1, to - 1, inner)) return EXPR; // generator expression
      return evaluate(text, tokens, from + 1, to - 1, level + 1); // ("x") is just "x"
    }
    return sequence('tuple', text, tokens, items, level);
  }
  if (isWholeGroup(tokens, from, to, Op.LBracket)) {
    if (hasTopLevelFor(text, tokens, from + 1, to - 1, inner)) return { kind: 'list', literal: false };
    return sequence('list', text, tokens, splitTopLevel(text, tokens, from + 1, to - 1, inner), level);
  }
  if (isWholeGroup(tokens, from, to, Op.LBrace)) return dict(text, tokens, from, to, inner, level);
  return EXPR;
}

function sequence(kind: 'tuple' | 'list', text: string, tokens: Token[], items: [number, number][], level: number): Evaluated {
  const values: unknown[] = [];
  let literal = true;
  for (const [s, e] of items) {
    const v = evaluate(text, tokens, s, e, level + 1);
    if (!v.literal) literal = false;
    values.push(templateOf(v));
  }
  return literal ? { kind, value: values, literal } : { kind, literal, template: values };
}

function dict(text: string, tokens: Token[], from: number, to: number, inner: number, level: number): Evaluated {
  const items = splitTopLevel(text, tokens, from + 1, to - 1, inner);
  if (items.length === 0) return { kind: 'dict', value: {}, literal: true };
  const obj: Record<string, unknown> = {};
  let literal = true;
  let sawColon = false;
  for (const [s, e] of items) {
    if (isOp(tokens[s], Op.DoubleStar)) {
      literal = false;
      sawColon = true;
      continue;
    }
    let colon = -1;
    for (let k = s; k < e; k++) {
      if (tokens[k].depth === inner && isOp(tokens[k], Op.Colon)) {
        colon = k;
        break;
      }
    }
    if (colon < 0) {
      if (!sawColon) return EXPR; // a set display, or a set/dict comprehension we do not evaluate
      literal = false;
      continue;
    }
    sawColon = true;
    const key = evaluate(text, tokens, s, colon, level + 1);
    const value = evaluate(text, tokens, colon + 1, e, level + 1);
    if (key.kind !== 'str' || !key.literal || !value.literal) literal = false;
    // Entries whose key is not a literal string cannot be named, so the template leaves them out.
    if (key.kind === 'str' && key.literal) obj[key.value as string] = templateOf(value);
  }
  if (items.length === 1 && hasTopLevelFor(text, tokens, from + 1, to - 1, inner)) return { kind: 'dict', literal: false };
  return literal ? { kind: 'dict', value: obj, literal } : { kind: 'dict', literal, template: obj };
}

/**
 * Describes tokens[from, to) as a `PyLiteralArg`: kind from the expression's shape, `value` when
 * fully literal, `template` (non-literal parts as null) for a partly literal tuple/list/dict.
 */
export function literalArg(text: string, tokens: Token[], from: number, to: number): PyLiteralArg {
  const start = tokens[from].start;
  const end = tokens[to - 1].end;
  const ev = evaluate(text, tokens, from, to, 0);
  const arg: PyLiteralArg = { text: text.slice(start, end), range: { start, end }, kind: ev.kind };
  if (ev.literal) arg.value = ev.value;
  else if (ev.template !== undefined) arg.template = ev.template;
  return arg;
}
