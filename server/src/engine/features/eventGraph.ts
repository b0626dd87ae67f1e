/**
 * Who publishes and who listens to which sender, per app: the one answer the events tree, code
 * lenses, hover, references, rename and the Run chain share. Read straight from the index's event
 * wiring (kept current on every change), so no query rebuilds anything after an edit.
 */
import type { SubscriberKind } from '../../../../shared/src/protocol/types';
import type { ElementRecord } from '../model/records';
import type { PublishSite } from '../workspace/eventWiring';
import type { WorkspaceIndex } from '../workspace/workspaceIndex';
import { isCustomSubscriber, subscriberKind } from '../domain/elementTypes';

export type { PublishSite } from '../workspace/eventWiring';

/** An event or task element listening to a sender, and what kind of listener it is. */
export interface Listener { el: ElementRecord; kind: SubscriberKind }

/** `publish` calls whose sender literal is `sender` (ordered by file, then place). */
export function publishSitesOf(index: WorkspaceIndex, appRoot: string, sender: string): readonly PublishSite[] {
  return index.wiring.publishers.get(appRoot, sender);
}

/** Every sender literal published in an app, with its publish sites. */
export function publishedSenders(index: WorkspaceIndex, appRoot: string): [sender: string, sites: readonly PublishSite[]][] {
  return [...index.wiring.publishers.ofApp(appRoot)];
}

/**
 * Who listens to `sender` in an app. What the sender names decides it: an element (a model, an AI
 * assistant or agent) is listened to by the events and tasks that reference it (model, approval,
 * assistant, agent events, date-field tasks); anything else is a custom event
 * `<service>.<event>`, listened to by custom subscribers only.
 */
export function listenersOf(index: WorkspaceIndex, appRoot: string, sender: string): Listener[] {
  const all = index.wiring.listeners.get(appRoot, sender);
  if (!all.length) return [];
  const custom = index.element(appRoot, sender) === undefined;
  const out: Listener[] = [];
  for (const el of all) if (isCustomSubscriber(el) === custom) out.push({ el, kind: subscriberKind(el) });
  return out;
}

/** Number of listeners of `sender` (what a lens or a tree row counts), without building the list. */
export function listenerCount(index: WorkspaceIndex, appRoot: string, sender: string): number {
  const all = index.wiring.listeners.get(appRoot, sender);
  if (!all.length) return 0;
  const custom = index.element(appRoot, sender) === undefined;
  let n = 0;
  for (const el of all) if (isCustomSubscriber(el) === custom) n++;
  return n;
}

/** fullNames of the custom subscribers of a custom event (what Run chain dispatches a published event to). */
export function customSubscribers(index: WorkspaceIndex, appRoot: string, sender: string): string[] {
  return listenersOf(index, appRoot, sender).filter((l) => isCustomSubscriber(l.el)).map((l) => l.el.fullName);
}
