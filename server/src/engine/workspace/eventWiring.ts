/**
 * Who publishes and who listens to which sender, per app, kept current as records change (each
 * change costs what it touches, never a pass over the workspace). The event graph the tree, lenses,
 * hover, references and the flow graph read. Lists are copy-on-write: a list handed out never
 * changes, and a sender's list is a new array whenever its publish sites or listeners change, so
 * results derived from one (a merged payload) can be cached by the list itself.
 */
import type { ElementRecord, PythonRecord } from '../model/records';
import type { PublishCall } from '../python/types';
import { isListener, listenTarget } from '../domain/elementTypes';
import { ChangeLog } from './changeLog';

/** A change-log key: an app and a sender (or target, or element fullName) in it. */
export const logKey = (appRoot: string, key: string): string => `${appRoot}\0${key}`;

export interface PublishSite { py: PythonRecord; call: PublishCall }

const NONE: readonly never[] = Object.freeze([]);
const byText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/**
 * `appRoot` -> `key` -> items, with copy-on-write lists. A list nobody has been handed yet (the
 * bulk load) grows in place, so a key with many items costs no quadratic copying.
 */
class ByApp<T> {
  private readonly apps = new Map<string, Map<string, T[]>>();
  private readonly shared = new WeakSet<readonly T[]>();
  /** Lists are kept in this order (by path, then place), so they never depend on the order of changes. */
  constructor(private readonly order: (a: T, b: T) => number) {}

  private share(list: T[]): readonly T[] { this.shared.add(list); return list; }
  get(appRoot: string, key: string): readonly T[] {
    const list = this.apps.get(appRoot)?.get(key);
    return list ? this.share(list) : NONE;
  }
  /** Every key of an app with its list. */
  *ofApp(appRoot: string): IterableIterator<[key: string, items: readonly T[]]> {
    for (const [k, v] of this.apps.get(appRoot) ?? []) yield [k, this.share(v)];
  }
  *all(): IterableIterator<[appRoot: string, key: string, items: readonly T[]]> {
    for (const [app, m] of this.apps) for (const [k, v] of m) yield [app, k, this.share(v)];
  }

  add(appRoot: string, key: string, item: T): void {
    let m = this.apps.get(appRoot);
    if (!m) this.apps.set(appRoot, (m = new Map()));
    let list = m.get(key);
    if (!list) { m.set(key, [item]); return; }
    if (this.shared.has(list)) m.set(key, (list = [...list]));
    let lo = 0, hi = list.length;
    while (lo < hi) { const mid = (lo + hi) >> 1; if (this.order(list[mid], item) <= 0) lo = mid + 1; else hi = mid; }
    list.splice(lo, 0, item);
  }

  /** Removes the items `drop` accepts from one list (one pass over that list only). */
  remove(appRoot: string, key: string, drop: (item: T) => boolean): void {
    const m = this.apps.get(appRoot);
    const list = m?.get(key);
    if (!m || !list) return;
    const next = list.filter((x) => !drop(x));
    if (next.length === list.length) return;
    if (next.length) m.set(key, next); else m.delete(key);
    if (!m.size) this.apps.delete(appRoot);
  }
}

export class EventWiring {
  /** Literal publish calls by app and sender. */
  readonly publishers = new ByApp<PublishSite>((a, b) => byText(a.py.path, b.py.path) || a.call.range.start - b.call.range.start);
  /** Event/task elements by app and what they name as their target (`sender`, `model` or `modelPath`; '' when none). */
  readonly listeners = new ByApp<ElementRecord>((a, b) => byText(a.path, b.path));
  /** Bumped on every change of either map (cheap staleness checks for results built from them). */
  version = 0;
  /**
   * Listener lists changed (logKey of app and target), plus the fullName of each listener added or
   * removed (an element's presence decides how a sender equal to its name is listened to).
   */
  readonly listenerLog = new ChangeLog();
  /** Publish-site lists changed (logKey of app and sender). */
  readonly publisherLog = new ChangeLog();
  /** Bumped when an element that is not a listener (a service, a model, …) is added or removed. */
  declarationsVersion = 0;

  setPython(old: PythonRecord | undefined, now: PythonRecord | undefined): void {
    if (old) {
      const senders = new Set<string>();
      for (const call of old.scan.publishCalls) if (call.sender?.value !== undefined) senders.add(call.sender.value);
      for (const s of senders) { this.publishers.remove(old.appRoot, s, (x) => x.py === old); this.publisherLog.record(logKey(old.appRoot, s)); }
    }
    if (now) for (const call of now.scan.publishCalls) {
      const v = call.sender?.value;
      if (v !== undefined) { this.publishers.add(now.appRoot, v, { py: now, call }); this.publisherLog.record(logKey(now.appRoot, v)); }
    }
    if (old || now) this.version++;
  }

  addElement(el: ElementRecord): void {
    if (!isListener(el)) { this.declarationsVersion++; return; }
    this.listenerChanged(el);
    this.listeners.add(el.appRoot, listenTarget(el)?.value ?? '', el);
    this.version++;
  }

  removeElement(el: ElementRecord): void {
    if (!isListener(el)) { this.declarationsVersion++; return; }
    this.listenerChanged(el);
    this.listeners.remove(el.appRoot, listenTarget(el)?.value ?? '', (x) => x === el);
    this.version++;
  }

  private listenerChanged(el: ElementRecord): void {
    this.listenerLog.record(logKey(el.appRoot, listenTarget(el)?.value ?? ''));
    this.listenerLog.record(logKey(el.appRoot, el.fullName));
  }
}
