/**
 * What each event and task Type passes to its handler, and whether a Python signature can take it:
 * `fails` when every call raises TypeError, `unusual` when it works but differs from the documented form.
 */
import type { ElementRecord } from '../model/records';
import type { PyFunctionDef, PyParam } from '../python/types';
import { EVENT_TYPES, TASK_TYPES, isCustomSubscriber } from './elementTypes';

export type SignatureWhat = 'sig-what-custom' | 'sig-what-objmode' | 'sig-what-event-data' | 'sig-what-timer' | 'sig-what-date-task';

/** What the runtime passes: `any` (publish args/kwargs), or exactly this many positionals. */
export interface HandlerCall { passes: 'any' | 0 | 1; what: SignatureWhat; params: string }

/** The call a handler of this element receives; undefined when the Type's call is not documented (assistant events, custom Types). */
export function handlerCall(el: ElementRecord): HandlerCall | undefined {
  switch (el.type) {
    case EVENT_TYPES.model: case EVENT_TYPES.workflow: case EVENT_TYPES.agent:
      return { passes: 1, what: 'sig-what-event-data', params: '(eventOutData)' };
    case TASK_TYPES.timer: return { passes: 0, what: 'sig-what-timer', params: '()' };
    case TASK_TYPES.dateField: return { passes: 1, what: 'sig-what-date-task', params: '(rowData)' };
  }
  if (el.type !== EVENT_TYPES.custom || !isCustomSubscriber(el)) return undefined;
  const om = el.json.props.get('objMode');
  return om?.kind === 'boolean' && om.value === true
    ? { passes: 1, what: 'sig-what-objmode', params: '(obj)' }
    : { passes: 'any', what: 'sig-what-custom', params: '(*args, **kwargs)' };
}

/**
 * The verdict on a signature for a call; `method` drops the leading `self`. `declaredArgs` (a
 * Global method's functionList args) count as optional: the platform fills declared arguments.
 */
export function judgeSignature(fn: PyFunctionDef, call: HandlerCall, method: boolean, declaredArgs: readonly string[] = []): 'ok' | 'fails' | 'unusual' {
  const params = method && fn.params[0]?.kind === 'positional' ? fn.params.slice(1) : fn.params;
  const positional = params.filter((p) => p.kind === 'positional');
  const required = positional.filter((p) => !p.hasDefault && !declaredArgs.includes(p.name)).length;
  const varargs = params.some((p) => p.kind === 'varargs');
  const requiredKw = params.some((p) => p.kind === 'keyword-only' && !p.hasDefault);
  if (call.passes === 'any') return params.length === 0 ? 'fails' : 'ok';
  if (requiredKw) return 'fails';
  if (call.passes === 0) return required > 0 ? 'fails' : 'ok';
  if (required > 1 || (positional.length === 0 && !varargs)) return 'fails';
  if (call.what === 'sig-what-objmode' && positional.length === 0) return 'unusual';
  return 'ok';
}

/** `(self, a, *args, **kw)` as written (defaults shown as `=…`). */
export function paramsText(params: readonly PyParam[]): string {
  return `(${params.map((p) => `${p.kind === 'varargs' ? '*' : p.kind === 'varkw' ? '**' : ''}${p.name}${p.hasDefault ? '=…' : ''}`).join(', ')})`;
}
