/**
 * Facts about handlers and implementations: effective funcType, the `func` reference, the class
 * implementing a service or model, its methods and fields, and an event's inner.py customFunc.
 */
import type { ElementRecord, PythonRecord } from '../model/records';
import type { PyClassDef, PyFunctionDef } from '../python/types';
import { stringProp, type StringValue } from '../elements/elementJson';
import { alwaysGlobal } from './elementTypes';

/** Reads a Python file's record (the index, or a lookup that records the dependency). */
export interface PythonLookup { python(path: string): PythonRecord | undefined }

export type FuncType = 'Global' | 'Inner';

/** The effective funcType (missing = Global; legacy lowercase accepted). Undefined when invalid. */
export function effectiveFuncType(el: ElementRecord): FuncType | undefined {
  const v = el.json.props.get('funcType');
  if (!v) return 'Global';
  if (v.kind !== 'string') return undefined;
  const s = String(v.value).toLowerCase();
  return s === 'global' ? 'Global' : s === 'inner' ? 'Inner' : undefined;
}

/** The funcType a handler actually runs with: AI assistant events are always Global; invalid reads as Global. */
export function runFuncType(el: ElementRecord): FuncType {
  return alwaysGlobal(el) ? 'Global' : effectiveFuncType(el) ?? 'Global';
}

/** `func` (or the legacy task key `taskFunc`). */
export function funcProp(el: ElementRecord): StringValue | undefined {
  return stringProp(el.json, 'func') ?? (el.kind === 'task' ? stringProp(el.json, 'taskFunc') : undefined);
}

/** `<element fullName>.<function>` split at the last dot; undefined when not dotted identifiers. */
export function splitFunc(func: string): { element: string; fn: string } | undefined {
  if (!/^[A-Za-z_][\w]*(\.[A-Za-z_][\w]*)+$/.test(func)) return undefined;
  const i = func.lastIndexOf('.');
  return { element: func.slice(0, i), fn: func.slice(i + 1) };
}

/** Python files that implement an element's functions, in lookup order. */
const IMPLEMENTATION_FILES = ['service.py', 'model.py'];

export interface ElementClass { file: string; cls: PyClassDef }

/**
 * The class implementing a service (or model): the class named like the element folder, else the
 * first class of service.py / model.py. Undefined when the element has no such Python file.
 */
export function implementationClass(ctx: PythonLookup, el: ElementRecord): ElementClass | undefined {
  for (const f of IMPLEMENTATION_FILES) {
    const py = ctx.python(`${el.dir}/${f}`);
    if (!py) continue;
    const cls = py.scan.classes.find((c) => c.name === el.name) ?? py.scan.classes[0];
    if (cls) return { file: py.path, cls };
    return undefined;
  }
  return undefined;
}

/** Names of functionList entries. */
export function declaredFunctions(el: ElementRecord): string[] {
  const out: string[] = [];
  for (const e of el.json.functionList?.entries ?? []) if (typeof e.name?.value === 'string') out.push(e.name.value);
  return out;
}

export function findMethod(impl: ElementClass | undefined, name: string): PyFunctionDef | undefined {
  return impl?.cls.methods.find((m) => m.name === name);
}

/** Top-level `customFunc` of an event's inner.py, or why there is none. */
export function innerHandler(ctx: PythonLookup, el: ElementRecord):
  { status: 'ok'; file: string; fn: PyFunctionDef } | { status: 'no-file' } | { status: 'no-func'; file: string; others: string[] } {
  const py = ctx.python(`${el.dir}/inner.py`);
  if (!py) return { status: 'no-file' };
  const fn = py.scan.functions.find((f) => f.name === 'customFunc');
  if (fn) return { status: 'ok', file: py.path, fn };
  return { status: 'no-func', file: py.path, others: py.scan.functions.map((f) => f.name) };
}

/**
 * Field names of a model: class attributes of its model.py class assigned from a call
 * (`name = datatypes.Stext(name="name", …)`). Undefined when the model's source is not here.
 */
export function modelFields(lookup: PythonLookup, model: ElementRecord): string[] | undefined {
  const impl = implementationClass(lookup, model);
  const attrs = impl?.cls.attributes;
  if (!attrs) return undefined;
  return attrs.filter((a) => a.isCall).map((a) => a.name);
}
