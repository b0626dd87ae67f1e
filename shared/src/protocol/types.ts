/**
 * The plain data types of the custom protocol between the JitAi Events client and server (the
 * messages themselves are declared in ./messages.ts). No JSON-RPC import here, so the engine may
 * import this file. Files travel as URIs (`DocumentUri`), never as file-system paths.
 *
 * Locations are plain `{ uri, range }` with zero-based line/character (UTF-16), exactly as LSP.
 */

/** A `file:` URI as LSP sends it (`pathToUri` / `uriToPath` in ./uris.ts convert). */
export type DocumentUri = string;

export interface Position { line: number; character: number }
export interface Range { start: Position; end: Position }
export interface Location { uri: DocumentUri; range: Range }

// ---------------------------------------------------------------------------------------------
// Index status (server -> client notification), drives the language status item.

export interface IndexStatus {
  state: 'indexing' | 'ready' | 'error';
  apps: number;
  elements: number;
  /** Declared custom events (eventDescs entries). */
  events: number;
  /** Event and task elements (subscribers of any kind). */
  subscribers: number;
  errors: number;
  warnings: number;
  /** Duration of the last full index in milliseconds. */
  indexMs: number;
  /** ISO time of the last completed (re)index or incremental update. */
  updatedAt: string;
  message?: string;
}

/** Sent (no params besides a counter) whenever the index changed in a way the tree may show. */
export interface IndexChangedParams { version: number }

// ---------------------------------------------------------------------------------------------
// Events tree (client request -> server), the only source of the sidebar's data.

export interface EventTreeParams {
  /** Optional case-insensitive text filter on names/titles/senders (answers the whole matching tree; `parent` is then ignored). */
  filter?: string;
  /**
   * One level of the tree (what the sidebar asks, node by node): `{}` the apps with their counts;
   * `{ appRootUri }` its services (`eventCount`, no events), listener groups (`subscriberCount`, no
   * subscribers) and unresolved rows; `{ appRootUri, service }` that service with its events;
   * `{ appRootUri, kind }` that kind's groups with their subscribers. Absent: the whole tree.
   */
  parent?: EventTreeParent;
  /** The `tag` of the answer the client shows for this level: when the new answer is the same, the server says `unchanged` instead of sending it. */
  ifChanged?: string;
}

/** Which node's children a lazy `jitai/eventTree` request asks for (see EventTreeParams.parent). */
export interface EventTreeParent {
  appRootUri?: DocumentUri; service?: string; kind?: SubscriberKind;
  /** With `kind`: one group's listeners (a TreeGroup `target`; large kinds answer groups with counts only). */
  target?: string;
}

export type SubscriberKind = 'custom' | 'model' | 'workflow' | 'assistant' | 'agent' | 'task' | 'other';

export interface HandlerRef {
  /** `Inner` -> inner.py customFunc, `Global` -> a service function. */
  funcType: 'Inner' | 'Global';
  /** Human label: `inner.py customFunc` or `services.X.fn`. */
  label: string;
  /** Where the handler code is, when it resolves. */
  location?: Location;
}

export interface TreeSubscriber {
  fullName: string;
  title?: string;
  kind: SubscriberKind;
  /** The element's `type` value, e.g. `events.NormalType`. */
  type: string;
  /** The raw `sender` / `model` / `modelPath` the element listens to. */
  listensTo?: string;
  /** `operate` / `stage` when the type has one. */
  timing?: string;
  enabled: boolean;
  asyncType: boolean;
  /** Location of the e.json (its `sender` value when present). */
  location: Location;
  handler?: HandlerRef;
  /** True when the element's handler can be run locally (Run handler). */
  runnable: boolean;
}

export interface TreePublisher {
  location: Location;
  /** The enclosing function (`Class.method` or `function`), when known. */
  inFunction?: string;
  /** Source text of the literal `args=` / `kwargs=` (for display). */
  argsText?: string;
  kwargsText?: string;
}

export interface TreeEvent {
  name: string;
  title?: string;
  desc?: string;
  /** `<service fullName>.<name>`: the value subscribers put in `sender`. */
  sender: string;
  location: Location;
  publishers: TreePublisher[];
  subscribers: TreeSubscriber[];
  /** Publish sites left out of `publishers` (the server lists at most TREE_LIST_LIMIT); absent when none. */
  morePublishers?: number;
  /** Subscribers left out of `subscribers`; absent when none. */
  moreSubscribers?: number;
}

