/**
 * Reverse maps the contract checks query without scanning the workspace: elements by
 * case-folded fullName (clashing folders), and who subscribes to / publishes each custom-event
 * sender. Every change records the dependency keys whose answers moved.
 */
import type { ElementRecord, PythonRecord } from '../model/records';
import { stringProp } from '../elements/elementJson';
import { keys } from './dependencyKeys';

/** What the checks ask of these maps (the index answers; the tracking lookup records the question). */
export interface UsageLookup {
  /** Elements of the app whose fullName equals `fullName` ignoring case (including the asking one). */
  namesakes(appRoot: string, fullName: string): ElementRecord[];
  /** Number of event elements with `"sender": sender`. */
  subscriberCount(appRoot: string, sender: string): number;
  /** Number of Python files publishing `sender` as a literal. */
  publisherCount(appRoot: string, sender: string): number;
}

function add<T>(m: Map<string, Set<T>>, k: string, v: T): void {
  let s = m.get(k);
  if (!s) m.set(k, (s = new Set()));
  s.add(v);
}
function remove<T>(m: Map<string, Set<T>>, k: string, v: T): void {
  const s = m.get(k);
  if (!s) return;
  s.delete(v);
  if (!s.size) m.delete(k);
}

export class UsageMaps implements UsageLookup {
  private byLower = new Map<string, Set<ElementRecord>>();
  private subs = new Map<string, Set<string>>();
  private pubs = new Map<string, Set<string>>();
  /** Dependency keys whose answers changed since the last `drain`. */
  private changed = new Set<string>();

  addElement(el: ElementRecord): void { this.element(el, 1); }
  removeElement(el: ElementRecord): void { this.element(el, -1); }

  private element(el: ElementRecord, sign: 1 | -1): void {
    const nk = keys.namesake(el.appRoot, el.fullName.toLowerCase());
    if (sign > 0) add(this.byLower, nk, el); else remove(this.byLower, nk, el);
    this.changed.add(nk);
    const sender = el.kind === 'event' ? stringProp(el.json, 'sender')?.value : undefined;
    if (!sender) return;
    const sk = keys.senderUse(el.appRoot, sender);
    if (sign > 0) add(this.subs, sk, el.path); else remove(this.subs, sk, el.path);
    this.changed.add(sk);
  }

  /** A Python file was (re)read or deleted: moves its literal publish senders. */
  setPython(old: PythonRecord | undefined, now: PythonRecord | undefined): void {
    for (const [rec, sign] of [[old, -1], [now, 1]] as const) {
      for (const call of rec?.scan.publishCalls ?? []) {
        const v = call.sender?.value;
        if (!v || call.sender?.unterminated) continue;
        const sk = keys.senderUse(rec!.appRoot, v);
        if (sign > 0) add(this.pubs, sk, rec!.path); else remove(this.pubs, sk, rec!.path);
        this.changed.add(sk);
      }
    }
  }

  /** Keys changed since the last call (the index adds them to a ChangeSet). */
  drain(): string[] {
    const out = [...this.changed];
    this.changed.clear();
    return out;
  }

  namesakes(appRoot: string, fullName: string): ElementRecord[] {
    return [...(this.byLower.get(keys.namesake(appRoot, fullName.toLowerCase())) ?? [])];
  }
  subscriberCount(appRoot: string, sender: string): number { return this.subs.get(keys.senderUse(appRoot, sender))?.size ?? 0; }
  publisherCount(appRoot: string, sender: string): number { return this.pubs.get(keys.senderUse(appRoot, sender))?.size ?? 0; }
}
