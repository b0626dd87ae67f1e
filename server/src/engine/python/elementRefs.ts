/**
 * Element references in Python code: `app.getElement("<fullName>")` with a literal fullName, and
 * `app.<namespace>.<Name>…` attribute chains (syntax sugar for getElement). One pass over the tokens.
 */
import type { PyElementRef } from './types.js';
import { Op, StringFlag, Token, TokenKind, isOp, stringContentEnd, tokenTextIs } from './tokenizer.js';
import { decodeStringToken } from './literal.js';
import { APP_NAMESPACES } from '../domain/appNamespaces.js';

/** Every `app.getElement("…")` literal and `app.<namespace>.<a>.<b>…` chain of a file, in source order. */
export function scanElementRefs(text: string, tokens: Token[]): PyElementRef[] {
  const out: PyElementRef[] = [];
  for (let k = 0; k + 2 < tokens.length; k++) {
    const t = tokens[k];
    if (t.kind !== TokenKind.Name || !tokenTextIs(text, t, 'app') || isOp(tokens[k - 1], Op.Dot)) continue;
    if (!isOp(tokens[k + 1], Op.Dot) || tokens[k + 2].kind !== TokenKind.Name) continue;
    const attr = tokens[k + 2];
    if (tokenTextIs(text, attr, 'getElement')) {
      const ref = getElementCall(text, tokens, k);
      if (ref) out.push(ref);
      continue;
    }
    if (!APP_NAMESPACES.has(text.slice(attr.start, attr.end))) continue;
    const segments: string[] = [];
    const ranges: { start: number; end: number }[] = [];
    let j = k + 2;
    while (j < tokens.length && tokens[j].kind === TokenKind.Name) {
      segments.push(text.slice(tokens[j].start, tokens[j].end));
      ranges.push({ start: tokens[j].start, end: tokens[j].end });
      if (!isOp(tokens[j + 1], Op.Dot)) break;
      j += 2;
    }
    if (segments.length >= 2) out.push({ form: 'chain', segments, segmentRanges: ranges, range: { start: t.start, end: ranges[ranges.length - 1].end } });
    k = j;
  }
  return out;
}

/** `app.getElement(` then a plain string literal as first argument. */
function getElementCall(text: string, tokens: Token[], k: number): PyElementRef | undefined {
  const paren = tokens[k + 3];
  const str = tokens[k + 4];
  if (!isOp(paren, Op.LParen) || !str || str.kind !== TokenKind.String || str.code & StringFlag.HasFields) return undefined;
  const value = decodeStringToken(text, str);
  if (value === undefined) return undefined;
  return {
    form: 'getElement', fullName: value,
    contentRange: { start: str.aux, end: stringContentEnd(str) },
    range: { start: tokens[k].start, end: str.end },
    unterminated: (str.code & StringFlag.Unterminated) !== 0,
  };
}