/** Most entries the server puts in one list of the events tree; the rest is a "N more" count beside it. */
export const TREE_LIST_LIMIT = 200;

export interface TreeService {
  fullName: string;
  title?: string;
  location: Location;
  events: TreeEvent[];
  /** Events left out of `events` (the server lists at most TREE_LIST_LIMIT); absent when none. */
  moreEvents?: number;
  /** In a lazy answer: how many events the service declares (its `events` come with the next level). */
  eventCount?: number;
}

/** Non-custom listeners grouped by what they listen to (a model, an assistant, an agent…). */
export interface TreeGroup {
  kind: SubscriberKind;
  /** What they listen to, e.g. `models.CustomerModel`; for timer tasks `timer`. */
  target: string;
  targetTitle?: string;
  targetLocation?: Location;
  subscribers: TreeSubscriber[];
  /** Subscribers left out of `subscribers`; absent when none. */
  moreSubscribers?: number;
  /** In a lazy answer: how many subscribers the group has (its `subscribers` come with the next level). */
  subscriberCount?: number;
}

export interface TreeApp {
  /** appId from app.json when present, else the folder name. */
  name: string;
  title?: string;
  rootUri: DocumentUri;
  services: TreeService[];
  groups: TreeGroup[];
  /** Subscribers whose sender resolves to nothing (typos, missing services or events). */
  unresolved: TreeSubscriber[];
  /** Publish calls whose sender resolves to nothing. */
  unresolvedPublishers: (TreePublisher & { sender: string })[];
  /** Entries left out of `unresolved` / `unresolvedPublishers`; absent when none. */
  moreUnresolved?: number;
  moreUnresolvedPublishers?: number;
  /** In the lazy root answer: the app's events and listeners (its rows come with the next level). */
  counts?: { events: number; listeners: number };
}

export interface EventTreeResult {
  apps: TreeApp[];
  version: number;
  /** Level answers: a digest of the answer (send it back as `ifChanged`). */
  tag?: string;
  /** The answer equals the one tagged `ifChanged` (then `apps` is empty). */
  unchanged?: true;
}

// ---------------------------------------------------------------------------------------------
// Run handler: the server resolves what to run; the client (or CLI) runs it.

/** Names one event/task element: its app's root folder and its fullName. The only name for it on the wire. */
export interface HandlerTarget { appRootUri: DocumentUri; fullName: string }

/** Identify a handler by its event element: a uri inside the element folder, or a HandlerTarget. */
export type HandlerInfoParams = { uri: DocumentUri } | HandlerTarget;

export interface PayloadCandidate {
  /**
   * `publish`: literal args/kwargs of an `app.event.publish` site. `skeleton`: every key any
   * publisher sends (or the event Type passes), with a placeholder value by type, to edit before running.
   */
  source: 'publish' | 'skeleton';
  label: string;
  location?: Location;
  args: unknown[];
  kwargs: Record<string, unknown>;
  /** True when the call passes variables: their places hold null, to be filled in before running. */
  partial?: boolean;
}

/** One part of a payload: `args[0].orderId`, `kwargs.source`; its literal types; sent by every publisher or only some. */
export interface PayloadKeyInfo { path: string; type: string; always: boolean }

/** What Run handler executes, apart from where its files are (HandlerInfo adds URIs, the engine paths). */
export interface HandlerFacts {
  fullName: string;           // event/task element fullName
  title?: string;
  type: string;               // element type
  kind: SubscriberKind;
  funcType: 'Inner' | 'Global';
  /** Inner: `customFunc`; Global: the method name. */
  functionName: string;
  /** Global: the service element fullName and its class name. */
  serviceFullName?: string;
  className?: string;
  sender?: string;
  /** Literal payloads found at publish sites of this handler's event. */
  payloads: PayloadCandidate[];
  /** The payload shape handlers receive (keys, types, sent always or sometimes); absent when unknown. */
  payloadShape?: PayloadKeyInfo[];
  /** Set when the handler cannot run and why (missing inner.py, unresolved func…). */
  problem?: string;
}

/** What Run handler executes, as it travels on the wire. */
export interface HandlerInfo extends HandlerFacts {
  appRootUri: DocumentUri;
  /** Inner: `<element dir>/inner.py`; Global: the service's service.py (or its folder). */
  moduleUri?: DocumentUri;
}

