/**
 * Reverse maps the contract checks query without scanning the workspace: elements by
 * case-folded fullName (clashing folders), and who subscribes to / publishes each custom-event
 * sender. No dependency keys: a change records which files must be checked again (the other
 * folders of a clash, the services whose events gained or lost their first subscriber/publisher),
 * so the common case, no clash and unchanged wiring, costs nothing per file.
 */
import type { ElementRecord, PythonRecord } from '../model/records';
import { stringProp } from '../elements/elementJson';
import { EventWiring } from './eventWiring';
import { intern } from '../text/intern';

// Keys within an app, interned (one flat copy of each); the app root is held once per app, not in every key.
const nameKey = (fullName: string) => intern(fullName.toLowerCase());
const senderKey = (sender: string) => intern(sender);

/** `appRoot` -> key -> value. */
class PerApp<V> {
  private readonly apps = new Map<string, Map<string, V>>();
  get(appRoot: string, key: string): V | undefined { return this.apps.get(appRoot)?.get(key); }
  set(appRoot: string, key: string, v: V): void {
    let m = this.apps.get(appRoot);
    if (!m) this.apps.set(appRoot, (m = new Map()));
    m.set(key, v);
  }
  delete(appRoot: string, key: string): void {
    const m = this.apps.get(appRoot);
    if (m?.delete(key) && !m.size) this.apps.delete(appRoot);
  }
}

/** What the checks ask of these maps (the index answers; the tracking lookup records the question). */
export interface UsageLookup {
  /** Elements of the app whose fullName equals `fullName` ignoring case (including the asking one). */
  namesakes(appRoot: string, fullName: string): ElementRecord[];
  /** Number of event elements with `"sender": sender`. */
  subscriberCount(appRoot: string, sender: string): number;
  /** Number of publish calls with `sender` as a literal. */
  publisherCount(appRoot: string, sender: string): number;
  /** True when the Python file exists (the index re-checks an element's e.json when one appears or vanishes in its folder). */
  hasPythonFile(path: string): boolean;
}

/** Adds `n` to a count (deleting it at zero); true when the count went from zero to some or back. */
function bump(m: PerApp<number>, appRoot: string, k: string, n: 1 | -1): boolean {
  const before = m.get(appRoot, k) ?? 0;
  const after = before + n;
  if (after > 0) m.set(appRoot, k, after); else m.delete(appRoot, k);
  return !before !== !after;
}

export class UsageMaps implements Omit<UsageLookup, 'hasPythonFile'> {
  /** One element per case-folded fullName, an array only where folders clash (rare). */
  private byLower = new PerApp<ElementRecord | ElementRecord[]>();
  /** Subscriber elements and literal publish calls per sender (counts: only none/some matters). */
  private subs = new PerApp<number>();
  private pubs = new PerApp<number>();
  /** e.json paths of clashing folders to check again since the last `drain`. */
  private clashTouched = new Set<string>();
  /** Senders (by app root) whose subscribers or publishers went from none to some or back. */
  private wiring = new Map<string, Set<string>>();

  /** Publish sites and listeners per sender, kept current by the same calls. */
  readonly events = new EventWiring();

  addElement(el: ElementRecord): void { this.element(el, 1); this.events.addElement(el); }
  removeElement(el: ElementRecord): void { this.element(el, -1); this.events.removeElement(el); }

  private element(el: ElementRecord, sign: 1 | -1): void {
    const nk = nameKey(el.fullName);
    const had = this.byLower.get(el.appRoot, nk);
    const list = had === undefined ? [] : Array.isArray(had) ? had : [had];
    const next = sign > 0 ? [...list, el] : list.filter((x) => x !== el);
    if (next.length === 0) this.byLower.delete(el.appRoot, nk); else this.byLower.set(el.appRoot, nk, next.length === 1 ? next[0] : next);
    for (const other of next) if (other !== el) this.clashTouched.add(other.path);
    const sender = el.kind === 'event' ? stringProp(el.json, 'sender')?.value : undefined;
    if (sender) this.count(this.subs, el.appRoot, senderKey(sender), sign);
  }

  private count(m: PerApp<number>, appRoot: string, k: string, sign: 1 | -1): void {
    if (!bump(m, appRoot, k, sign)) return;
    let set = this.wiring.get(appRoot);
    if (!set) this.wiring.set(appRoot, (set = new Set()));
    set.add(k);
  }

  /** A Python file was (re)read or deleted: moves its literal publish senders. */
  setPython(old: PythonRecord | undefined, now: PythonRecord | undefined): void {
    this.events.setPython(old, now);
    for (const [rec, sign] of [[old, -1], [now, 1]] as const) {
      for (const call of rec?.scan.publishCalls ?? []) {
        const v = call.sender?.value;
        if (!v || call.sender?.unterminated) continue;
        this.count(this.pubs, rec!.appRoot, senderKey(v), sign);
      }
    }
  }

  /**
   * What changed since the last call: e.json paths of clashing folders, and senders (app root and
   * `<service>.<event>`) whose wiring changed; the index checks those files (and services) again.
   */
  drain(): { paths: string[]; senders: { appRoot: string; sender: string }[] } {
    const paths = [...this.clashTouched];
    const senders: { appRoot: string; sender: string }[] = [];
    for (const [appRoot, set] of this.wiring) for (const sender of set) senders.push({ appRoot, sender });
    this.clashTouched.clear();
    this.wiring.clear();
    return { paths, senders };
  }

  namesakes(appRoot: string, fullName: string): ElementRecord[] {
    const v = this.byLower.get(appRoot, fullName.toLowerCase());
    return v === undefined ? [] : Array.isArray(v) ? [...v] : [v];
  }
  subscriberCount(appRoot: string, sender: string): number { return this.subs.get(appRoot, sender) ?? 0; }
  publisherCount(appRoot: string, sender: string): number { return this.pubs.get(appRoot, sender) ?? 0; }
}
