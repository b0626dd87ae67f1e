/**
 * Every command, view and context-key id the client uses, declared once. package.json declares the
 * same ids (test/unit/client/ids.test.ts keeps the two equal); the Run command the server puts in
 * its lenses comes from the shared protocol.
 */
import { RUN_HANDLER_COMMAND } from '../../shared/src/protocol/messages';
import { NEW_SUBSCRIBER_COMMAND } from '../../shared/src/protocol/subscriber';

/** The settings section and the language client's id. */
export const SECTION = 'jitaiEvents';

export const Commands = {
  reindex: 'jitaiEvents.reindex',
  runHandler: RUN_HANDLER_COMMAND,
  runHandlerWithPayload: 'jitaiEvents.runHandlerWithPayload',
  runChain: 'jitaiEvents.runChain',
  goToDeclaration: 'jitaiEvents.goToDeclaration',
  copySender: 'jitaiEvents.copySender',
  revealInExplorer: 'jitaiEvents.revealInExplorer',
  filterTree: 'jitaiEvents.filterTree',
  clearFilter: 'jitaiEvents.clearFilter',
  showOutput: 'jitaiEvents.showOutput',
  restartServer: 'jitaiEvents.restartServer',
  openNode: 'jitaiEvents.openNode',
  /** The count lens above an eventDescs entry: opens the references peek of that event. */
  showEventReferences: 'jitaiEvents.showEventReferences',
  showFlow: 'jitaiEvents.showFlow',
  debugHandler: 'jitaiEvents.debugHandler',
  /** New Event Subscriber…: also the server's "Add subscriber" lens command. */
  newSubscriber: NEW_SUBSCRIBER_COMMAND,
} as const;
export type CommandId = typeof Commands[keyof typeof Commands];

export const Views = {
  container: 'jitai',
  events: 'jitaiEvents.events',
} as const;

/** Context keys read by `when` clauses in package.json. */
export const ContextKeys = {
  indexReady: 'jitaiEvents.indexReady',
  hasApps: 'jitaiEvents.hasApps',
  treeFiltered: 'jitaiEvents.treeFiltered',
  payloadEditorActive: 'jitaiEvents.payloadEditorActive',
  editorRunnable: 'jitaiEvents.editorRunnable',
} as const;

/** The language status item's id. */
export const STATUS_ITEM_ID = 'jitaiEvents.indexStatus';

/** The scheme of payload documents (`jitai-payload:/ArchiveStatistics.payload.json`). */
export const PAYLOAD_SCHEME = 'jitai-payload';
