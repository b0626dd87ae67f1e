/**
 * Python files of an element: inner.py's customFunc signature and writes that may loop (checked
 * against the element's e.json), `__init__.py` re-exports against the module they import from,
 * and imports of element modules (`from services.X import …`) that resolve to no element.
 */
import type { ElementRecord, PythonRecord } from '../../model/records';
import { msg } from '../../i18n/messages';
import { baseName, dirOf } from '../../files/paths';
import { closestName } from '../../text/closestName';
import { fullNameOf } from '../../workspace/elementKind';
import type { TrackingLookup } from '../trackingLookup';
import type { DiagnosticSink } from './diag';
import { effectiveFuncType } from '../../domain/handlers';
import { EVENT_TYPES } from '../../domain/elementTypes';
import { ELEMENT_NAMESPACES, isFrameworkTypeModule } from '../../domain/eventKeys';
import { checkInnerSignature } from './signatureRules';

/** The event/task element an inner.py belongs to (recorded as a dependency). */
function ownerElement(py: PythonRecord, ctx: TrackingLookup): ElementRecord | undefined {
  const dir = dirOf(py.path);
  if (dir.length <= py.appRoot.length) return undefined;
  return ctx.element(py.appRoot, fullNameOf(py.appRoot, dir));
}

/** inner.py of an Inner event/task: customFunc's signature; `.save()` in an unfiltered UpdateAfter handler. */
export function checkInnerFile(py: PythonRecord, ctx: TrackingLookup, out: DiagnosticSink): void {
  const el = ownerElement(py, ctx);
  if (!el || (el.kind !== 'event' && el.kind !== 'task') || effectiveFuncType(el) !== 'Inner') return;
  const fn = py.scan.functions.find((f) => f.name === 'customFunc');
  if (fn) checkInnerSignature(fn, el, ctx.locale, out);
  const save = py.scan.saveCalls?.[0];
  if (save && el.type === EVENT_TYPES.model && el.json.props.get('operate')?.value === 'UpdateAfter') {
    const fields = el.json.props.get('fields');
    const limited = (fields?.items?.length ?? 0) > 0 || el.json.props.get('filter')?.kind === 'string' && String(el.json.props.get('filter')!.value).trim() !== '';
    if (!limited) out.info(save, 'update-loop', msg(ctx.locale, 'update-loop', { model: String(el.json.props.get('sender')?.value ?? '') }));
  }
}

/** Each name a module defines (repeats possible): functions, classes, module-level assignments, imported names. */
function* namesDefinedBy(py: PythonRecord): Generator<string> {
  const s = py.scan;
  for (const f of s.functions) yield f.name;
  for (const c of s.classes) yield c.name;
  if (s.boundNames) yield* s.boundNames;
  for (const i of s.imports) for (const n of i.names) yield n.alias ?? n.name;
}

/** Names a module defines: functions, classes, module-level assignments and imported names. */
export function definedNames(py: PythonRecord): string[] {
  return [...new Set(namesDefinedBy(py))];
}

/** True when the module defines `name` (one of definedNames, without building the list). */
function defines(py: PythonRecord, name: string): boolean {
  for (const n of namesDefinedBy(py)) if (n === name) return true;
  return false;
}

/** `from .inner import customFunc` in __init__.py: the sibling module must define each imported name. */
export function checkInitReexports(py: PythonRecord, ctx: TrackingLookup, out: DiagnosticSink): void {
  const L = ctx.locale;
  for (const imp of py.scan.imports) {
    if (!/^\.[A-Za-z_]\w*$/.test(imp.module)) continue;
    const target = ctx.python(`${dirOf(py.path)}/${imp.module.slice(1)}.py`);
    if (!target || target.unreadable) continue;
    // The common case, every name defined, reports nothing whatever else holds: no lists built.
    if (imp.names.every((n) => n.name === '*' || defines(target, n.name))) continue;
    const defined = definedNames(target);
    if (defined.includes('*')) continue; // a star import may define anything
    // A missing customFunc of an Inner element is reported once, on its e.json (custom-func-missing).
    const owner = imp.module === '.inner' ? ownerElement(py, ctx) : undefined;
    const innerReported = !!owner && effectiveFuncType(owner) === 'Inner' && (owner.kind === 'event' || owner.kind === 'task');
    for (const n of imp.names) {
      if (n.name === '*' || defined.includes(n.name) || (innerReported && n.name === 'customFunc')) continue;
      const near = closestName(n.name, defined) ?? (imp.module === '.inner' && defined.includes('customFunc') ? 'customFunc' : undefined);
      out.error(n.range, 'init-import-missing', msg(L, 'init-import-missing', {
        module: imp.module.slice(1), name: n.name, suggestion: near ? msg(L, 'did-you-mean', { name: near }) : '',
        defined: defined.length ? defined.join(', ') : '—',
      }), near ? { fix: { range: n.range, newText: near } } : {});
    }
  }
}

const NAMESPACE_KINDS: Readonly<Record<string, ElementRecord['kind']>> = {
  services: 'service', models: 'model', events: 'event', tasks: 'task', workflows: 'workflow', aiagents: 'agent', aiassistants: 'assistant',
};

/** `from services.X import Y` / `import models.M`: some prefix of the module path is an element or a framework Type module. */
export function checkElementImports(py: PythonRecord, ctx: TrackingLookup, out: DiagnosticSink): void {
  const L = ctx.locale;
  for (const imp of py.scan.imports) {
    const parts = imp.module.split('.');
    if (parts.length < 2 || !ELEMENT_NAMESPACES.has(parts[0]) || !imp.moduleRange) continue;
    let resolved = false;
    for (let n = parts.length; n >= 2 && !resolved; n--) {
      const prefix = parts.slice(0, n).join('.');
      resolved = isFrameworkTypeModule(prefix) || !!ctx.element(py.appRoot, prefix);
    }
    if (resolved) continue;
    const kind = NAMESPACE_KINDS[parts[0]];
    const name = parts.slice(0, 2).join('.');
    const near = kind ? closestName(name, ctx.elementsOfKind(py.appRoot, kind).map((e) => e.fullName)) : undefined;
    const fixed = near ? [near, ...parts.slice(2)].join('.') : undefined;
    out.info(imp.moduleRange, 'element-import-unresolved', msg(L, 'element-import-unresolved', {
      module: name, hint: fixed ? msg(L, 'hint-did-you-mean-service', { suggestion: fixed }) : '',
    }), fixed ? { fix: { range: imp.moduleRange, newText: fixed } } : {});
  }
}

/** The element-file checks that apply to this Python file. */
export function checkElementPython(py: PythonRecord, ctx: TrackingLookup, out: DiagnosticSink): void {
  const b = baseName(py.path);
  if (b === 'inner.py') checkInnerFile(py, ctx, out);
  if (b === '__init__.py') checkInitReexports(py, ctx, out);
  checkElementImports(py, ctx, out);
}
