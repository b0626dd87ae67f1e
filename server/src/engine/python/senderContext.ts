/**
 * `publishSenderContextAt`: is the cursor inside the sender string of a publish call? Used by
 * completion on every request, so it tokenizes once and looks only at the call around the cursor.
 */
import type { PublishSenderContext } from './types.js';
import { Op, StringFlag, Token, TokenKind, stringContentEnd, tokenizePython } from './tokenizer.js';
import { parsePublishCall, publishCalleeStart } from './publish.js';

/** Index of the last token starting before `offset`, or -1. */
export function tokenBefore(tokens: Token[], offset: number): number {
  let lo = 0;
  let hi = tokens.length - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (tokens[mid].start < offset) {
      found = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return found;
}

/** Index of the bracket that directly encloses tokens[k], or -1. */
function enclosingOpen(tokens: Token[], k: number): number {
  const depth = tokens[k].depth;
  if (depth === 0) return -1;
  for (let j = k - 1; j >= 0; j--) {
    const t = tokens[j];
    if (t.kind === TokenKind.Newline) return -1;
    if (t.depth < depth) return t.kind === TokenKind.Op ? j : -1;
  }
  return -1;
}

/**
 * The sender-string context when `offset` (UTF-16) lies inside the quotes of the sender literal
 * (keyword `sender=` or first positional argument) of a publish call — also while the string is
 * still unterminated. Undefined anywhere else. Never throws.
 */
export function publishSenderContextAt(text: string, offset: number): PublishSenderContext | undefined {
  try {
    const { tokens } = tokenizePython(text);
    const k = tokenBefore(tokens, offset);
    if (k < 0) return undefined;
    const tok = tokens[k];
    // Not inside a string, or inside an f-string with fields (completing a whole sender there makes no sense).
    if (tok.kind !== TokenKind.String || tok.code & StringFlag.HasFields) return undefined;
    const contentEnd = stringContentEnd(tok);
    if (offset < tok.aux || offset > contentEnd) return undefined;
    const paren = enclosingOpen(tokens, k);
    if (paren < 0 || tokens[paren].code !== Op.LParen) return undefined;
    const calleeStart = publishCalleeStart(text, tokens, paren);
    if (calleeStart < 0) return undefined;
    const { senderStrings } = parsePublishCall(text, tokens, calleeStart, paren);
    if (!senderStrings || k < senderStrings[0] || k >= senderStrings[1]) return undefined;
    const q = tok.code & StringFlag.SingleQuote ? "'" : '"';
    return {
      prefix: text.slice(tok.aux, offset),
      value: text.slice(tok.aux, contentEnd),
      contentRange: { start: tok.aux, end: contentEnd },
      quote: tok.code & StringFlag.Triple ? q + q + q : q,
    };
  } catch {
    return undefined;
  }
}
