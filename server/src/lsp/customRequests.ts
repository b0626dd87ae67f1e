/**
 * The jitai/* requests of shared/src/protocol/messages.ts: each checks its parameters (./params),
 * converts URIs to paths, asks the engine and converts the answer back. No decisions of its own.
 */
import { ErrorCodes, ResponseError, type Connection } from 'vscode-languageserver/node';
import type { Engine } from '../engine';
import {
  EventTreeRequest, FlowGraphRequest, HandlerInfoRequest, ListHandlersRequest, NewSubscriberEditRequest, ReindexRequest,
  SubscriberChoicesRequest, SubscribersOfRequest,
} from '../../../shared/src/protocol/messages';
import type { IndexStatus } from '../../../shared/src/protocol/types';
import { handlerInfoToWire, pathToUri } from '../../../shared/src/protocol/uris';
import { toListHandlersResult } from './convert';
import type { Indexing } from './indexing';
import { eventTreeParams, flowGraphParams, handlerInfoParams, newSubscriberParams, pathOfUri, subscriberChoicesParams, subscribersOfParams } from './params';
import { toLspEdit } from './workspaceEdits';
import { runSafe } from './runSafe';
import { capEventTree } from './responseLimits';
import { treeTag } from './treeTags';

export function registerCustomRequests(c: Connection, engine: Engine, indexing: Indexing): void {
  const reindex = ReindexRequest.method;
  c.onRequest(ReindexRequest, (token) => runSafe<IndexStatus | ResponseError<void>>(c, reindex, failed(reindex), token, () => indexing.reindex()));

  c.onRequest(EventTreeRequest, (p, token) => runSafe(c, EventTreeRequest.method, { apps: [], version: -1 }, token, async () => {
    const { filter, parent, ifChanged } = eventTreeParams(EventTreeRequest.method, p);
    await indexing.firstIndex;
    if (filter || !parent) return capEventTree(engine.eventTree(filter));
    const appRoot = parent.appRootUri === undefined ? undefined : pathOfUri(EventTreeRequest.method, 'parent.appRootUri', parent.appRootUri);
    const level = capEventTree(engine.eventTreeLevel({ appRoot, service: parent.service, kind: parent.kind, target: parent.target }));
    // The same rows as the client holds: a few bytes instead of the answer (an app level at 10k elements is ~0.5 MB).
    const tag = treeTag(level);
    return tag === ifChanged ? { apps: [], version: level.version, tag, unchanged: true as const } : { ...level, tag };
  }));

  const info = HandlerInfoRequest.method;
  c.onRequest(HandlerInfoRequest, (p, token) => runSafe(c, info, null, token, async () => {
    const q = handlerInfoParams(info, p);
    await indexing.firstIndex;
    const found = 'uri' in q ? engine.handlerInfoAt(pathOfUri(info, 'uri', q.uri))
      : engine.handlerInfo({ appRoot: pathOfUri(info, 'appRootUri', q.appRootUri), fullName: q.fullName });
    return found && handlerInfoToWire(found);
  }));

  c.onRequest(ListHandlersRequest, (token) => runSafe(c, ListHandlersRequest.method, { handlers: [] }, token, async () => {
    await indexing.firstIndex;
    return toListHandlersResult(engine.listHandlers());
  }));

  const flow = FlowGraphRequest.method;
  c.onRequest(FlowGraphRequest, (p, token) => runSafe(c, flow, { graphs: [], version: -1 }, token, async () => {
    const q = flowGraphParams(flow, p);
    await indexing.firstIndex;
    return { graphs: engine.flowGraph({ scope: q.uri === undefined ? undefined : pathOfUri(flow, 'uri', q.uri), sender: q.sender, depth: q.depth }), version: engine.version };
  }));

  const subs = SubscribersOfRequest.method;
  c.onRequest(SubscribersOfRequest, (p, token) => runSafe(c, subs, { fullNames: [] }, token, async () => {
    const q = subscribersOfParams(subs, p);
    await indexing.firstIndex;
    return { fullNames: engine.customSubscribers(pathOfUri(subs, 'appRootUri', q.appRootUri), q.sender) };
  }));

  const choices = SubscriberChoicesRequest.method;
  c.onRequest(SubscriberChoicesRequest, (p, token) => runSafe(c, choices, { events: [], functions: [], taken: [] }, token, async () => {
    const q = subscriberChoicesParams(choices, p);
    await indexing.firstIndex;
    const r = engine.subscriberChoices(q.appRootUri === undefined ? undefined : pathOfUri(choices, 'appRootUri', q.appRootUri));
    return {
      events: r.events.map(({ appRoot, ...e }) => ({ ...e, appRootUri: pathToUri(appRoot) })),
      functions: r.functions.map(({ appRoot, ...f }) => ({ ...f, appRootUri: pathToUri(appRoot) })),
      taken: r.taken.map((t) => ({ appRootUri: pathToUri(t.appRoot), names: t.names })),
    };
  }));

  const create = NewSubscriberEditRequest.method;
  c.onRequest(NewSubscriberEditRequest, (p, token) => runSafe(c, create, { error: `${create} failed; see the server log` }, token, async () => {
    const q = newSubscriberParams(create, p);
    await indexing.firstIndex;
    const r = engine.newSubscriber({ ...q, appRoot: pathOfUri(create, 'appRootUri', q.appRootUri) });
    if ('error' in r) return r;
    // A client without resource operations still gets documentChanges with CreateFile: it asked for this edit explicitly.
    const edit = toLspEdit(r.changes, { documentChanges: true, createFiles: true });
    return edit ? { edit, open: { uri: pathToUri(r.open.path), range: r.open.range } } : { error: `${create}: no edit` };
  }));
}

/** The answer when a request without a sensible empty result fails (the error itself is logged). */
function failed(method: string): ResponseError<void> {
  return new ResponseError(ErrorCodes.InternalError, `${method} failed; see the server log`);
}
