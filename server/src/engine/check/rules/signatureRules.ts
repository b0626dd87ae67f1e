/**
 * Handler signatures (inner.py customFunc and Global service methods) against what the event or
 * task Type passes; reported on the parameter list, or on `func` with the method as related place.
 */
import type { ElementRecord } from '../../model/records';
import { paramsRangeOf, type PyFunctionDef } from '../../python/types';
import { Severity } from '../../model/diagnostics';
import { kindLabel, msg, type Locale } from '../../i18n/messages';
import type { TrackingLookup } from '../trackingLookup';
import type { DiagnosticSink } from './diag';
import type { OffsetRange } from '../../python/types';
import { handlerCall, judgeSignature, paramsText } from '../../domain/signatures';

function signatureMessage(L: Locale, fn: PyFunctionDef, el: ElementRecord, verdict: 'fails' | 'unusual', method: boolean): string {
  const call = handlerCall(el)!;
  const expected = `def ${fn.name}${method ? call.params.replace('(', call.params === '()' ? '(self' : '(self, ') : call.params}:`;
  return msg(L, verdict === 'fails' ? 'sig-fails' : 'sig-unusual', { fn: fn.name, params: paramsText(fn.params), what: msg(L, call.what), expected });
}

/** customFunc in inner.py (the diagnostic belongs to inner.py, on the parameter list). */
export function checkInnerSignature(fn: PyFunctionDef, el: ElementRecord, L: Locale, out: DiagnosticSink): void {
  const call = handlerCall(el);
  if (!call) return;
  const verdict = judgeSignature(fn, call, false);
  if (verdict === 'ok') return;
  out.add(paramsRangeOf(fn), verdict === 'fails' ? Severity.Error : Severity.Warning,
    verdict === 'fails' ? 'handler-signature-fails' : 'handler-signature-unusual', signatureMessage(L, fn, el, verdict, false));
}

/** A Global handler method (the diagnostic belongs to the e.json's func, with the method's definition as related place). */
export function checkGlobalSignature(el: ElementRecord, element: string, method: PyFunctionDef, file: string,
  fnRange: () => OffsetRange, ctx: TrackingLookup, out: DiagnosticSink): void {
  const call = handlerCall(el);
  if (!call) return;
  const target = ctx.element(el.appRoot, element);
  const declared = target?.json.functionList?.entries.find((e) => e.name?.value === method.name)?.argNames;
  const verdict = judgeSignature(method, call, true, declared);
  if (verdict === 'ok') return;
  const L = ctx.locale;
  const py = ctx.python(file);
  const at = paramsRangeOf(method);
  out.add(fnRange(), verdict === 'fails' ? Severity.Error : Severity.Warning,
    verdict === 'fails' ? 'handler-signature-fails' : 'handler-signature-unusual',
    msg(L, 'sig-global', { fn: method.name, element, kind: kindLabel(L, el.kind), detail: signatureMessage(L, method, el, verdict, true) }),
    py ? { related: [{ path: file, range: py.lines.range(at.start, at.end), message: msg(L, 'sig-related') }] } : {});
}
