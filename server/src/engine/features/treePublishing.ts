/**
 * The publish calls of an app whose sender no service declares (the tree's Unresolved node), kept up
 * to date from the wiring's change log: an edit re-reads only the senders whose publish sites it
 * changed (a full rebuild only when a declaration changed or the log no longer reaches back far enough).
 */
import { TREE_LIST_LIMIT, type TreePublisher } from '../../../../shared/src/protocol/types';
import type { PublishSite } from '../workspace/eventWiring';
import type { WorkspaceIndex } from '../workspace/workspaceIndex';
import { logKey } from '../workspace/eventWiring';
import { publisher } from './eventTree';
import { cacheOf, declarations } from './treeShape';

export type PublisherRow = TreePublisher & { sender: string };

interface Publishing {
  wiring: object; declVersion: number; logVersion: number;
  bySender: Map<string, readonly PublishSite[]>;
  /** The first TREE_LIST_LIMIT rows by sender (then file and place) and how many more (shared by answers, never changed). */
  rows?: { rows: PublisherRow[]; more?: number };
}

function publishing(index: WorkspaceIndex, appRoot: string): Publishing {
  const c = cacheOf(index, appRoot);
  const wiring = index.wiring;
  const d = declarations(index, appRoot);
  const log = wiring.publisherLog;
  let p = c.publishing as Publishing | undefined;
  if (p && p.wiring === wiring && p.declVersion === d.version && p.logVersion === log.version) return p;
  const changed = p && p.wiring === wiring && p.declVersion === d.version ? log.since(p.logVersion) : undefined;
  if (!p || !changed) {
    p = { wiring, declVersion: d.version, logVersion: log.version, bySender: new Map() };
    for (const [sender, sites] of wiring.publishers.ofApp(appRoot)) if (!d.declared.has(sender)) p.bySender.set(sender, sites);
  } else {
    const prefix = logKey(appRoot, '');
    // Edits of declared senders' publish calls (the common case) leave the rows as they are.
    let moved = false;
    for (const k of new Set(changed)) {
      if (!k.startsWith(prefix)) continue;
      const sender = k.slice(prefix.length);
      const sites = wiring.publishers.get(appRoot, sender);
      if (sites.length && !d.declared.has(sender)) {
        if (p.bySender.get(sender) !== sites) { p.bySender.set(sender, sites); moved = true; }
      } else if (p.bySender.delete(sender)) moved = true;
    }
    p.logVersion = log.version;
    if (moved) p.rows = undefined;
  }
  c.publishing = p;
  return p;
}

/** Published senders of an app that no service declares, by sender, with their publish sites. */
export function undeclaredPublished(index: WorkspaceIndex, appRoot: string): [string, readonly PublishSite[]][] {
  return [...publishing(index, appRoot).bySender].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
}

/** Rows of the first TREE_LIST_LIMIT undeclared publish calls (by sender, then file and place) and how many more there are. */
export function undeclaredPublisherRows(index: WorkspaceIndex, appRoot: string): { rows: PublisherRow[]; more?: number } {
  const p = publishing(index, appRoot);
  if (p.rows) return p.rows;
  const rows: PublisherRow[] = [];
  let total = 0;
  for (const [sender, sites] of undeclaredPublished(index, appRoot)) {
    total += sites.length;
    for (const site of sites) { if (rows.length >= TREE_LIST_LIMIT) break; rows.push({ ...publisher(site), sender }); }
  }
  return p.rows = total > rows.length ? { rows, more: total - rows.length } : { rows };
}
