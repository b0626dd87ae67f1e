/**
 * Every custom request and notification between the JitAi Events client and server, declared once
 * as a typed vscode-jsonrpc message: the server registers `connection.onRequest(EventTreeRequest, …)`,
 * the client calls `client.sendRequest(EventTreeRequest, params, token)`, the protocol tests send the
 * same constants. Data types live in ./types.ts (which the engine may import; this file it may not).
 */
import { NotificationType, RequestType, RequestType0 } from 'vscode-jsonrpc';
import type {
  EventTreeParams, EventTreeResult, FlowGraphParams, FlowGraphResult, HandlerInfo, HandlerInfoParams, IndexChangedParams, IndexStatus, ListHandlersResult,
  HandlerTarget, SubscribersOfParams, SubscribersOfResult,
} from './types';
import type { NewSubscriberEditParams, NewSubscriberEditResult, SubscriberChoicesParams, SubscriberChoicesResult } from './subscriber';

/** server -> client: the index state and counts (drives the status item); throttled while edits stream in. */
export const IndexStatusNotification = new NotificationType<IndexStatus>('jitai/indexStatus');

/** server -> client: the index changed in a way the events tree may show (the sidebar re-asks its shown levels once typing pauses). */
export const IndexChangedNotification = new NotificationType<IndexChangedParams>('jitai/indexChanged');

/** Re-reads every file of every workspace folder; answers the status once the new index is complete. */
export const ReindexRequest = new RequestType0<IndexStatus, void>('jitai/reindex');

/**
 * The events tree (apps -> services -> events -> publishers/subscribers): whole, filtered, or one
 * level (`parent`: the sidebar asks a node's rows when it is expanded; see EventTreeParams).
 */
export const EventTreeRequest = new RequestType<EventTreeParams, EventTreeResult, void>('jitai/eventTree');

/** What Run handler executes for an element (by a uri inside its folder, or app root + fullName); null when none. */
export const HandlerInfoRequest = new RequestType<HandlerInfoParams, HandlerInfo | null, void>('jitai/handlerInfo');

/** Every runnable handler of the workspace (the command palette's quick pick). */
export const ListHandlersRequest = new RequestType0<ListHandlersResult, void>('jitai/listHandlers');

/** The custom-event elements of an app that subscribe to a sender (what Run chain dispatches to). */
export const SubscribersOfRequest = new RequestType<SubscribersOfParams, SubscribersOfResult, void>('jitai/subscribersOf');

/** The event flow graph (services -> events -> handlers -> published events) of the apps at a uri, or around one event. */
export const FlowGraphRequest = new RequestType<FlowGraphParams, FlowGraphResult, void>('jitai/flowGraph');

/** The command the server puts into "Run handler" CodeLenses, with its argument (the client registers it). */
export const RUN_HANDLER_COMMAND = 'jitaiEvents.runHandler';
export interface RunHandlerCommand { command: typeof RUN_HANDLER_COMMAND; arguments: [HandlerTarget] }

/** "New Event Subscriber…": the declared events, service functions and taken names to choose from. */
export const SubscriberChoicesRequest = new RequestType<SubscriberChoicesParams, SubscriberChoicesResult, void>('jitai/subscriberChoices');

/** "New Event Subscriber…": the files of the new event element as one WorkspaceEdit (CreateFile + edits). */
export const NewSubscriberEditRequest = new RequestType<NewSubscriberEditParams, NewSubscriberEditResult, void>('jitai/newSubscriberEdit');
