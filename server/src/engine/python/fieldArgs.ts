/**
 * The parts of a class attribute assignment a model field check needs: the callee of
 * `x = datatypes.Stext(name="x", …)` and its literal `name=` argument.
 */
import { Op, StringFlag, Token, TokenKind, isOp, stringContentEnd, tokenTextIs } from './tokenizer.js';
import { decodeStringToken } from './literal.js';
import type { PyFieldCall } from './types.js';

/** Reads `callee(…, name="…", …)` from tokens[from] (the first token after `=`) to the end of the line. */
export function fieldCall(text: string, tokens: Token[], from: number, end: number): PyFieldCall | undefined {
  let k = from;
  if (k >= end || tokens[k].kind !== TokenKind.Name) return undefined;
  let callee = text.slice(tokens[k].start, tokens[k].end);
  k++;
  while (k + 1 < end && isOp(tokens[k], Op.Dot) && tokens[k + 1].kind === TokenKind.Name) {
    callee += '.' + text.slice(tokens[k + 1].start, tokens[k + 1].end);
    k += 2;
  }
  if (!isOp(tokens[k], Op.LParen)) return undefined;
  const depth = tokens[k].depth + 1;
  const close = tokens[k].aux > k ? Math.min(tokens[k].aux, end) : end;
  const call: PyFieldCall = { callee };
  for (let j = k + 1; j + 2 < close + 1 && j < close; j++) {
    const t = tokens[j];
    if (t.depth !== depth || t.kind !== TokenKind.Name || !tokenTextIs(text, t, 'name') || !isOp(tokens[j + 1], Op.Assign)) continue;
    if (!isOp(tokens[j - 1], Op.LParen) && !isOp(tokens[j - 1], Op.Comma)) continue;
    const s = tokens[j + 2];
    if (!s || s.kind !== TokenKind.String || s.code & StringFlag.HasFields) break;
    const value = decodeStringToken(text, s);
    if (value !== undefined) call.nameArg = { value, contentRange: { start: s.aux, end: stringContentEnd(s) } };
    break;
  }
  return call;
}