/** The engine's form of HandlerInfo: the same facts with file-system paths (the LSP converts). */
export interface HandlerInfoOnDisk extends HandlerFacts {
  appRoot: string;
  modulePath?: string;
}

/** One runnable handler of the workspace, for the command palette's quick pick. */
export interface HandlerEntryFacts {
  fullName: string; title?: string; kind: SubscriberKind; funcType: 'Inner' | 'Global'; label: string; location: Location;
}
export interface HandlerEntry extends HandlerEntryFacts { appRootUri: DocumentUri }
export interface ListHandlersResult { handlers: HandlerEntry[] }
/** The engine's form of ListHandlersResult (app roots as paths). */
export interface ListHandlersOnDisk { handlers: (HandlerEntryFacts & { appRoot: string })[] }

/** Which custom-event elements of an app listen to a sender (for "Run chain"). */
export interface SubscribersOfParams { appRootUri: DocumentUri; sender: string }
export interface SubscribersOfResult { fullNames: string[] }

// ---------------------------------------------------------------------------------------------
// Event flow graph (client request -> server; also the CLI's `graph` command): services -> events ->
// handlers -> the events those handlers publish.

/**
 * `service` declares events; `event` is a custom event (`<service>.<name>`); `handler` is an event or
 * task element with its handler function; `source` is what a non-custom listener listens to (a model,
 * an approval workflow, an AI assistant or agent); `publisher` is a function that publishes outside
 * any handler (e.g. a service method).
 */
export type FlowNodeKind = 'service' | 'event' | 'handler' | 'source' | 'publisher';

export interface FlowNode {
  /** Stable and unique within its graph: `<kind>:<name>` (publishers: `publisher:<file>#<function>`). */
  id: string;
  kind: FlowNodeKind;
  /** What the box shows first: a fullName, an event name, `Class.method`. */
  label: string;
  /** The element's or event's title (often Chinese), when it has one. */
  title?: string;
  /** Second line: the sender of an event, `Inner → inner.py customFunc` of a handler, a file. */
  detail?: string;
  /** What a click opens: the e.json, the eventDescs entry, the publishing function's first publish site. */
  location?: Location;
  /** Handlers: the handler function's `def` line, when it resolves. */
  handlerLocation?: Location;
  /** An event some subscriber or publish call names but no service declares. */
  unresolved?: boolean;
  /** Part of a loop (a cycle of events and handlers). */
  inLoop?: boolean;
}

/** `declares`: service -> event; `subscribes`: event -> handler; `listens`: source -> handler; `publishes`: handler/publisher -> event. */
export type FlowEdgeKind = 'declares' | 'subscribes' | 'listens' | 'publishes';

export interface FlowEdge {
  from: string;
  to: string;
  kind: FlowEdgeKind;
  /** `publishes`: the publish call (the first one when a function publishes the event more than once). */
  location?: Location;
  inLoop?: boolean;
}

export interface FlowGraph {
  /** appId from app.json when present, else the folder name. */
  app: string;
  rootUri: DocumentUri;
  /** Sorted by id. */
  nodes: FlowNode[];
  /** Sorted by from, to, kind. */
  edges: FlowEdge[];
  /** Each loop as the sorted ids of its nodes (a strongly connected part of the graph); sorted. */
  cycles: string[][];
}

export interface FlowGraphParams {
  /** A file or folder: the apps it lies in or contains. Absent: every app of the workspace. */
  uri?: DocumentUri;
  /** Only the neighbourhood of this event (`<service>.<name>`), `depth` hops both ways. */
  sender?: string;
  /** Hops around `sender` (default 2, at least 1). */
  depth?: number;
}

export interface FlowGraphResult { graphs: FlowGraph[]; version: number }

/**
 * What a client declares in initializationOptions about code lenses. The server offers a lens only
 * to a client that can act on it: the Run lens when `commands` lists RUN_HANDLER_COMMAND, the
 * subscriber/publisher count lenses (a title with no command to run) when `titleOnlyLenses` is true.
 * A client that declares neither (Neovim and most others) gets no code lenses at all.
 */
export interface LensInitializationOptions {
  /** Commands the client executes itself when a lens is clicked. */
  commands?: string[];
  /** The client shows a lens whose command is empty as plain text (VS Code does). */
  titleOnlyLenses?: boolean;
}
