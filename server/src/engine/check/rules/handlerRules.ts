/** Handler checks of event and task elements: funcType, the `func` target, inner.py and its customFunc. */
import type { ElementRecord } from '../../model/records';
import { msg } from '../../i18n/messages';
import { closestName } from '../../text/closestName';
import type { TrackingLookup } from '../trackingLookup';
import { Severity } from '../../model/diagnostics';
import type { DiagnosticSink } from './diag';
import type { StringValue } from '../../elements/elementJson';
import { declaredFunctions, effectiveFuncType, findMethod, funcProp, implementationClass, innerHandler, splitFunc } from '../../domain/handlers';
import { alwaysGlobal } from '../../domain/elementTypes';
import { FUNC_TYPES } from '../../domain/enums';
import { mayInherit } from '../../domain/senders';
import { checkGlobalSignature } from './signatureRules';

/** funcType / func / inner.py checks for event and task elements. */
export function checkHandler(el: ElementRecord, ctx: TrackingLookup, out: DiagnosticSink): void {
  const L = ctx.locale;
  const ftValue = el.json.props.get('funcType');
  const anchor = ftValue ?? el.json.props.get('type') ?? { range: { start: el.json.rootRange.start, end: el.json.rootRange.start + 1 } };
  let ft = effectiveFuncType(el);
  if (ftValue && ftValue.kind === 'string') {
    const raw = String(ftValue.value);
    if (!ft) {
      out.error(ftValue.contentRange, 'invalid-func-type', msg(L, 'invalid-func-type', { value: raw }),
        { fix: closestFix(raw, [...FUNC_TYPES], ftValue as StringValue) });
      return;
    }
    if (raw !== ft) out.warning(ftValue.contentRange, 'invalid-func-type', msg(L, 'func-type-casing', { value: raw, canonical: ft }), { fix: { range: ftValue.contentRange, newText: ft } });
  } else if (ftValue) return; // wrong JSON type reported elsewhere
  if (alwaysGlobal(el)) ft = 'Global';

  if (ft === 'Inner') {
    const h = innerHandler(ctx, el);
    if (h.status === 'no-file') out.error(anchor.range, 'inner-file-missing', msg(L, 'inner-file-missing'));
    else if (h.status === 'no-func') {
      out.error(anchor.range, 'custom-func-missing', msg(L, 'custom-func-missing', {
        found: h.others.length ? msg(L, 'custom-func-found', { names: h.others.join(', ') }) : '',
      }), { related: [{ path: h.file, range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, message: 'inner.py' }] });
    }
    return;
  }
  const func = funcProp(el);
  if (!func) {
    if (!el.json.props.has('func')) out.error(anchor.range, 'missing-func', msg(L, alwaysGlobal(el) ? 'missing-func-always' : 'missing-func'));
    return;
  }
  checkFuncTarget(el, func, ctx, out);
}

function closestFix(raw: string, options: readonly string[], v: StringValue) {
  const near = closestName(raw, options);
  return near ? { range: v.contentRange, newText: near } : undefined;
}

/** Functions a func may name on an element: declared in functionList and public methods of its class. */
function functionsOf(target: ElementRecord, ctx: TrackingLookup): string[] {
  const impl = implementationClass(ctx, target);
  return [...new Set([...declaredFunctions(target), ...(impl?.cls.methods.map((m) => m.name).filter((n) => !n.startsWith('_')) ?? [])])];
}

/** For an unknown element in func: the closest service that has the function (or a close one), both parts corrected. */
function suggestFunc(el: ElementRecord, parts: { element: string; fn: string }, ctx: TrackingLookup): string | undefined {
  // The closest service (a recorded "did you mean" question: cheap to keep current), then its closest function.
  const near = ctx.closestOfKind(el.appRoot, 'service', parts.element);
  if (!near) return undefined;
  const fns = functionsOf(near, ctx);
  const fn = fns.includes(parts.fn) ? parts.fn : closestName(parts.fn, fns);
  return fn ? `${near.fullName}.${fn}` : undefined;
}

function checkFuncTarget(el: ElementRecord, func: StringValue, ctx: TrackingLookup, out: DiagnosticSink): void {
  const L = ctx.locale;
  const parts = splitFunc(func.value);
  if (!parts) {
    out.error(func.contentRange, 'func-malformed', msg(L, 'func-malformed', { value: func.value }));
    return;
  }
  // Ranges only when reporting: positions of a healthy e.json are never computed (see fastElementJson).
  const elementRange = () => ({ start: func.contentRange.start, end: func.contentRange.start + parts.element.length });
  const fnRange = () => ({ start: func.contentRange.start + parts.element.length + 1, end: func.contentRange.end });
  const target = ctx.element(el.appRoot, parts.element);
  if (!target) {
    const suggestion = suggestFunc(el, parts, ctx);
    const hint = suggestion ? msg(L, 'hint-did-you-mean-service', { suggestion }) : '';
    const inherit = mayInherit(ctx, el.appRoot);
    out.add(elementRange(), inherit ? Severity.Warning : Severity.Error, 'func-element-not-found',
      msg(L, inherit ? 'func-element-inherited' : 'func-element-not-found', { element: parts.element, func: func.value, hint }),
      suggestion ? { fix: { range: func.contentRange, newText: suggestion } } : {});
    return;
  }
  const declared = declaredFunctions(target);
  const impl = implementationClass(ctx, target);
  const method = findMethod(impl, parts.fn);
  if (method && impl) checkGlobalSignature(el, parts.element, method, impl.file, fnRange, ctx, out);
  if (declared.includes(parts.fn)) return;
  if (method) {
    out.warning(fnRange(), 'func-not-in-function-list', msg(L, 'func-not-in-function-list', { fn: parts.fn, element: parts.element }));
    return;
  }
  const all = functionsOf(target, ctx);
  const near = closestName(parts.fn, all);
  out.error(fnRange(), 'func-not-found', msg(L, 'func-not-found', {
    element: parts.element, fn: parts.fn,
    suggestion: near ? msg(L, 'did-you-mean', { name: near }) : '',
    declared: all.length ? all.join(', ') : '—',
  }), near ? { fix: { range: fnRange(), newText: near } } : {});
}
