/**
 * Custom-event senders `<service fullName>.<event name>`: splitting one, and resolving it to the
 * declaring service's eventDescs entry (or saying which part is wrong and what would be right).
 */
import { Severity, type RelatedInfo } from '../model/diagnostics';
import type { DescEntry } from '../elements/elementJson';
import type { AppRecord, ElementKind, ElementRecord, PythonRecord } from '../model/records';
import { kindLabel, msg, type Locale } from '../i18n/messages';
import { closestName } from '../text/closestName';

/** What domain questions may look up: the index itself, or a lookup that records dependencies. */
export interface Lookup {
  app(root: string): AppRecord | undefined;
  element(appRoot: string, fullName: string): ElementRecord | undefined;
  python(path: string): PythonRecord | undefined;
  elementsOfKind(appRoot: string, kind: ElementKind): ElementRecord[];
  /**
   * The element of a kind whose fullName is closest to `name` (a plausible typo, see closestName),
   * for "did you mean" hints. Rules ask this instead of listing the kind, so a checker can tell
   * which additions or removals may change the answer.
   */
  closestOfKind(appRoot: string, kind: ElementKind, name: string): ElementRecord | undefined;
}

/** True when unresolved references may live in a parent app (app.json "extends"): warnings instead of errors. */
export function mayInherit(lookup: Pick<Lookup, 'app'>, appRoot: string): boolean {
  return lookup.app(appRoot)?.hasParents ?? false;
}

/** Names of eventDescs entries. */
export function declaredEvents(el: ElementRecord): string[] {
  const out: string[] = [];
  for (const e of el.json.eventDescs?.entries ?? []) if (typeof e.name?.value === 'string') out.push(e.name.value);
  return out;
}

const SENDER_RE = /^[A-Za-z_][\w]*(\.[A-Za-z_][\w]*)+$/;

export type SenderResolution =
  | { ok: true; service: ElementRecord; entry: DescEntry }
  | {
      ok: false;
      code: 'sender-malformed' | 'sender-service-not-found' | 'sender-not-a-service' | 'unknown-event';
      severity: Severity;
      message: string;
      /** Which part of the sender string is wrong (offsets inside the string value). */
      part: { start: number; end: number };
      /** The corrected whole sender, when one is plausible. */
      suggestion?: string;
      /** The service whose eventDescs were searched (for related information). */
      service?: ElementRecord;
    };

export function splitSender(sender: string): { service: string; event: string } | undefined {
  if (!SENDER_RE.test(sender)) return undefined;
  const i = sender.lastIndexOf('.');
  return { service: sender.slice(0, i), event: sender.slice(i + 1) };
}

/** Resolves `<service fullName>.<event name>` in an app (custom events: e.json `sender` and publish calls). */
export function resolveSender(lookup: Lookup, appRoot: string, sender: string, L: Locale): SenderResolution {
  const parts = splitSender(sender);
  if (!parts) {
    return { ok: false, code: 'sender-malformed', severity: Severity.Error, message: msg(L, 'sender-malformed', { sender }), part: { start: 0, end: sender.length } };
  }
  const servicePart = { start: 0, end: parts.service.length };
  const eventPart = { start: parts.service.length + 1, end: sender.length };
  const el = lookup.element(appRoot, parts.service);
  if (!el) {
    const svc = lookup.closestOfKind(appRoot, 'service', parts.service);
    let suggestion: string | undefined;
    if (svc) {
      const evs = declaredEvents(svc);
      const ev = evs.includes(parts.event) ? parts.event : closestName(parts.event, evs);
      if (ev) suggestion = `${svc.fullName}.${ev}`;
    }
    const hint = suggestion ? msg(L, 'hint-did-you-mean-service', { suggestion }) : '';
    const inherit = mayInherit(lookup, appRoot);
    return {
      ok: false, code: 'sender-service-not-found', severity: inherit ? Severity.Warning : Severity.Error,
      message: inherit ? msg(L, 'sender-service-inherited', { service: parts.service, hint }) : msg(L, 'sender-service-not-found', { service: parts.service, event: parts.event, hint }),
      part: servicePart, suggestion,
    };
  }
  if (!el.json.eventDescs && el.kind !== 'service') {
    return {
      ok: false, code: 'sender-not-a-service', severity: Severity.Error,
      message: msg(L, 'sender-not-a-service', { element: parts.service, kind: kindLabel(L, el.kind), event: parts.event }),
      part: servicePart,
    };
  }
  const entry = el.json.eventDescs?.entries.find((e) => e.name?.value === parts.event);
  if (entry) return { ok: true, service: el, entry };
  const declared = declaredEvents(el);
  const near = closestName(parts.event, declared);
  return {
    ok: false, code: 'unknown-event', severity: Severity.Error,
    message: msg(L, 'unknown-event', {
      service: parts.service, event: parts.event,
      suggestion: near ? msg(L, 'did-you-mean', { name: near }) : '',
      declared: declared.length ? declared.join(', ') : msg(L, 'none-declared'),
    }),
    part: eventPart, suggestion: near ? `${parts.service}.${near}` : undefined, service: el,
  };
}

/** "eventDescs" in the service's e.json, as related information for a sender problem. */
export function eventDescsRelated(service: ElementRecord | undefined): RelatedInfo[] | undefined {
  const ed = service?.json.eventDescs;
  if (!service || !ed) return undefined;
  const start = ed.value.range.start;
  return [{ path: service.path, range: service.lines.range(start, start + 1), message: 'eventDescs' }];
}
