/** Completion in e.json values (senders, func, references, enum values, model fields), publish sender literals, payload keys in handlers and element names in Python. */
import type { WorkspaceIndex } from '../workspace/workspaceIndex';
import type { OffsetRange } from '../python/types';
import { publishSenderContextAt } from '../python';
import { parseElementJsonWithPositions, stringProp } from '../elements/elementJson';
import { TYPE_ENUMS } from '../domain/enums';
import { modelFields } from '../domain/handlers';
import { EVENT_TYPES, REFERENCE_KEYS } from '../domain/elementTypes';
import { jsonCursorAt } from './jsonCursor';
import { payloadKeyCompletion } from './payloadCompletion';
import { completeElementRef } from './elementRefCompletion';
import type { EngineCompletion } from './completionItem';

export type { EngineCompletion } from './completionItem';

export interface CompletionOptions {
  /** The client's JSON support already completes enum values from our schema (VS Code): skip them. */
  schemaEnums?: boolean;
}


/** Per-app list of `<service>.<event>` items, rebuilt only when the index changes. */
const senderCache = new WeakMap<WorkspaceIndex, { version: number; byApp: Map<string, Omit<EngineCompletion, 'replace' | 'insertText'>[]> }>();

function senderItems(index: WorkspaceIndex, appRoot: string) {
  let c = senderCache.get(index);
  if (!c || c.version !== index.declarationsVersion) senderCache.set(index, (c = { version: index.declarationsVersion, byApp: new Map() }));
  let items = c.byApp.get(appRoot);
  if (items) return items;
  items = [];
  for (const svc of index.elementsOfKind(appRoot, 'service')) {
    for (const e of svc.json.eventDescs?.entries ?? []) {
      const name = e.name?.value;
      if (typeof name !== 'string' || !name) continue;
      const title = typeof e.title?.value === 'string' ? e.title.value : undefined;
      const desc = typeof e.desc?.value === 'string' ? e.desc.value : undefined;
      items.push({
        label: `${svc.fullName}.${name}`, kind: 'event',
        detail: title ? `${title} — ${svc.title ?? svc.fullName}` : svc.title ?? svc.fullName,
        documentation: [desc, `${svc.path.slice(appRoot.length + 1)}`].filter(Boolean).join('\n\n'),
      });
    }
  }
  items.sort((a, b) => (a.label < b.label ? -1 : 1));
  c.byApp.set(appRoot, items);
  return items;
}

function withRange(items: Omit<EngineCompletion, 'replace' | 'insertText'>[], replace: OffsetRange, quote: boolean): EngineCompletion[] {
  // An explicit literal, not a spread: this runs for every declared event on every request.
  const out = new Array<EngineCompletion>(items.length);
  for (let k = 0; k < items.length; k++) {
    const i = items[k];
    out[k] = { label: i.label, kind: i.kind, detail: i.detail, documentation: i.documentation, sortText: i.sortText, replace, insertText: quote ? JSON.stringify(i.label) : i.label };
  }
  return out;
}

/** Completion in an e.json or a Python file. Uses only the index (no file reads). */
export function completeAt(index: WorkspaceIndex, path: string, text: string, offset: number, opts: CompletionOptions = {}): EngineCompletion[] | null {
  if (path.endsWith('.py')) {
    const ctx = publishSenderContextAt(text, offset);
    if (!ctx) return payloadKeyCompletion(index, path, text, offset) ?? completeElementRef(index, path, text, offset);
    return withRange(senderItems(index, index.appRootOf(path)), ctx.contentRange, false);
  }
  if (!path.endsWith('/e.json')) return null;
  const cur = jsonCursorAt(text, offset);
  if (cur.isAtPropertyKey || cur.path.length === 0) return null;
  const key = String(cur.path[0]);
  const el = index.elementAt(path);
  const appRoot = el?.appRoot ?? index.appRootOf(path);
  const type = el?.type ?? stringProp(parseElementJsonWithPositions(text), 'type')?.value ?? '';
  const replace = cur.string?.contentRange ?? { start: cur.insertAt, end: cur.insertAt };
  const quote = !cur.string;
  if (cur.path.length === 1) {
    const ref = REFERENCE_KEYS[type];
    if (ref?.key === key) {
      return withRange(index.elementsOfKind(appRoot, ref.kind).map((m) => ({
        label: m.fullName, kind: 'element' as const, detail: m.title, documentation: m.path.slice(appRoot.length + 1),
      })), replace, quote);
    }
    if (key === 'sender' && (type === EVENT_TYPES.custom || !type.startsWith('events.'))) return withRange(senderItems(index, appRoot), replace, quote);
    if (key === 'func' || key === 'taskFunc') {
      const items: Omit<EngineCompletion, 'replace' | 'insertText'>[] = [];
      for (const svc of index.elementsOfKind(appRoot, 'service')) {
        for (const e of svc.json.functionList?.entries ?? []) {
          const fn = e.name?.value;
          if (typeof fn !== 'string') continue;
          items.push({ label: `${svc.fullName}.${fn}`, kind: 'function', detail: typeof e.title?.value === 'string' ? e.title.value : undefined, documentation: svc.path.slice(appRoot.length + 1) });
        }
      }
      return withRange(items, replace, quote);
    }
    if (opts.schemaEnums) return null;
    if (key === 'funcType') {
      return withRange([
        { label: 'Global', kind: 'value', detail: 'call the service function named in "func"' },
        { label: 'Inner', kind: 'value', detail: 'call customFunc in inner.py' },
      ], replace, quote);
    }
    const e = TYPE_ENUMS[type];
    if (e?.key === key) return withRange(e.values.map((v) => ({ label: v, kind: 'value' as const })), replace, quote);
    return null;
  }
  if (key === 'fields' && cur.path.length === 2 && type === EVENT_TYPES.model) {
    const sender = el ? stringProp(el.json, 'sender')?.value : undefined;
    const model = sender ? index.element(appRoot, sender) : undefined;
    const fields = model ? modelFields(index, model) : undefined;
    if (!fields) return null;
    return withRange(fields.map((f) => ({ label: f, kind: 'field' as const, detail: model!.fullName })), replace, quote);
  }
  return null;
}
