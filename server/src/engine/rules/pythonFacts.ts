import type { ElementRecord } from '../model/records';
import type { PyClassDef, PyFunctionDef } from '../python/types';
import type { ValidationContext } from '../workspace/validationContext';

/** Python files that implement an element's functions, in lookup order. */
const IMPLEMENTATION_FILES = ['service.py', 'model.py'];

export interface ElementClass { file: string; cls: PyClassDef }

/**
 * The class implementing a service (or model): the class named like the element folder, else the
 * first class of service.py / model.py. Undefined when the element has no such Python file.
 */
export function implementationClass(ctx: Pick<ValidationContext, 'python'>, el: ElementRecord): ElementClass | undefined {
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

/** Names of eventDescs entries. */
export function declaredEvents(el: ElementRecord): string[] {
  const out: string[] = [];
  for (const e of el.json.eventDescs?.entries ?? []) if (typeof e.name?.value === 'string') out.push(e.name.value);
  return out;
}

export function findMethod(impl: ElementClass | undefined, name: string): PyFunctionDef | undefined {
  return impl?.cls.methods.find((m) => m.name === name);
}

/** Top-level `customFunc` of an event's inner.py, or why there is none. */
export function innerHandler(ctx: Pick<ValidationContext, 'python'>, el: ElementRecord):
  { status: 'ok'; file: string; fn: PyFunctionDef } | { status: 'no-file' } | { status: 'no-func'; file: string; others: string[] } {
  const py = ctx.python(`${el.dir}/inner.py`);
  if (!py) return { status: 'no-file' };
  const fn = py.scan.functions.find((f) => f.name === 'customFunc');
  if (fn) return { status: 'ok', file: py.path, fn };
  return { status: 'no-func', file: py.path, others: py.scan.functions.map((f) => f.name) };
}
