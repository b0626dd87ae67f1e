/**
 * `payloadShape`: the shape of an `args` / `kwargs` expression of a publish call — dict keys with
 * the literal types of their values, tuple positions, and `any` where a variable or call hides the
 * value. Works on the token stream; never throws.
 */
import type { PayloadShape } from './types.js';
import { Op, Token, TokenKind, isOp, tokenTextIs } from './tokenizer.js';
import { decodeStringToken, splitTopLevel } from './literal.js';

const MAX_NESTING = 16;
/** Scalar shapes are shared (never written): most payload values are one of these. */
const scalar = (t: 'str' | 'int' | 'float' | 'bool' | 'none' | 'any'): PayloadShape => Object.freeze({ t });
const ANY = scalar('any');
const SCALARS = { str: scalar('str'), int: scalar('int'), float: scalar('float'), bool: scalar('bool'), none: scalar('none'), any: ANY };
/** Calls whose result type is known from the builtin's name. */
const CALL_TYPES: Record<string, PayloadShape['t']> = { str: 'str', int: 'int', len: 'int', float: 'float', bool: 'bool', round: 'int' };

/** Shape of tokens[from, to). */
export function payloadShape(text: string, tokens: Token[], from: number, to: number, level = 0): PayloadShape {
  if (from >= to || level > MAX_NESTING) return ANY;
  const first = tokens[from];
  if (first.kind === TokenKind.String) {
    for (let k = from; k < to; k++) if (tokens[k].kind !== TokenKind.String) return ANY;
    return SCALARS.str;
  }
  if (first.kind === TokenKind.Number || ((isOp(first, Op.Minus) || isOp(first, Op.Plus)) && to - from === 2 && tokens[from + 1].kind === TokenKind.Number)) {
    const num = first.kind === TokenKind.Number ? first : tokens[from + 1];
    if (to - from > (first.kind === TokenKind.Number ? 1 : 2)) return ANY;
    return /^0[xob]/i.test(text.slice(num.start, num.end)) || !/[.eEjJ]/.test(text.slice(num.start, num.end)) ? SCALARS.int : SCALARS.float;
  }
  if (first.kind === TokenKind.Name) {
    if (to - from === 1) {
      if (tokenTextIs(text, first, 'True') || tokenTextIs(text, first, 'False')) return SCALARS.bool;
      if (tokenTextIs(text, first, 'None')) return SCALARS.none;
      return ANY;
    }
    const paren = tokens[from + 1];
    if (isOp(paren, Op.LParen) && paren.aux === to - 1) {
      const t = CALL_TYPES[text.slice(first.start, first.end)];
      if (t) return SCALARS[t as keyof typeof SCALARS];
    }
    return ANY;
  }
  if (first.kind !== TokenKind.Op || first.aux !== to - 1) return ANY;
  const inner = first.depth + 1;
  if (first.code === Op.LParen) {
    const items = splitTopLevel(text, tokens, from + 1, to - 1, inner);
    if (to - from === 2) return { t: 'tuple', items: [] };
    const hasComma = items.length > 1 || isOp(tokens[to - 2], Op.Comma);
    if (!hasComma) return hasFor(text, tokens, from + 1, to - 1, inner) ? ANY : payloadShape(text, tokens, from + 1, to - 1, level + 1);
    return sequence('tuple', text, tokens, items, level);
  }
  if (first.code === Op.LBracket) {
    if (hasFor(text, tokens, from + 1, to - 1, inner)) return { t: 'list', items: [], open: true };
    return sequence('list', text, tokens, splitTopLevel(text, tokens, from + 1, to - 1, inner), level);
  }
  if (first.code === Op.LBrace) return dict(text, tokens, from, to, inner, level);
  return ANY;
}

function hasFor(text: string, tokens: Token[], from: number, to: number, depth: number): boolean {
  for (let k = from; k < to; k++) if (tokens[k].depth === depth && tokens[k].kind === TokenKind.Name && tokenTextIs(text, tokens[k], 'for')) return true;
  return false;
}

function sequence(t: 'tuple' | 'list', text: string, tokens: Token[], items: [number, number][], level: number): PayloadShape {
  const out: PayloadShape[] = [];
  let open = false;
  for (const [s, e] of items) {
    if (isOp(tokens[s], Op.Star)) { open = true; continue; }
    if (open) continue; // positions after a starred item are unknown
    out.push(payloadShape(text, tokens, s, e, level + 1));
  }
  return open ? { t, items: out, open } : { t, items: out };
}

function dict(text: string, tokens: Token[], from: number, to: number, inner: number, level: number): PayloadShape {
  const keys: Record<string, PayloadShape> = {};
  let open = false;
  const items = splitTopLevel(text, tokens, from + 1, to - 1, inner);
  if (items.length === 1 && hasFor(text, tokens, from + 1, to - 1, inner)) return { t: 'dict', keys, open: true };
  for (const [s, e] of items) {
    if (isOp(tokens[s], Op.DoubleStar)) { open = true; continue; }
    let colon = -1;
    for (let k = s; k < e; k++) if (tokens[k].depth === inner && isOp(tokens[k], Op.Colon)) { colon = k; break; }
    if (colon < 0) return ANY; // a set display
    const key = tokens[s];
    if (colon !== s + 1 || key.kind !== TokenKind.String) { open = true; continue; }
    const name = stringValue(text, key);
    if (name === undefined) { open = true; continue; }
    keys[name] = payloadShape(text, tokens, colon + 1, e, level + 1);
  }
  return open ? { t: 'dict', keys, open } : { t: 'dict', keys };
}

/** The decoded text of one string token; undefined for f-strings with fields. */
export function stringValue(text: string, tok: Token): string | undefined {
  return tok.kind === TokenKind.String ? decodeStringToken(text, tok) : undefined;
}
