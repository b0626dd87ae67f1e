/**
 * The source of generated handlers: inner.py's customFunc and a service method, with the signature
 * the event or task Type calls (domain/signatures.ts) and a docstring naming the event, its sender
 * and how it is published; and the functionList entry declaring a generated service function.
 */
import type { ElementRecord } from '../../model/records';
import type { WorkspaceIndex } from '../../workspace/workspaceIndex';
import { msg, type Locale, type MessageId } from '../../i18n/messages';
import { handlerCall, type SignatureWhat } from '../../domain/signatures';
import { listenTarget } from '../../domain/elementTypes';
import { publishSitesOf } from '../eventGraph';
import { titleFromName } from './jsonEdits';

/** What a handler receives: the parameter list (without self) and the docstring line saying so. */
export interface HandlerShape { params: string; doc: MessageId; arg?: { name: string; dataType: string; generic?: string } }

const DOC_OF: Record<SignatureWhat, MessageId> = {
  'sig-what-custom': 'doc-sig-custom', 'sig-what-objmode': 'doc-sig-objmode', 'sig-what-event-data': 'doc-sig-model',
  'sig-what-timer': 'doc-sig-timer', 'sig-what-date-task': 'doc-sig-date-task',
};

/** The shape for an element (undefined: a new custom-event subscriber, which receives *args/**kwargs). */
export function handlerShape(el: ElementRecord | undefined): HandlerShape {
  const call = el ? handlerCall(el) : undefined;
  if (!call) return { params: '*args, **kwargs', doc: 'doc-sig-custom' };
  const params = call.params.slice(1, -1);
  let doc = DOC_OF[call.what];
  if (el?.type === 'events.WorkflowType') doc = 'doc-sig-workflow';
  if (el?.type === 'events.AIAgentType') doc = 'doc-sig-agent';
  const arg = params === 'eventOutData' ? { name: params, dataType: 'JitDict' }
    : params === 'rowData' ? { name: params, dataType: 'RowData', generic: el?.json.props.get('modelPath')?.value as string | undefined }
    : params === 'obj' ? { name: params, dataType: 'JitDict' } : undefined;
  return { params, doc, arg };
}

/** The facts a docstring names. */
export interface HandlerFacts { element: string; title: string; sender?: string; publishedAs?: string }

/** Facts about an existing event/task element: its fullName, title, what it listens to and a publish site. */
export function factsOf(index: WorkspaceIndex, el: ElementRecord): HandlerFacts {
  const sender = listenTarget(el)?.value;
  return { element: el.fullName, title: el.title ?? el.name, sender, publishedAs: sender ? publishedAs(index, el.appRoot, sender) : undefined };
}

/** The first publish call of a sender, on one line, as written. */
export function publishedAs(index: WorkspaceIndex, appRoot: string, sender: string): string | undefined {
  const site = publishSitesOf(index, appRoot, sender)[0];
  if (!site) return undefined;
  const text = index.text(site.py.path);
  if (!('text' in text)) return undefined;
  const call = text.text.slice(site.call.range.start, site.call.range.end).replace(/\s+/g, ' ');
  return call.length > 160 ? `${call.slice(0, 157)}...` : call;
}

/** Text safe inside a """ docstring. */
function docSafe(s: string): string {
  return s.replace(/\\/g, '\\\\').replace(/"""/g, '\\"\\"\\"');
}

function docstring(L: Locale, facts: HandlerFacts, shape: HandlerShape, indent: string): string {
  const lines = [msg(L, 'doc-handler-of', { element: facts.element, title: facts.title })];
  if (facts.sender) lines.push(msg(L, 'doc-sender', { sender: facts.sender }));
  if (facts.publishedAs) lines.push(msg(L, 'doc-published-as', { call: facts.publishedAs }));
  lines.push(msg(L, shape.doc));
  return [`${indent}"""`, ...lines.map((l) => `${indent}${docSafe(l)}`), `${indent}"""`].join('\n');
}

/** `def customFunc(...)` with its docstring, ending with a newline. */
export function customFuncSource(L: Locale, facts: HandlerFacts, shape: HandlerShape): string {
  return `def customFunc(${shape.params}):\n${docstring(L, facts, shape, '    ')}\n    pass\n`;
}

/** A service method `def fn(self, ...)` indented by `indent` (no trailing newline). */
export function methodSource(L: Locale, fn: string, facts: HandlerFacts | undefined, shape: HandlerShape, indent: string): string {
  const body = `${indent}    `;
  const doc = facts ? docstring(L, facts, shape, body) : `${body}"""${docSafe(msg(L, 'doc-function', { title: titleFromName(fn) }))}"""`;
  return `${indent}def ${fn}(self${shape.params ? `, ${shape.params}` : ''}):\n${doc}\n${body}pass`;
}

/** The functionList entry declaring a generated function. */
export function functionEntry(L: Locale, fn: string, shape: HandlerShape): Record<string, unknown> {
  const args = shape.arg
    ? [{ name: shape.arg.name, title: msg(L, `arg-title-${shape.arg.name}` as MessageId), dataType: shape.arg.dataType, ...(shape.arg.generic ? { generic: shape.arg.generic } : {}) }]
    : [];
  return { name: fn, title: titleFromName(fn), args, returnType: 'None' };
}

/** The eventDescs entry declaring an event. */
export function eventEntry(event: string): Record<string, unknown> {
  return { name: event, title: titleFromName(event) };
}
