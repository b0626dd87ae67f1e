/**
 * Completion of payload keys inside handlers: in `data["|"]`, `args[0].get("|")`, `kwargs["|"]`
 * the keys the event's publishers send, with their types and whether every publisher sends them.
 */
import type { WorkspaceIndex } from '../workspace/workspaceIndex';
import type { PayloadRead, PyClassDef, PyFunctionDef } from '../python/types';
import { scanPython } from '../python/scanner';
import { msg } from '../i18n/messages';
import { alwaysSent, typeLabel } from '../domain/payloads';
import { readParent } from '../domain/handlerReads';
import { flowGraph } from '../domain/flowGraph';
import type { OffsetRange } from '../python/types';

/** One key item (the same fields as the completion feature's items). */
export interface PayloadKeyItem {
  label: string; kind: 'field'; detail: string; documentation: string; replace: OffsetRange; insertText: string; sortText: string;
}

interface ReadAt { fn: PyFunctionDef; cls?: PyClassDef; read: PayloadRead }

/** The payload read whose key string holds the cursor, in the current text. */
function readAt(text: string, offset: number): ReadAt | undefined {
  const scan = scanPython(text);
  const hit = (fn: PyFunctionDef) => fn.flow?.reads.find((r) => offset >= r.range.start && offset <= r.range.end);
  for (const fn of scan.functions) { const read = hit(fn); if (read) return { fn, read }; }
  for (const cls of scan.classes) for (const fn of cls.methods) { const read = hit(fn); if (read) return { fn, cls, read }; }
  return undefined;
}

/** Key items for the read under the cursor, or undefined when the cursor is not in a payload key of a handler. */
export function payloadKeyCompletion(index: WorkspaceIndex, path: string, text: string, offset: number): PayloadKeyItem[] | undefined {
  const handlers = flowGraph(index).handlersByFile.get(path);
  if (!handlers?.length) return undefined;
  const at = readAt(text, offset);
  if (!at) return undefined;
  const L = index.locale;
  const items = new Map<string, PayloadKeyItem>();
  for (const h of handlers) {
    if (h.fn.fn.name !== at.fn.name || h.fn.cls?.name !== at.cls?.name || !h.payload) continue;
    const parent = readParent(at.fn, !!at.cls, at.read, h.payload);
    if (!parent) continue;
    for (const [k, c] of parent.keys) {
      if (items.has(k)) continue;
      const always = alwaysSent(parent, c);
      items.set(k, {
        label: k, kind: 'field', detail: `${typeLabel(c)} — ${msg(L, always ? 'hover-always' : 'hover-sometimes')}`,
        documentation: h.sender ?? h.el.fullName, replace: at.read.range, insertText: k, sortText: `${always ? 0 : 1}${k}`,
      });
    }
  }
  return [...items.values()];
}
