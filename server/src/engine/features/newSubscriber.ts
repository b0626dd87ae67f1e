/**
 * "New Event Subscriber…": the declared custom events and service functions to choose from, and the
 * files of a new events.NormalType element subscribing to one (e.json, plus inner.py and
 * __init__.py for an Inner handler, or the service function for a Global one), as the JitAi IDE's
 * custom-event dialog creates them. Pure: it computes changes, the caller applies them.
 */
import type { Range } from '../../../../shared/src/protocol/types';
import type { WorkspaceIndex } from '../workspace/workspaceIndex';
import { msg } from '../i18n/messages';
import { declaredEvents, splitSender } from '../domain/senders';
import { declaredFunctions, findMethod, implementationClass } from '../domain/handlers';
import { EVENT_TYPES } from '../domain/elementTypes';
import { LineIndex } from '../text/lineIndex';
import type { FileChange } from './edits/fileChanges';
import { titleFromName } from './edits/jsonEdits';
import { customFuncSource, handlerShape, publishedAs, type HandlerFacts } from './edits/handlerStubs';
import { serviceFunctionChanges } from './edits/serviceFunction';
import { listenersOf } from './eventGraph';

export interface SubscriberEventChoice { appRoot: string; sender: string; service: string; event: string; title?: string; subscribers: number; defaultName: string }
export interface SubscriberChoices {
  events: SubscriberEventChoice[];
  functions: { appRoot: string; service: string; name: string }[];
  /** Names already used by elements under events/ of each app (a new subscriber cannot take them). */
  taken: { appRoot: string; names: string[] }[];
}

export interface NewSubscriberRequest {
  appRoot: string;
  sender: string;
  /** The element's folder name under events/. */
  name: string;
  funcType: 'Inner' | 'Global';
  /** Global: `<service fullName>.<function>`; a function the service lacks is added to it. */
  func?: string;
  title?: string;
}
export type NewSubscriberResult = { changes: FileChange[]; open: { path: string; range: Range } } | { error: string };

const NAME_RE = /^[A-Za-z_]\w*$/;

function takenNames(index: WorkspaceIndex, appRoot: string): string[] {
  const out: string[] = [];
  for (const el of index.elementsOfApp(appRoot)) if (/^events\.[^.]+$/.test(el.fullName)) out.push(el.name);
  return out;
}

/** `On` + the event name with a capital (orderPaid → OnOrderPaid), numbered when taken. */
export function defaultSubscriberName(event: string, taken: readonly string[]): string {
  const base = `On${event.charAt(0).toUpperCase()}${event.slice(1)}`;
  const lower = new Set(taken.map((n) => n.toLowerCase()));
  let name = base;
  for (let i = 2; lower.has(name.toLowerCase()); i++) name = `${base}${i}`;
  return name;
}

/** Declared events (with their services) and service functions of every app, or of one. */
export function subscriberChoices(index: WorkspaceIndex, appRoot?: string): SubscriberChoices {
  const out: SubscriberChoices = { events: [], functions: [], taken: [] };
  for (const app of index.allApps()) {
    if (appRoot && app.root !== appRoot) continue;
    const taken = takenNames(index, app.root);
    out.taken.push({ appRoot: app.root, names: taken });
    for (const svc of index.elementsOfKind(app.root, 'service')) {
      for (const e of svc.json.eventDescs?.entries ?? []) {
        const event = e.name?.value;
        if (typeof event !== 'string' || !event) continue;
        const sender = `${svc.fullName}.${event}`;
        const title = typeof e.title?.value === 'string' ? e.title.value : undefined;
        out.events.push({ appRoot: app.root, sender, service: svc.fullName, event, title, subscribers: listenersOf(index, app.root, sender).length, defaultName: defaultSubscriberName(event, taken) });
      }
      const methods = implementationClass(index, svc)?.cls.methods.map((m) => m.name).filter((n) => !n.startsWith('_')) ?? [];
      for (const name of new Set([...declaredFunctions(svc), ...methods])) out.functions.push({ appRoot: app.root, service: svc.fullName, name });
    }
  }
  out.events.sort((a, b) => (a.sender < b.sender ? -1 : 1));
  return out;
}

function json(obj: Record<string, unknown>): string {
  return `${JSON.stringify(obj, null, 2)}\n`;
}

