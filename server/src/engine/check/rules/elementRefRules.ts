/** Python references to elements by fullName: `app.getElement("…")` literals and `app.<namespace>.<Name>` chains. */
import type { ElementKind, PythonRecord } from '../../model/records';
import type { PyElementRef } from '../../python/types';
import { msg } from '../../i18n/messages';
import { closestName } from '../../text/closestName';
import type { TrackingLookup } from '../trackingLookup';
import type { DiagnosticSink } from './diag';
import { chainFullNameLength, isFrameworkElement } from '../../domain/appNamespaces';

const KINDS: ElementKind[] = ['service', 'model', 'event', 'task', 'workflow', 'assistant', 'agent', 'type', 'other'];

/** fullNames of the app's elements starting with `prefix` (only computed when reporting). */
function candidates(ctx: TrackingLookup, appRoot: string, prefix: string): string[] {
  const out: string[] = [];
  for (const k of KINDS) for (const e of ctx.elementsOfKind(appRoot, k)) if (e.fullName.startsWith(prefix)) out.push(e.fullName);
  return out;
}

function report(py: PythonRecord, name: string, range: { start: number; end: number }, form: string, prefix: string, ctx: TrackingLookup, out: DiagnosticSink): void {
  const near = closestName(name, candidates(ctx, py.appRoot, prefix));
  const L = ctx.locale;
  out.warning(range, 'element-ref-not-found', msg(L, 'element-ref-not-found', { name, form, hint: near ? msg(L, 'hint-did-you-mean-service', { suggestion: near }) : '' }),
    near ? { fix: { range, newText: near } } : {});
}

function checkRef(py: PythonRecord, ref: PyElementRef, ctx: TrackingLookup, out: DiagnosticSink): void {
  if (ref.form === 'getElement') {
    const name = ref.fullName;
    if (ref.unterminated || !/^[A-Za-z_]\w*(\.[A-Za-z_]\w*)*$/.test(name) || isFrameworkElement(name)) return;
    if (ctx.element(py.appRoot, name)) return;
    report(py, name, ref.contentRange, `app.getElement("${name}")`, '', ctx, out);
    return;
  }
  const len = chainFullNameLength(ref.segments);
  if (len === undefined) return; // no capitalised segment: not recognisably an element name
  for (let n = 2; n <= ref.segments.length; n++) {
    const name = ref.segments.slice(0, n).join('.');
    if (isFrameworkElement(name) || ctx.element(py.appRoot, name)) return;
  }
  const name = ref.segments.slice(0, len).join('.');
  const range = { start: ref.segmentRanges[0].start, end: ref.segmentRanges[len - 1].end };
  report(py, name, range, `app.${name}`, `${ref.segments[0]}.`, ctx, out);
}

export function checkElementRefs(py: PythonRecord, ctx: TrackingLookup, out: DiagnosticSink): void {
  for (const ref of py.scan.elementRefs ?? []) checkRef(py, ref, ctx, out);
}
