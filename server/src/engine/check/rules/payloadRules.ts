/**
 * Payload contracts: a handler reading a payload key that no publisher of its event sends
 * (warning, with the closest sent key and a quick fix), or that only some publishers send
 * (information). Only custom events with known payloads are judged.
 */
import type { PythonRecord } from '../../model/records';
import type { OffsetRange } from '../../python/types';
import { msg } from '../../i18n/messages';
import { Severity } from '../../model/diagnostics';
import { judgeReads, type JudgedRead } from '../../domain/handlerReads';
import { currentFunction } from '../../domain/flowGraph';
import type { TrackingLookup } from '../trackingLookup';
import type { DiagnosticSink } from './diag';

/** Judgements of one read across every event its function handles. */
interface ReadVerdicts { range: OffsetRange; key: string; verdicts: (JudgedRead & { event: string })[] }

export function checkPayloadReads(py: PythonRecord, ctx: TrackingLookup, out: DiagnosticSink): void {
  const L = ctx.locale;
  const byRange = new Map<number, ReadVerdicts>();
  for (const h of ctx.handlersIn(py.path)) {
    if (h.sender === undefined) continue;
    const p = ctx.payloadOf(h);
    if (!p) continue;
    const fn = currentFunction(ctx, h.fn);
    if (!fn) continue;
    for (const j of judgeReads(fn, !!h.fn.cls, p)) {
      let v = byRange.get(j.range.start);
      if (!v) byRange.set(j.range.start, (v = { range: j.range, key: j.key, verdicts: [] }));
      if (!v.verdicts.some((x) => x.event === h.sender)) v.verdicts.push({ ...j, event: h.sender });
    }
  }
  for (const v of [...byRange.values()].sort((a, b) => a.range.start - b.range.start)) {
    const missing = v.verdicts.filter((x) => x.status === 'missing');
    if (missing.length === v.verdicts.length) {
      const sent = [...new Set(missing.flatMap((m) => [...m.parent.keys.keys()]))];
      const near = missing.find((m) => m.suggestion)?.suggestion;
      const events = [...new Set(missing.map((m) => m.event))];
      const params = {
        key: v.key, event: events[0], events: events.map((e) => `"${e}"`).join(', '),
        suggestion: near ? msg(L, 'did-you-mean', { name: near }) : '',
        keys: sent.length ? sent.join(', ') : msg(L, 'none-sent'),
      };
      out.add(v.range, Severity.Warning, 'payload-key-not-sent', msg(L, events.length > 1 ? 'payload-key-not-sent-any' : 'payload-key-not-sent', params),
        near ? { fix: { range: v.range, newText: near } } : {});
      continue;
    }
    const partial = v.verdicts.find((x) => x.status === 'sometimes') ?? missing[0];
    if (!partial) continue;
    const child = partial.parent.keys.get(v.key);
    out.add(v.range, Severity.Information, 'payload-key-sometimes', msg(L, 'payload-key-sometimes', {
      key: v.key, event: partial.event, sent: child?.sent ?? 0, total: partial.parent.sent,
    }));
  }
}
