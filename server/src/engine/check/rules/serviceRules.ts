/** Service checks: eventDescs/functionList entries named and unique, declared functions implemented. */
import type { ElementRecord } from '../../model/records';
import { msg, type Locale } from '../../i18n/messages';
import { baseName } from '../../files/paths';
import type { TrackingLookup } from '../trackingLookup';
import type { DiagnosticSink } from './diag';
import type { DescEntry } from '../../elements/elementJson';
import { wrongType } from './commonRules';
import { findMethod, implementationClass } from '../../domain/handlers';

function checkNames(entries: DescEntry[], list: 'eventDescs' | 'functionList', out: DiagnosticSink, L: Locale, path: string): void {
  const seen = new Map<string, DescEntry>();
  for (const e of entries) {
    if (!e.name) {
      out.error(e.range, 'missing-name', msg(L, 'missing-name', { list, what: msg(L, list === 'eventDescs' ? 'what-event' : 'what-function') }));
      continue;
    }
    if (e.name.kind !== 'string') { wrongType(out, L, 'name', e.name, 'type-string'); continue; }
    const name = e.name.value as string;
    const first = seen.get(name);
    if (first) {
      out.error(e.name.range, list === 'eventDescs' ? 'duplicate-event-name' : 'duplicate-function-name',
        msg(L, list === 'eventDescs' ? 'duplicate-event-name' : 'duplicate-function-name', { name }),
        { related: [{ path, range: out.lines.range(first.name!.range.start, first.name!.range.end), message: msg(L, 'declared-here') }] });
    } else seen.set(name, e);
  }
}

/** eventDescs / functionList entries, and functionList entries implemented by the service class. */
export function checkService(el: ElementRecord, ctx: TrackingLookup, out: DiagnosticSink): void {
  const L = ctx.locale;
  for (const key of ['eventDescs', 'functionList'] as const) {
    const list = el.json[key];
    if (!list) continue;
    if (list.value.kind !== 'array') { wrongType(out, L, key, list.value, 'type-array'); continue; }
    checkNames(list.entries, key, out, L, el.path);
  }
  if (el.kind !== 'service' || !el.json.functionList) return;
  const impl = implementationClass(ctx, el);
  if (!impl) return;
  for (const e of el.json.functionList.entries) {
    const name = e.name?.value;
    if (typeof name !== 'string' || !name) continue;
    if (!findMethod(impl, name)) {
      out.error(e.name!.contentRange, 'function-not-implemented',
        msg(L, 'function-not-implemented', { fn: name, cls: impl.cls.name, file: baseName(impl.file) }));
    }
  }
}
