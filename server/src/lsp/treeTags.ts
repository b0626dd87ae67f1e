/**
 * The tag of an events-tree answer: a digest of its rows, so the client's `ifChanged` gets a few
 * bytes back when its rows still hold. The engine hands out the same array for rows that did not
 * change (an app level's service and group rows, its undeclared publishers); their digest is computed once
 * per array, so a re-sync of a 10k-element app level costs a digest of the small parts only.
 */
import { createHash } from 'node:crypto';
import type { EventTreeResult } from '../../../shared/src/protocol/types';

/** Digests of shared row arrays (an array the engine shares is never changed afterwards). */
const digests = new WeakMap<object, string>();

function digestOf(list: readonly unknown[]): string {
  let d = digests.get(list);
  if (d === undefined) digests.set(list, (d = createHash('sha1').update(JSON.stringify(list)).digest('base64')));
  return d;
}

export function treeTag(level: EventTreeResult): string {
  const h = createHash('sha1');
  for (const app of level.apps) {
    const { services, groups, unresolvedPublishers, ...rest } = app;
    h.update(JSON.stringify(rest));
    for (const list of [services, groups, unresolvedPublishers]) h.update('\0').update(digestOf(list));
    h.update('\0');
  }
  return h.digest('base64');
}
