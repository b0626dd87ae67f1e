/**
 * `elementRefContextAt`: is the cursor inside the string of `app.getElement("…")`, or after
 * `app.<namespace>.` (possibly with part of a name typed)? Used by completion of fullNames and names.
 */
import { Op, StringFlag, Token, TokenKind, isOp, stringContentEnd, tokenTextIs, tokenizePython } from './tokenizer.js';
import type { OffsetRange } from './types.js';
import { tokenBefore } from './senderContext.js';

export type ElementRefContext =
  /** Inside the quotes of `app.getElement("…")`: a whole fullName goes there. */
  | { form: 'getElement'; prefix: string; contentRange: OffsetRange }
  /** After `app.<segments>.`: the next name under that prefix goes at `replace`. */
  | { form: 'chain'; segments: string[]; prefix: string; replace: OffsetRange };

/** True when tokens[k] is a bare `app` (not an attribute of something else). */
const isApp = (text: string, tokens: Token[], k: number) =>
  k >= 0 && tokens[k].kind === TokenKind.Name && tokenTextIs(text, tokens[k], 'app') && !isOp(tokens[k - 1], Op.Dot);

export function elementRefContextAt(text: string, offset: number): ElementRefContext | undefined {
  try {
    const { tokens } = tokenizePython(text);
    const k = tokenBefore(tokens, offset);
    if (k < 0) return undefined;
    const tok = tokens[k];
    if (tok.kind === TokenKind.String) {
      if (tok.code & StringFlag.HasFields || offset < tok.aux || offset > stringContentEnd(tok)) return undefined;
      // app . getElement ( "…"
      if (!isOp(tokens[k - 1], Op.LParen) || tokens[k - 2]?.kind !== TokenKind.Name || !tokenTextIs(text, tokens[k - 2], 'getElement')) return undefined;
      if (!isOp(tokens[k - 3], Op.Dot) || !isApp(text, tokens, k - 4)) return undefined;
      return { form: 'getElement', prefix: text.slice(tok.aux, offset), contentRange: { start: tok.aux, end: stringContentEnd(tok) } };
    }
    // `app.ns.` with the cursor after the dot, or `app.ns.Par|` with part of a name typed.
    let dot = k;
    let replace = { start: offset, end: offset };
    if (tok.kind === TokenKind.Name && tok.end >= offset) { dot = k - 1; replace = { start: tok.start, end: tok.end }; }
    if (!isOp(tokens[dot], Op.Dot) || tokens[dot].end > offset) return undefined;
    const segments: string[] = [];
    let j = dot - 1;
    while (j >= 0 && tokens[j].kind === TokenKind.Name && isOp(tokens[j - 1], Op.Dot)) {
      if (isApp(text, tokens, j - 2)) { segments.unshift(text.slice(tokens[j].start, tokens[j].end)); break; }
      segments.unshift(text.slice(tokens[j].start, tokens[j].end));
      j -= 2;
    }
    if (!segments.length || !isApp(text, tokens, j - 2)) return undefined;
    return { form: 'chain', segments, prefix: text.slice(replace.start, offset), replace };
  } catch {
    return undefined;
  }
}
