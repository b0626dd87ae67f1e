/** The engine's completions as one LSP CompletionList: ranked by what is typed, capped, with shared item defaults when the client has them. */
import type { CompletionItem, CompletionList, Range } from 'vscode-languageserver/node';
import type { EngineCompletion } from '../engine';
import { toLspCompletion } from './convert';

/** Most items sent at once; the client asks again as the user types (isIncomplete). */
export const MAX_COMPLETION_ITEMS = 100;
/** Above this many items, per-item documentation is left out to keep the response small. */
const DOCUMENTATION_LIMIT = 100;

/** Case-insensitive subsequence match: keeps everything the editor's fuzzy filter could show. */
function rank(label: string, typed: string): number {
  if (!typed) return 0;
  const l = label.toLowerCase();
  if (l.startsWith(typed)) return 0;
  const at = l.indexOf(typed);
  if (at >= 0) return l.charCodeAt(at - 1) === 46 /* . */ ? 1 : 2;
  let k = 0;
  for (let i = 0; i < l.length && k < typed.length; i++) if (l.charCodeAt(i) === typed.charCodeAt(k)) k++;
  return k === typed.length ? 3 : -1;
}

/**
 * Turns engine items into an LSP list: filtered by what is typed, capped, and with the shared
 * replace range sent once (`itemDefaults.editRange`) when the client supports it.
 */
export function toCompletionList(items: EngineCompletion[], typed: string, range: Range, useItemDefaults: boolean): CompletionList {
  let kept = items;
  let isIncomplete = false;
  if (items.length > MAX_COMPLETION_ITEMS) {
    // Big apps: send what matches the typed text, best first, and let the client ask again as the
    // user types (isIncomplete). Small lists go whole and the client filters them itself.
    const t = typed.toLowerCase();
    // One pass into four buckets (prefix, segment start, substring, subsequence), each filled only
    // up to the cap: no sort of thousands of items per keystroke. Within a bucket the engine's
    // order (alphabetical for senders) is kept.
    const buckets: EngineCompletion[][] = [[], [], [], []];
    for (const item of items) {
      const r = rank(item.label, t);
      if (r >= 0 && buckets[r].length < MAX_COMPLETION_ITEMS) buckets[r].push(item);
    }
    kept = buckets.flat().slice(0, MAX_COMPLETION_ITEMS);
    isIncomplete = true;
  }
  const withDocs = !isIncomplete && kept.length <= DOCUMENTATION_LIMIT;
  const out: CompletionItem[] = kept.map((item) => {
    const c = toLspCompletion(withDocs ? item : { ...item, documentation: undefined }, range);
    if (useItemDefaults) {
      delete c.textEdit;
      if (item.insertText !== item.label) c.textEditText = item.insertText;
    }
    return c;
  });
  const list: CompletionList = { isIncomplete, items: out };
  if (useItemDefaults) list.itemDefaults = { editRange: range };
  return list;
}
