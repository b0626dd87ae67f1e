/**
 * A service's Python side against its e.json: service.py defines the class named like the folder,
 * subclassing NormalService, whose method parameters match the declared args; __init__.py exports
 * that class under the folder name.
 */
import { definedNames } from './pythonElementRules';
import type { ElementRecord, PythonRecord } from '../../model/records';
import type { PyClassDef, PyFunctionDef, PyParam } from '../../python/types';
import type { DescEntry } from '../../elements/elementJson';
import { msg } from '../../i18n/messages';
import type { TrackingLookup } from '../trackingLookup';
import type { DiagnosticSink } from './diag';

const fileStart = { start: 0, end: 0 };

const paramRange = (p: PyParam) => (p.nameStart === undefined ? undefined : { start: p.nameStart, end: p.nameStart + p.name.length });

/** service.py: the class, its base, and each declared function's parameters. */
export function checkServicePy(py: PythonRecord, el: ElementRecord, ctx: TrackingLookup, out: DiagnosticSink): void {
  const L = ctx.locale;
  const classes = py.scan.classes;
  const cls = classes.find((c) => c.name === el.name);
  if (!cls) {
    out.warning(classes[0]?.nameRange ?? fileStart, 'service-class-mismatch', msg(L, 'service-class-missing', {
      cls: el.name, found: classes.length ? msg(L, 'service-class-found', { names: classes.map((c) => c.name).join(', ') }) : '',
    }));
    return;
  }
  if (el.type === 'services.NormalType' && !cls.bases.some((b) => /Service$/.test(b))) {
    out.warning(cls.nameRange, 'service-class-mismatch', msg(L, 'service-base-class', { cls: cls.name, bases: cls.bases.join(', ') || 'object' }));
  }
  for (const e of el.json.functionList?.entries ?? []) checkParams(e, cls, out, ctx);
}

/** Declared args against the method's parameters (after self): missing, extra or renamed ones. */
function checkParams(e: DescEntry, cls: PyClassDef, out: DiagnosticSink, ctx: TrackingLookup): void {
  const fnName = e.name?.value;
  if (typeof fnName !== 'string' || !e.args || e.args.value.kind !== 'array') return;
  const m = cls.methods.find((x) => x.name === fnName);
  if (!m) return; // function-not-implemented
  const L = ctx.locale;
  const declared = e.args.entries.map((a) => a.name?.value).filter((n): n is string => typeof n === 'string' && !!n);
  const params = namedParams(m);
  const takesAnyKw = m.params.some((p) => p.kind === 'varkw');
  const missing = takesAnyKw ? [] : declared.filter((d) => !params.some((p) => p.name === d));
  const extra = params.filter((p) => !p.hasDefault && !declared.includes(p.name));
  const fn = `${cls.name}.${fnName}`;
  const paired = Math.min(missing.length, extra.length);
  for (let k = 0; k < paired; k++) {
    out.warning(paramRange(extra[k]) ?? m.nameRange, 'params-mismatch', msg(L, 'params-renamed', { param: extra[k].name, fn, arg: missing[k] }));
  }
  for (const arg of missing.slice(paired)) {
    out.warning(m.nameRange, 'params-mismatch', msg(L, 'params-missing', { arg, fn, params: params.map((p) => p.name).join(', ') || '—' }));
  }
  for (const p of extra.slice(paired)) {
    out.warning(paramRange(p) ?? m.nameRange, 'params-mismatch', msg(L, 'params-extra', { param: p.name, fn, declared: declared.join(', ') || '—' }));
  }
}

/** Named parameters a caller can pass by keyword: all but the first (self) and the * / ** catch-alls. */
function namedParams(m: PyFunctionDef) {
  const named = m.params.filter((p) => p.kind === 'positional' || p.kind === 'keyword-only');
  const isStatic = m.decorators.some((d) => d === 'staticmethod');
  return isStatic ? named : named.slice(1);
}

/** __init__.py of a service exports the class under the folder name. */
export function checkServiceInit(py: PythonRecord, el: ElementRecord, ctx: TrackingLookup, out: DiagnosticSink): void {
  const service = ctx.python(`${el.dir}/service.py`);
  if (!service) return;
  const exported = py.scan.imports.some((i) => i.names.some((n) => n.name === '*' || (n.alias ?? n.name) === el.name));
  if (exported) return;
  // An import of a name service.py does not define is already init-import-missing: one problem, one diagnostic.
  const defined = definedNames(service);
  if (py.scan.imports.some((i) => i.module === '.service' && i.names.some((n) => n.name !== '*' && !defined.includes(n.name)))) return;
  out.warning(py.scan.imports[0]?.range ?? fileStart, 'service-not-exported', msg(ctx.locale, 'service-not-exported', { cls: el.name }));
}
