/**
 * The listener side of an app's tree levels: groups of non-custom listeners with their counts,
 * custom subscribers whose sender no service declares, and the app's listener total. Kept up to
 * date from the wiring's change log: after an edit only the listener lists it touched are taken
 * out of the aggregate and put back in (a full rebuild only when a declaration changed or the log
 * no longer reaches back far enough).
 */
import type { TreeGroup } from '../../../../shared/src/protocol/types';
import type { ElementRecord } from '../model/records';
import type { WorkspaceIndex } from '../workspace/workspaceIndex';
import { logKey } from '../workspace/eventWiring';
import { toLocation } from './locations';
import { byFullName, cacheOf, declarations, summarise, type ListSummary } from './treeShape';

/** A listener group: its row (count only) and its listeners per listener list. */
export interface ShapeGroup { group: TreeGroup; parts: Map<string, ElementRecord[]> }

export interface Listening {
  wiring: object; declVersion: number; logVersion: number;
  /** Summaries taken into the aggregate, by listener-list key, with what each added to `listeners`. */
  summaries: Map<string, { s: ListSummary; counted: number }>;
  groupsByKey: Map<string, ShapeGroup>;
  unresolvedByKey: Map<string, ElementRecord[]>;
  listeners: number;
  /** Sorted views, built when asked after a change. */
  sortedGroups?: ShapeGroup[];
  sortedUnresolved?: ElementRecord[];
  /** The app level's group rows (counts, no subscriber rows; shared by answers, never changed). */
  rows?: TreeGroup[];
  /** Set by a change: `rows` (and `kindRows`) may be out of date; kept as they are if the change left every row the same. */
  rowsStale?: boolean;
  /** The same per listener kind (what a kind level with many listeners lists). */
  kindRows?: Map<string, TreeGroup[]>;
}

/** The up-to-date listener aggregate of an app. */
export function listening(index: WorkspaceIndex, appRoot: string): Listening {
  const c = cacheOf(index, appRoot);
  const wiring = index.wiring;
  const d = declarations(index, appRoot);
  let l = c.listening as Listening | undefined;
  const log = wiring.listenerLog;
  if (l && l.wiring === wiring && l.declVersion === d.version && l.logVersion === log.version) return l;
  const changed = l && l.wiring === wiring && l.declVersion === d.version ? log.since(l.logVersion) : undefined;
  if (!l || !changed) {
    l = { wiring, declVersion: d.version, logVersion: log.version, summaries: new Map(), groupsByKey: new Map(), unresolvedByKey: new Map(), listeners: 0 };
    for (const [key, list] of wiring.listeners.ofApp(appRoot)) add(index, appRoot, d.declared, l, key, summarise(list));
  } else {
    const prefix = logKey(appRoot, '');
    const keys = new Set<string>();
    for (const k of changed) if (k.startsWith(prefix)) keys.add(k.slice(prefix.length));
    for (const key of keys) {
      const old = l.summaries.get(key);
      if (old) remove(l, key, old.s, old.counted);
      const list = wiring.listeners.get(appRoot, key);
      if (list.length) add(index, appRoot, d.declared, l, key, summarise(list));
    }
    l.logVersion = log.version;
  }
  l.sortedGroups = l.sortedUnresolved = undefined;
  l.rowsStale = true;
  c.listening = l;
  return l;
}

/** How many listeners of `key` count for the app's total: declared custom events count their subscribers. */
function declaredListeners(index: WorkspaceIndex, appRoot: string, declared: Map<string, number>, key: string, s: ListSummary): number {
  const times = declared.get(key) ?? 0;
  return times ? times * (index.element(appRoot, key) === undefined ? s.customCount : s.size - s.customCount) : 0;
}

function add(index: WorkspaceIndex, appRoot: string, declared: Map<string, number>, l: Listening, key: string, s: ListSummary): void {
  let counted = declaredListeners(index, appRoot, declared, key, s);
  if (s.custom.length && !(key !== '' && declared.has(key))) l.unresolvedByKey.set(key, s.custom);
  for (const p of s.parts) {
    let g = l.groupsByKey.get(p.key);
    if (!g) {
      const targetEl = p.target ? index.element(appRoot, p.target) : undefined;
      const group: TreeGroup = { kind: p.kind, target: p.groupTarget, targetTitle: targetEl?.title, subscribers: [], subscriberCount: 0 };
      if (targetEl) group.targetLocation = toLocation(targetEl.path, targetEl.lines, 0, 0);
      l.groupsByKey.set(p.key, (g = { group, parts: new Map() }));
    }
    g.group.subscriberCount! += p.els.length;
    g.parts.set(key, p.els);
    counted += p.els.length;
  }
  l.summaries.set(key, { s, counted });
  l.listeners += counted;
}

function remove(l: Listening, key: string, s: ListSummary, counted: number): void {
  l.summaries.delete(key);
  l.listeners -= counted;
  l.unresolvedByKey.delete(key);
  for (const p of s.parts) {
    const g = l.groupsByKey.get(p.key);
    if (!g) continue;
    g.group.subscriberCount! -= p.els.length;
    g.parts.delete(key);
    if (!g.parts.size) l.groupsByKey.delete(p.key);
  }
}

/** The groups in the tree's order (kind, then target). */
export function sortedGroups(l: Listening): ShapeGroup[] {
  return l.sortedGroups ??= [...l.groupsByKey.values()].sort((a, b) => (a.group.kind + a.group.target < b.group.kind + b.group.target ? -1 : 1));
}

/** Custom subscribers of undeclared senders, by fullName. */
export function unresolvedSubscribers(l: Listening): ElementRecord[] {
  return l.sortedUnresolved ??= [...l.unresolvedByKey.values()].flat().sort(byFullName);
}

/** The rows of an app's listener groups with their counts (what the app level lists). */
export function groupRows(l: Listening): TreeGroup[] {
  if (l.rows && !l.rowsStale) return l.rows;
  l.rowsStale = false;
  const rows = sortedGroups(l).map((g) => ({ ...g.group, subscribers: [] }));
  // An edit that moved a listener between events of the same kind and target leaves the rows as they
  // were: the same arrays then (their tags are cached, and the client is told the level is unchanged).
  if (l.rows && sameRows(l.rows, rows)) return l.rows;
  l.kindRows = undefined;
  return l.rows = rows;
}

function sameRows(a: readonly TreeGroup[], b: readonly TreeGroup[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) {
    const x = a[i], y = b[i];
    if (x.kind !== y.kind || x.target !== y.target || x.targetTitle !== y.targetTitle || x.subscriberCount !== y.subscriberCount
      || x.targetLocation !== y.targetLocation) return false;
  }
  return true;
}

/** The group rows of one listener kind, with counts. */
export function kindGroupRows(l: Listening, kind: string): TreeGroup[] {
  const all = groupRows(l); // first: drops the kind rows if the rows changed
  l.kindRows ??= new Map();
  let rows = l.kindRows.get(kind);
  if (!rows) l.kindRows.set(kind, (rows = all.filter((g) => g.kind === kind)));
  return rows;
}
