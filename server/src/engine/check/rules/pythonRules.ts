/** Python checks: publish-call senders must name a declared event, `args` should be a tuple and `kwargs` a dict. */
import type { PythonRecord } from '../../model/records';
import { msg, type MessageId } from '../../i18n/messages';
import type { TrackingLookup } from '../trackingLookup';
import type { DiagnosticSink } from './diag';
import { eventDescsRelated, resolveSender } from '../../domain/senders';

/** Publish calls: the sender literal must name a declared event; `args` should be a tuple. */
export function checkPython(py: PythonRecord, ctx: TrackingLookup, out: DiagnosticSink): void {
  const L = ctx.locale;
  for (const call of py.scan.publishCalls) {
    const s = call.sender;
    if (s && s.value !== undefined && !s.unterminated) {
      const r = resolveSender(ctx, py.appRoot, s.value, L);
      if (!r.ok) {
        const single = s.contentRange.end - s.contentRange.start === s.value.length;
        const range = single && r.code !== 'sender-malformed'
          ? { start: s.contentRange.start + r.part.start, end: s.contentRange.start + r.part.end }
          : single ? s.contentRange : s.range;
        const related = eventDescsRelated(r.service);
        out.add(range, r.severity, r.code, r.message, {
          fix: r.suggestion && single ? { range: s.contentRange, newText: r.suggestion } : undefined, related,
        });
      }
    }
    const a = call.args;
    if (a && a.kind !== 'tuple' && a.kind !== 'expr' && a.kind !== 'list') {
      const kindId = (['str', 'dict', 'number'].includes(a.kind) ? `py-kind-${a.kind}` : 'py-kind-other') as MessageId;
      const inner = a.text.replace(/^\(([\s\S]*)\)$/, '$1').trim();
      out.warning(a.range, 'publish-args-not-tuple', msg(L, 'publish-args-not-tuple', { text: a.text, inner, kind: msg(L, kindId) }),
        { fix: { range: a.range, newText: `(${inner},)` } });
    }
    const kw = call.kwargs;
    if (kw && kw.kind !== 'dict' && kw.kind !== 'expr') {
      const kindId = (['str', 'list', 'number'].includes(kw.kind) ? `py-kind-${kw.kind}` : kw.kind === 'tuple' ? 'py-kind-tuple' : 'py-kind-other') as MessageId;
      out.warning(kw.range, 'publish-kwargs-not-dict', msg(L, 'publish-kwargs-not-dict', { text: kw.text, kind: msg(L, kindId) }));
    }
  }
}
