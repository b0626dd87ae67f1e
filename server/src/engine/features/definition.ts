/** Go to definition: from senders to eventDescs, from func to the Python method, from references (e.json and Python) to elements and fields. */
import type { Location } from '../../../../shared/src/protocol/types';
import type { WorkspaceIndex } from '../workspace/workspaceIndex';
import type { ElementRecord } from '../model/records';
import { scanPython, type PyElementRef } from '../python';
import { parseElementJsonWithPositions, stringProp } from '../elements/elementJson';
import { resolveSender } from '../domain/senders';
import { effectiveFuncType, findMethod, implementationClass, innerHandler, splitFunc } from '../domain/handlers';
import { EVENT_TYPES } from '../domain/elementTypes';
import { jsonCursorAt } from './jsonCursor';
import { toLocation } from './locations';

/** The eventDescs `name` value of `<service>.<event>`, when it resolves. */
export function eventDeclaration(index: WorkspaceIndex, appRoot: string, sender: string): Location | undefined {
  const r = resolveSender(index, appRoot, sender, index.locale);
  if (!r.ok) return undefined;
  const n = r.entry.name!;
  return toLocation(r.service.path, r.service.lines, n.contentRange.start, n.contentRange.end);
}

function elementLocation(index: WorkspaceIndex, el: ElementRecord): Location {
  const impl = implementationClass(index, el);
  if (impl) {
    const py = index.python(impl.file)!;
    return toLocation(py.path, py.lines, impl.cls.nameRange.start, impl.cls.nameRange.end);
  }
  return toLocation(el.path, el.lines, 0, 0);
}

export function funcLocation(index: Pick<WorkspaceIndex, 'element' | 'python'>, appRoot: string, func: string): Location | undefined {
  const parts = splitFunc(func);
  const target = parts && index.element(appRoot, parts.element);
  if (!parts || !target) return undefined;
  const impl = implementationClass(index, target);
  const m = findMethod(impl, parts.fn);
  if (impl && m) {
    const py = index.python(impl.file)!;
    return toLocation(py.path, py.lines, m.nameRange.start, m.nameRange.end);
  }
  const entry = target.json.functionList?.entries.find((e) => e.name?.value === parts.fn);
  if (entry?.name) return toLocation(target.path, target.lines, entry.name.contentRange.start, entry.name.contentRange.end);
  return undefined;
}

/** From `app.getElement("<fullName>")` or `app.<namespace>.<Name>` under the cursor to that element's e.json. */
function elementRefDefinition(index: WorkspaceIndex, path: string, refs: PyElementRef[], offset: number): Location[] {
  const appRoot = index.appRootOf(path);
  const at = (el: ElementRecord | undefined) => (el ? [toLocation(el.path, el.lines, 0, 0)] : []);
  for (const ref of refs) {
    if (ref.form === 'getElement') {
      if (offset >= ref.range.start && offset <= ref.range.end) return at(index.element(appRoot, ref.fullName));
      continue;
    }
    const k = ref.segmentRanges.findIndex((r) => offset >= r.start && offset <= r.end);
    if (k < 0) continue;
    // The element named by the chain up to the name under the cursor, or the longest prefix that is one.
    for (let n = ref.segments.length; n >= Math.max(2, k + 1); n--) {
      const el = index.element(appRoot, ref.segments.slice(0, n).join('.'));
      if (el) return at(el);
    }
    return [];
  }
  return [];
}

/** Go to definition from an e.json value, a Python publish sender or a Python element reference. */
export function definitionAt(index: WorkspaceIndex, path: string, text: string, offset: number): Location[] {
  if (path.endsWith('.py')) {
    const scan = index.python(path)?.scan ?? scanPython(text);
    for (const call of scan.publishCalls) {
      const s = call.sender;
      if (!s || s.value === undefined || offset < s.range.start || offset > s.range.end) continue;
      const loc = eventDeclaration(index, index.appRootOf(path), s.value);
      return loc ? [loc] : [];
    }
    return elementRefDefinition(index, path, scan.elementRefs ?? [], offset);
  }
  if (!path.endsWith('/e.json')) return [];
  const cur = jsonCursorAt(text, offset);
  const el = index.elementAt(path);
  const appRoot = el?.appRoot ?? index.appRootOf(path);
  const json = el?.json ?? parseElementJsonWithPositions(text);
  const type = stringProp(json, 'type')?.value ?? '';
  const key = String(cur.path[0] ?? '');
  const value = cur.string?.value;
  if (cur.path.length === 1 && value !== undefined) {
    if (key === 'sender' && type === EVENT_TYPES.custom) {
      const loc = eventDeclaration(index, appRoot, value);
      return loc ? [loc] : [];
    }
    if (key === 'sender' || key === 'model' || key === 'modelPath') {
      const target = index.element(appRoot, value);
      return target ? [elementLocation(index, target)] : [];
    }
    if (key === 'func' || key === 'taskFunc') {
      const loc = funcLocation(index, appRoot, value);
      return loc ? [loc] : [];
    }
    if (key === 'funcType' && el && effectiveFuncType(el) === 'Inner') {
      const h = innerHandler(index, el);
      if (h.status === 'ok') {
        const py = index.python(h.file)!;
        return [toLocation(py.path, py.lines, h.fn.nameRange.start, h.fn.nameRange.end)];
      }
      return [];
    }
    if (key === 'type') {
      const target = index.element(appRoot, value);
      return target ? [toLocation(target.path, target.lines, 0, 0)] : [];
    }
  }
  if (key === 'fields' && cur.path.length === 2 && value !== undefined && el) {
    const model = index.element(appRoot, stringProp(el.json, 'sender')?.value ?? '');
    const impl = model ? implementationClass(index, model) : undefined;
    const attr = impl?.cls.attributes?.find((a) => a.name === value);
    if (impl && attr) {
      const py = index.python(impl.file)!;
      return [toLocation(py.path, py.lines, attr.nameRange.start, attr.nameRange.end)];
    }
  }
  return [];
}
