/**
 * A service's declared contract in e.json: titles of functions, parameters and events, each
 * parameter's name and data type, known data types and container generics, and declared events
 * that are only half wired (published but never subscribed, or subscribed but never published).
 */
import type { ElementRecord } from '../../model/records';
import { msg } from '../../i18n/messages';
import { closestName } from '../../text/closestName';
import type { TrackingLookup } from '../trackingLookup';
import type { DiagnosticSink } from './diag';
import type { JsonValue } from '../../elements/elementJson';
import { CONTAINER_TYPES, DATA_TYPES, isKnownDataType } from '../../domain/dataTypes';
import { wrongType } from './commonRules';

const nameOf = (v: JsonValue | undefined) => (typeof v?.value === 'string' ? v.value : '');

/** `dataType`/`returnType` is a known data type (or a datatypes element of the app); containers say what they hold. */
function checkDataType(key: string, v: JsonValue, generic: JsonValue | undefined, el: ElementRecord, ctx: TrackingLookup, out: DiagnosticSink): void {
  const L = ctx.locale;
  if (v.kind !== 'string') { wrongType(out, L, key, v, 'type-string'); return; }
  const t = v.value as string;
  if (!isKnownDataType(t) && !t.includes('.') && !ctx.element(el.appRoot, `datatypes.${t}`)) {
    const near = closestName(t, DATA_TYPES);
    out.warning(v.contentRange, 'unknown-data-type', msg(L, 'unknown-data-type', { key, value: t, suggestion: near ? msg(L, 'did-you-mean', { name: near }) : '' }),
      near ? { fix: { range: v.contentRange, newText: near } } : {});
    return;
  }
  if (CONTAINER_TYPES.includes(t) && !generic) out.info(v.contentRange, 'missing-generic', msg(L, 'missing-generic', { key, value: t }));
}

/** functionList entries: titles, args (name, dataType, title), data types. */
function checkFunctions(el: ElementRecord, ctx: TrackingLookup, out: DiagnosticSink): void {
  const L = ctx.locale;
  for (const e of el.json.functionList?.entries ?? []) {
    if (!e.name || e.name.kind !== 'string') continue; // reported by the name checks
    if (!e.title) out.warning(e.name.contentRange, 'missing-title', msg(L, 'missing-title', { what: msg(L, 'what-function-entry', { name: nameOf(e.name) }) }));
    if (e.returnType) checkDataType('returnType', e.returnType, e.generic, el, ctx, out);
    if (!e.args) continue;
    if (e.args.value.kind !== 'array') { wrongType(out, L, 'args', e.args.value, 'type-array'); continue; }
    for (const a of e.args.entries) {
      if (!a.name || a.name.kind !== 'string') {
        out.error(a.range, 'missing-name', msg(L, 'missing-name', { list: 'args', what: msg(L, 'what-function') }));
        continue;
      }
      const name = nameOf(a.name);
      if (!a.dataType) out.error(a.name.contentRange, 'missing-data-type', msg(L, 'missing-data-type', { name }));
      else checkDataType('dataType', a.dataType, a.generic, el, ctx, out);
      if (!a.title) out.warning(a.name.contentRange, 'missing-title', msg(L, 'missing-title', { what: msg(L, 'what-arg-entry', { name }) }));
    }
  }
}

/** eventDescs entries: a title, and wiring that is not half done. */
function checkEvents(el: ElementRecord, ctx: TrackingLookup, out: DiagnosticSink): void {
  const L = ctx.locale;
  for (const e of el.json.eventDescs?.entries ?? []) {
    if (!e.name || e.name.kind !== 'string' || !e.name.value) continue;
    const name = e.name.value as string;
    if (!e.title) out.warning(e.name.contentRange, 'missing-title', msg(L, 'missing-title', { what: msg(L, 'what-event-entry', { name }) }));
    if (el.kind !== 'service') continue;
    const sender = `${el.fullName}.${name}`;
    const subs = ctx.subscriberCount(el.appRoot, sender);
    const pubs = ctx.publisherCount(el.appRoot, sender);
    // Declared but not wired at all is how an event starts (the docs' own examples do it): no hint.
    if (subs > 0 && pubs === 0 && !mayPublish(el, ctx)) out.info(e.name.contentRange, 'event-unused', msg(L, 'event-unpublished', { name, sender }));
    else if (pubs > 0 && subs === 0) out.info(e.name.contentRange, 'event-unused', msg(L, 'event-unsubscribed', { name, sender }));
  }
}

/**
 * True when the service's own code may publish events this check cannot see: a sender that is not
 * a literal, or a literal naming an event the service does not declare (already an error there).
 */
function mayPublish(el: ElementRecord, ctx: TrackingLookup): boolean {
  const declared = new Set((el.json.eventDescs?.entries ?? []).map((e) => e.name?.value));
  const own = `${el.fullName}.`;
  return !!ctx.python(`${el.dir}/service.py`)?.scan.publishCalls.some((c) => {
    const v = c.sender?.value;
    if (v === undefined) return !!c.senderExpr || !!c.sender;
    return v.startsWith(own) && !declared.has(v.slice(own.length));
  });
}

/** The whole declared contract of a service (or any element with a functionList / eventDescs). */
export function checkServiceContract(el: ElementRecord, ctx: TrackingLookup, out: DiagnosticSink): void {
  if (el.json.functionList?.value.kind === 'array') checkFunctions(el, ctx, out);
  if (el.json.eventDescs?.value.kind === 'array') checkEvents(el, ctx, out);
}
