/** Completion of element names in Python: fullNames inside `app.getElement("…")`, names after `app.<namespace>.`. */
import type { WorkspaceIndex } from '../workspace/workspaceIndex';
import { elementRefContextAt } from '../python/elementRefContext';
import { APP_NAMESPACES } from '../domain/appNamespaces';
import type { EngineCompletion } from './completionItem';

export function completeElementRef(index: WorkspaceIndex, path: string, text: string, offset: number): EngineCompletion[] | null {
  const ctx = elementRefContextAt(text, offset);
  if (!ctx) return null;
  const appRoot = index.appRootOf(path);
  const rel = (p: string) => p.slice(appRoot.length + 1);
  if (ctx.form === 'getElement') {
    const out: EngineCompletion[] = [];
    for (const el of index.elementsOfApp(appRoot)) {
      out.push({ label: el.fullName, kind: 'element', detail: el.title, documentation: rel(el.path), replace: ctx.contentRange, insertText: el.fullName });
    }
    return out.sort((a, b) => (a.label < b.label ? -1 : 1));
  }
  if (!APP_NAMESPACES.has(ctx.segments[0])) return null;
  const prefix = `${ctx.segments.join('.')}.`;
  const seen = new Map<string, EngineCompletion>();
  for (const el of index.elementsOfApp(appRoot)) {
    if (!el.fullName.startsWith(prefix)) continue;
    const rest = el.fullName.slice(prefix.length);
    const name = rest.split('.')[0];
    const direct = rest === name;
    if (seen.has(name) && !direct) continue;
    seen.set(name, { label: name, kind: 'element', detail: direct ? el.title : undefined, documentation: direct ? rel(el.path) : undefined, replace: ctx.replace, insertText: name });
  }
  return [...seen.values()].sort((a, b) => (a.label < b.label ? -1 : 1));
}
