/**
 * Caps on the size of answers, so one huge app or file never produces a response of megabytes:
 * each list of the events tree holds at most TREE_LIST_LIMIT entries plus a "N more" count
 * (shared/src/protocol/types.ts), and references are cut at REFERENCES_LIMIT locations.
 */
import { TREE_LIST_LIMIT, type EventTreeResult } from '../../../shared/src/protocol/types';

/** Most locations a references answer carries (generous: an editor lists them all). */
export const REFERENCES_LIMIT = 5000;

/** The first `limit` items and how many were left out (undefined when none). */
function cut<T>(list: T[], limit = TREE_LIST_LIMIT): [T[], number | undefined] {
  return list.length > limit ? [list.slice(0, limit), list.length - limit] : [list, undefined];
}

/**
 * The events tree with every list capped. A row is written only where a list is cut: the engine
 * shares unchanged rows between answers (service rows of an app level), and those are never cut.
 */
export function capEventTree(tree: EventTreeResult): EventTreeResult {
  for (const app of tree.apps) {
    for (const svc of app.services) {
      // An app level lists every service (10k rows at 100k elements) without events: nothing to cut, nothing allocated.
      if (!svc.events.length) continue;
      const [events, moreEvents] = cut(svc.events);
      if (moreEvents) { svc.events = events; svc.moreEvents = moreEvents; }
      for (const ev of svc.events) {
        const [pubs, morePubs] = cut(ev.publishers);
        const [subs, moreSubs] = cut(ev.subscribers);
        if (morePubs) { ev.publishers = pubs; ev.morePublishers = morePubs; }
        if (moreSubs) { ev.subscribers = subs; ev.moreSubscribers = moreSubs; }
      }
    }
    for (const g of app.groups) {
      const [subs, more] = cut(g.subscribers);
      if (more) { g.subscribers = subs; g.moreSubscribers = more; }
    }
    const [unresolved, moreUnresolved] = cut(app.unresolved);
    const [unresolvedPublishers, moreUnresolvedPublishers] = cut(app.unresolvedPublishers);
    if (moreUnresolved) { app.unresolved = unresolved; app.moreUnresolved = moreUnresolved; }
    // The publisher rows list is shared too: replaced (a new array), never cut in place.
    if (moreUnresolvedPublishers) { app.unresolvedPublishers = unresolvedPublishers; app.moreUnresolvedPublishers = moreUnresolvedPublishers; }
  }
  return tree;
}
