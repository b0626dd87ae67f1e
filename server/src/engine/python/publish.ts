/**
 * Recognises `app.event.publish(...)` / `JitEvent.publish(...)` calls in a token stream and
 * extracts the sender literal and the `args` / `kwargs` arguments.
 */
import type { PublishCall, PyStringLiteral } from './types.js';
import { Op, StringFlag, Token, TokenKind, isOp, stringContentEnd, tokenTextIs } from './tokenizer.js';
import { decodeStringToken, literalArg, splitTopLevel } from './literal.js';
import { payloadShape } from './payloadShape.js';

/**
 * If tokens[paren] is the `(` of a publish call (callee ending in `event.publish` or
 * `JitEvent.publish`), returns the index of the callee's first name token; otherwise -1.
 */
export function publishCalleeStart(text: string, tokens: Token[], paren: number): number {
  if (paren < 3) return -1;
  const method = tokens[paren - 1];
  if (method.kind !== TokenKind.Name || !tokenTextIs(text, method, 'publish') || !isOp(tokens[paren - 2], Op.Dot)) return -1;
  const owner = tokens[paren - 3];
  if (owner.kind !== TokenKind.Name || !(tokenTextIs(text, owner, 'event') || tokenTextIs(text, owner, 'JitEvent'))) return -1;
  let k = paren - 3;
  while (k >= 2 && isOp(tokens[k - 1], Op.Dot) && tokens[k - 2].kind === TokenKind.Name) k -= 2;
  // `def event.publish(` cannot happen, but `def publish(` preceded by nothing useful is filtered above.
  return k;
}

/** Index of the first NEWLINE token at or after `from` (tokens always end with one). */
export function nextNewline(tokens: Token[], from: number): number {
  let k = from;
  while (k < tokens.length && tokens[k].kind !== TokenKind.Newline) k++;
  return k;
}

export interface ParsedPublishCall {
  call: PublishCall;
  /** Token range [start, end) of the sender value when it consists only of string tokens. */
  senderStrings?: [number, number];
}

/** Strips redundant parentheses around a single expression: `("a" "b")` -> `"a" "b"`. */
function stripParens(text: string, tokens: Token[], s: number, e: number): [number, number] {
  while (e - s > 2 && isOp(tokens[s], Op.LParen) && tokens[s].aux === e - 1) {
    const inner = tokens[s].depth + 1;
    const parts = splitTopLevel(text, tokens, s + 1, e - 1, inner);
    if (parts.length !== 1 || isOp(tokens[e - 2], Op.Comma)) break;
    s++;
    e--;
  }
  return [s, e];
}

function stringLiteral(text: string, tokens: Token[], s: number, e: number): PyStringLiteral {
  let value: string | undefined = '';
  let unterminated = false;
  for (let k = s; k < e; k++) {
    const t = tokens[k];
    if (t.code & StringFlag.Unterminated) unterminated = true;
    const piece: string | undefined = value === undefined ? undefined : decodeStringToken(text, t);
    value = piece === undefined ? undefined : value + piece;
  }
  const first = tokens[s];
  const last = tokens[e - 1];
  return {
    value,
    range: { start: first.start, end: last.end },
    contentRange: { start: first.aux, end: stringContentEnd(e - s === 1 ? first : last) },
    unterminated,
  };
}

/**
 * Parses the publish call whose `(` is tokens[paren] and whose callee starts at tokens[calleeStart].
 * An unclosed call runs to the end of its logical line (`lineEnd`, the NEWLINE token's index, when known).
 */
export function parsePublishCall(text: string, tokens: Token[], calleeStart: number, paren: number, lineEnd?: number): ParsedPublishCall {
  const open = tokens[paren];
  const closed = open.aux > paren;
  const close = closed ? open.aux : lineEnd ?? nextNewline(tokens, paren);
  let callee = '';
  for (let k = calleeStart; k < paren; k += 2) callee += (callee ? '.' : '') + text.slice(tokens[k].start, tokens[k].end);
  const end = closed ? tokens[close].end : close - 1 > paren ? tokens[close - 1].end : open.end;
  const call: PublishCall = { callee, range: { start: tokens[calleeStart].start, end } };
  const result: ParsedPublishCall = { call };

  let positional = 0;
  for (const [s0, e] of splitTopLevel(text, tokens, paren + 1, close, open.depth + 1)) {
    let s = s0;
    let role: 'sender' | 'args' | 'kwargs' | undefined;
    if (tokens[s].kind === TokenKind.Name && isOp(tokens[s + 1], Op.Assign) && s + 1 < e) {
      const name = text.slice(tokens[s].start, tokens[s].end);
      if (name === 'sender' || name === 'args' || name === 'kwargs') role = name;
      s += 2;
    } else if (isOp(tokens[s], Op.Star) || isOp(tokens[s], Op.DoubleStar)) {
      positional = Number.POSITIVE_INFINITY; // later positions are unknown
      continue;
    } else {
      role = positional === 0 ? 'sender' : positional === 1 ? 'args' : positional === 2 ? 'kwargs' : undefined;
      positional++;
    }
    if (role === undefined || s >= e) continue;
    if (role === 'sender') {
      const [is, ie] = stripParens(text, tokens, s, e);
      let allStrings = true;
      for (let k = is; k < ie && allStrings; k++) if (tokens[k].kind !== TokenKind.String) allStrings = false;
      if (allStrings) {
        call.sender = stringLiteral(text, tokens, is, ie);
        result.senderStrings = [is, ie];
      }
      if (!allStrings || call.sender?.value === undefined) call.senderExpr = { start: tokens[s].start, end: tokens[e - 1].end };
    } else {
      call[role] = literalArg(text, tokens, s, e);
      (call.payload ??= {})[role] = payloadShape(text, tokens, s, e);
    }
  }
  return result;
}