/** The files of a new subscriber, and where its handler is. */
export function newSubscriber(index: WorkspaceIndex, req: NewSubscriberRequest): NewSubscriberResult {
  const L = index.locale;
  if (!NAME_RE.test(req.name)) return { error: msg(L, 'subscriber-name-invalid', { name: req.name }) };
  const parts = splitSender(req.sender);
  const service = parts && index.element(req.appRoot, parts.service);
  if (!parts || !service || !declaredEvents(service).includes(parts.event)) return { error: msg(L, 'subscriber-event-unknown', { sender: req.sender }) };
  const fullName = `events.${req.name}`;
  const dir = `${req.appRoot}/events/${req.name}`;
  const taken = takenNames(index, req.appRoot).map((n) => n.toLowerCase());
  if (index.element(req.appRoot, fullName) || taken.includes(req.name.toLowerCase()) || 'text' in index.text(`${dir}/e.json`)) {
    return { error: msg(L, 'subscriber-name-exists', { fullName }) };
  }
  const title = req.title?.trim() || titleFromName(req.name);
  const facts: HandlerFacts = { element: fullName, title, sender: req.sender, publishedAs: publishedAs(index, req.appRoot, req.sender) };
  const shape = handlerShape(undefined);
  const ej: Record<string, unknown> = { title, type: EVENT_TYPES.custom, sender: req.sender, funcType: req.funcType };
  if (req.funcType === 'Inner') {
    Object.assign(ej, { asyncType: false, enable: 1, backendBundleEntry: '.' });
    const changes: FileChange[] = [
      { kind: 'create', path: `${dir}/e.json`, text: json(ej) },
      { kind: 'create', path: `${dir}/inner.py`, text: customFuncSource(L, facts, shape) },
      { kind: 'create', path: `${dir}/__init__.py`, text: 'from .inner import customFunc\n' },
    ];
    return { changes, open: { path: `${dir}/inner.py`, range: { start: { line: 0, character: 4 }, end: { line: 0, character: 14 } } } };
  }
  return globalSubscriber(index, req, dir, ej, facts);
}

function globalSubscriber(index: WorkspaceIndex, req: NewSubscriberRequest, dir: string, ej: Record<string, unknown>, facts: HandlerFacts): NewSubscriberResult {
  const L = index.locale;
  const func = req.func ?? '';
  const i = func.lastIndexOf('.');
  const target = i > 0 ? index.element(req.appRoot, func.slice(0, i)) : undefined;
  const fn = func.slice(i + 1);
  if (!target || !NAME_RE.test(fn)) return { error: msg(L, 'subscriber-func-invalid', { name: func }) };
  Object.assign(ej, { func, asyncType: false, enable: 1, backendBundleEntry: '.' });
  const changes: FileChange[] = [{ kind: 'create', path: `${dir}/e.json`, text: json(ej) }];
  const impl = implementationClass(index, target);
  const method = findMethod(impl, fn);
  if (method && impl) {
    const lines = index.python(impl.file)!.lines;
    if (!declaredFunctions(target).includes(fn)) changes.push(...serviceFunctionChanges(index, L, target, fn, facts, handlerShape(undefined), { entry: true, method: false }) ?? []);
    return { changes, open: { path: impl.file, range: lines.range(method.nameRange.start, method.nameRange.end) } };
  }
  if (!impl) return { error: msg(L, 'subscriber-func-invalid', { name: func }) };
  const added = serviceFunctionChanges(index, L, target, fn, facts, handlerShape(undefined), { entry: !declaredFunctions(target).includes(fn), method: true });
  if (!added) return { error: msg(L, 'subscriber-func-invalid', { name: func }) };
  changes.push(...added);
  // The method stub is the last change: `\n\n` then the def line, indented.
  const stub = added[added.length - 1];
  const at = stub.kind === 'edit' ? stub.edits[0] : undefined;
  const defLine = at ? new LineIndex(at.newText).positionAt(at.newText.indexOf('def ')) : { line: 0, character: 0 };
  const line = (at?.range.start.line ?? 0) + defLine.line;
  const character = defLine.character + 4;
  return { changes, open: { path: impl.file, range: { start: { line, character }, end: { line, character: character + fn.length } } } };
}
