/**
 * What a function body does with its event payload and whom it calls: reads of payload keys
 * (`args[0]["k"]`, `kwargs.get("k")`, the same through parameters and local names assigned from
 * them) and `self.m()` / `f()` calls. The scanner feeds it one logical line at a time.
 */
import type { FunctionFlow, PayloadRead, PyFunctionDef } from './types.js';
import { Op, Token, TokenKind, isOp, stringContentEnd, tokenTextIs } from './tokenizer.js';
import { stringValue } from './payloadShape.js';

interface Binding { root: string; path: (number | string)[] }

/** Names bound to payload parts while scanning one function body. */
export class FlowState {
  private readonly names = new Map<string, Binding>();
  private readonly reads: PayloadRead[] = [];
  private readonly calls = new Map<string, boolean>();

  constructor(private readonly fn: PyFunctionDef, isMethod: boolean) {
    fn.params.forEach((p, i) => {
      if (isMethod && i === 0 && p.kind === 'positional') return; // self
      this.names.set(p.name, { root: p.name, path: [] });
    });
  }

  /** Stores what was found on the function (only when there is something). */
  finish(): void {
    if (!this.reads.length && !this.calls.size) return;
    const flow: FunctionFlow = { reads: this.reads, calls: [...this.calls].map(([name, self]) => ({ name, self })) };
    this.fn.flow = flow;
  }

  /** One logical line of the body: tokens[s, end). */
  line(text: string, tokens: Token[], s: number, end: number): void {
    let target: string | undefined;
    let rhs = -1;
    if (tokens[s].kind === TokenKind.Name && isOp(tokens[s + 1], Op.Assign) && s + 2 < end) {
      target = text.slice(tokens[s].start, tokens[s].end);
      rhs = s + 2;
    }
    let alias: Binding | undefined;
    for (let k = target ? rhs : s; k < end; k++) {
      const t = tokens[k];
      if (t.kind !== TokenKind.Name) continue;
      if (isOp(tokens[k + 1], Op.LParen)) { this.call(text, tokens, k); continue; }
      if (isOp(tokens[k - 1], Op.Dot)) continue;
      const b = this.names.get(text.slice(t.start, t.end));
      if (!b) continue;
      const [path, next] = this.chain(text, tokens, k, end, b);
      if (k === rhs && (next >= end || isWord(text, tokens[next], 'if') || isWord(text, tokens[next], 'or'))) alias = { root: b.root, path };
      k = next - 1;
    }
    if (target) {
      if (alias) this.names.set(target, alias);
      else this.names.delete(target);
    }
  }

  private call(text: string, tokens: Token[], k: number): void {
    const name = text.slice(tokens[k].start, tokens[k].end);
    const self = isOp(tokens[k - 1], Op.Dot) && tokens[k - 2]?.kind === TokenKind.Name && tokenTextIs(text, tokens[k - 2], 'self');
    if (isOp(tokens[k - 1], Op.Dot) && !self) return;
    if (!this.calls.has(name)) this.calls.set(name, self);
  }

  /** Follows `[i]`, `["k"]` and `.get("k", …)` after tokens[k]; records key reads. Returns the path and the next token. */
  private chain(text: string, tokens: Token[], k: number, end: number, b: Binding): [(number | string)[], number] {
    const path = [...b.path];
    let j = k + 1;
    while (j < end) {
      const t = tokens[j];
      if (isOp(t, Op.LBracket)) {
        const inner = tokens[j + 1];
        const closed = t.aux > j;
        if (!inner || j + 1 >= end) break;
        const single = closed ? t.aux === j + 2 : true;
        if (single && inner.kind === TokenKind.Number && /^\d+$/.test(text.slice(inner.start, inner.end))) {
          path.push(Number(text.slice(inner.start, inner.end)));
        } else if (single && inner.kind === TokenKind.String) {
          const key = stringValue(text, inner);
          if (key === undefined) break;
          this.reads.push({ root: b.root, path: [...path], key, range: { start: inner.aux, end: stringContentEnd(inner) } });
          path.push(key);
        } else break;
        if (!closed) return [path, end];
        j = t.aux + 1;
        continue;
      }
      if (isOp(t, Op.Dot) && isWord(text, tokens[j + 1], 'get') && isOp(tokens[j + 2], Op.LParen) && tokens[j + 3]?.kind === TokenKind.String) {
        const keyTok = tokens[j + 3];
        const after = tokens[j + 4];
        if (after && !isOp(after, Op.Comma) && !isOp(after, Op.RParen) && after.kind !== TokenKind.Newline) break;
        const key = stringValue(text, keyTok);
        if (key === undefined) break;
        this.reads.push({ root: b.root, path: [...path], key, range: { start: keyTok.aux, end: stringContentEnd(keyTok) } });
        path.push(key);
        const paren = tokens[j + 2];
        if (paren.aux < 0 || paren.aux >= end) return [path, end];
        j = paren.aux + 1;
        continue;
      }
      break;
    }
    return [path, j];
  }
}

function isWord(text: string, tok: Token | undefined, word: string): boolean {
  return tok !== undefined && tok.kind === TokenKind.Name && tokenTextIs(text, tok, word);
}
