/**
 * Event loops: a subscriber whose handler publishes (directly or through calls it makes) events
 * that lead back to its own event. Reported on the subscriber's sender and on each publish site
 * on the loop, with the chain in the message and every step as related information.
 */
import type { RelatedInfo } from '../../model/diagnostics';
import type { LineIndex } from '../../text/lineIndex';
import { msg } from '../../i18n/messages';
import { listenTarget } from '../../domain/elementTypes';
import { chainText } from '../../domain/eventLoops';
import type { TrackingLookup } from '../trackingLookup';
import type { DiagnosticSink } from './diag';

/** Loop warnings of one file (an event e.json or a Python file with publish calls). */
export function checkLoops(path: string, ctx: TrackingLookup, out: DiagnosticSink): void {
  const L = ctx.locale;
  for (const f of ctx.loopsAt(path)) {
    const related: RelatedInfo[] = [];
    const at = (p: string, lines: LineIndex, r: { start: number; end: number }, message: string) =>
      related.push({ path: p, range: lines.range(r.start, r.end), message });
    for (const e of f.chain) {
      const s = listenTarget(e.handler.el);
      if (s) at(e.handler.el.path, e.handler.el.lines, s.contentRange, msg(L, 'loop-related-subscriber', { element: e.handler.el.fullName, event: e.from }));
      at(e.site.py.path, e.site.py.lines, e.site.call.sender!.contentRange, msg(L, 'loop-related-publish', { event: e.to }));
    }
    const first = f.chain[0];
    const id = f.anchor === 'subscriber' ? 'event-loop-subscriber' : 'event-loop-publish';
    out.warning(f.range, 'event-loop', msg(L, id, { chain: chainText(f.chain), event: f.anchor === 'subscriber' ? first.from : first.to }), { related });
  }
}
