/**
 * Checks the parameters of the jitai/* requests before any handler runs: null, missing or wrongly
 * typed fields are answered with ResponseError(InvalidParams, "<method>: …") naming what was expected.
 */
import { ErrorCodes, ResponseError } from 'vscode-languageserver/node';
import type { EventTreeParams, EventTreeParent, FlowGraphParams, HandlerInfoParams, SubscribersOfParams, SubscriberKind } from '../../../shared/src/protocol/types';
import type { NewSubscriberEditParams, SubscriberChoicesParams } from '../../../shared/src/protocol/subscriber';
import { uriToPath } from '../../../shared/src/protocol/uris';

function invalid(method: string, expected: string, got: unknown): ResponseError<void> {
  const json = JSON.stringify(got) ?? String(got);
  const shown = got === null ? 'null' : Array.isArray(got) ? 'an array' : typeof got === 'object' ? json : `${typeof got} ${json}`;
  return new ResponseError(ErrorCodes.InvalidParams, `${method}: expected ${expected}, got ${shown.length > 200 ? `${shown.slice(0, 200)}…` : shown}`);
}

function asObject(method: string, expected: string, p: unknown): Record<string, unknown> {
  if (!p || typeof p !== 'object' || Array.isArray(p)) throw invalid(method, expected, p);
  return p as Record<string, unknown>;
}

/** A `file:` URI as a path, or an InvalidParams error naming the field. */
export function pathOfUri(method: string, field: string, uri: string): string {
  const path = uriToPath(uri);
  if (!path) throw new ResponseError(ErrorCodes.InvalidParams, `${method}: ${field} must be a file: URI, got ${JSON.stringify(uri)}`);
  return path;
}

const EVENT_TREE = '{ filter?: string }';
const EVENT_TREE_PARENT = '{ filter?: string; parent?: { appRootUri?: string; service?: string; kind?: string; target?: string } }';
const KINDS = new Set<string>(['custom', 'model', 'workflow', 'assistant', 'agent', 'task', 'other']);
export function eventTreeParams(method: string, p: unknown): EventTreeParams {
  const o = asObject(method, EVENT_TREE, p);
  if (o.filter !== undefined && o.filter !== null && typeof o.filter !== 'string') throw invalid(method, EVENT_TREE, p);
  const out: EventTreeParams = typeof o.filter === 'string' ? { filter: o.filter } : {};
  if (typeof o.ifChanged === 'string') out.ifChanged = o.ifChanged;
  if (o.parent === undefined || o.parent === null) return out;
  const q = asObject(method, EVENT_TREE_PARENT, o.parent);
  const parent: EventTreeParent = {};
  for (const key of ['appRootUri', 'service', 'target'] as const) {
    const v = q[key];
    if (v === undefined || v === null) continue;
    if (typeof v !== 'string') throw invalid(method, EVENT_TREE_PARENT, p);
    parent[key] = v;
  }
  if (q.kind !== undefined && q.kind !== null) {
    if (typeof q.kind !== 'string' || !KINDS.has(q.kind)) throw invalid(method, EVENT_TREE_PARENT, p);
    parent.kind = q.kind as SubscriberKind;
  }
  if ((parent.service !== undefined || parent.kind !== undefined) && parent.appRootUri === undefined) throw invalid(method, EVENT_TREE_PARENT, p);
  if (parent.target !== undefined && parent.kind === undefined) throw invalid(method, EVENT_TREE_PARENT, p);
  out.parent = parent;
  return out;
}

const HANDLER_INFO = '{ uri: string } or { appRootUri: string; fullName: string }';
export function handlerInfoParams(method: string, p: unknown): HandlerInfoParams {
  const o = asObject(method, HANDLER_INFO, p);
  if (typeof o.uri === 'string') return { uri: o.uri };
  if (typeof o.appRootUri === 'string' && typeof o.fullName === 'string') return { appRootUri: o.appRootUri, fullName: o.fullName };
  throw invalid(method, HANDLER_INFO, p);
}

const SUBSCRIBERS_OF = '{ appRootUri: string; sender: string }';
export function subscribersOfParams(method: string, p: unknown): SubscribersOfParams {
  const o = asObject(method, SUBSCRIBERS_OF, p);
  if (typeof o.appRootUri !== 'string' || typeof o.sender !== 'string') throw invalid(method, SUBSCRIBERS_OF, p);
  return { appRootUri: o.appRootUri, sender: o.sender };
}

const FLOW_GRAPH = '{ uri?: string; sender?: string; depth?: number (>= 1) }';
export function flowGraphParams(method: string, p: unknown): FlowGraphParams {
  const o = asObject(method, FLOW_GRAPH, p);
  const out: FlowGraphParams = {};
  for (const key of ['uri', 'sender'] as const) {
    const v = o[key];
    if (v === undefined || v === null) continue;
    if (typeof v !== 'string') throw invalid(method, FLOW_GRAPH, p);
    out[key] = v;
  }
  if (o.depth !== undefined && o.depth !== null) {
    if (typeof o.depth !== 'number' || !Number.isInteger(o.depth) || o.depth < 1) throw invalid(method, FLOW_GRAPH, p);
    out.depth = o.depth;
  }
  return out;
}

const CHOICES = '{ appRootUri?: string }';
export function subscriberChoicesParams(method: string, p: unknown): SubscriberChoicesParams {
  const o = p === undefined || p === null ? {} : asObject(method, CHOICES, p);
  if (o.appRootUri !== undefined && o.appRootUri !== null && typeof o.appRootUri !== 'string') throw invalid(method, CHOICES, p);
  return typeof o.appRootUri === 'string' ? { appRootUri: o.appRootUri } : {};
}

const NEW_SUBSCRIBER = '{ appRootUri: string; sender: string; name: string; funcType: "Inner" | "Global"; func?: string; title?: string }';
export function newSubscriberParams(method: string, p: unknown): NewSubscriberEditParams {
  const o = asObject(method, NEW_SUBSCRIBER, p);
  const optional = (v: unknown) => v === undefined || v === null || typeof v === 'string';
  if (typeof o.appRootUri !== 'string' || typeof o.sender !== 'string' || typeof o.name !== 'string'
    || (o.funcType !== 'Inner' && o.funcType !== 'Global') || !optional(o.func) || !optional(o.title)) throw invalid(method, NEW_SUBSCRIBER, p);
  const out: NewSubscriberEditParams = { appRootUri: o.appRootUri, sender: o.sender, name: o.name, funcType: o.funcType };
  if (typeof o.func === 'string') out.func = o.func;
  if (typeof o.title === 'string') out.title = o.title;
  return out;
}
