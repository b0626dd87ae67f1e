/**
 * Quick fixes for the diagnostics under the cursor: "Change to …" (the diagnostic's own fix), and
 * fixes that create what a message says is missing: inner.py or its customFunc (with __init__.py's
 * re-export), an undeclared event in the service's eventDescs, a missing service function (functionList
 * entry and method stub) or the missing half of one. Each action is one list of file changes.
 */
import type { Range } from '../../../../shared/src/protocol/types';
import type { ElementRecord } from '../model/records';
import type { WorkspaceIndex } from '../workspace/workspaceIndex';
import { msg, type Locale } from '../i18n/messages';
import { stringProp } from '../elements/elementJson';
import { splitSender } from '../domain/senders';
import { declaredFunctions, funcProp, implementationClass, splitFunc } from '../domain/handlers';
import { LineIndex } from '../text/lineIndex';
import { editOf, type FileChange } from './edits/fileChanges';
import { appendToTopLevelArray } from './edits/jsonEdits';
import { addImportLine, appendTopLevel } from './edits/pythonEdits';
import { customFuncSource, eventEntry, factsOf, handlerShape, type HandlerShape } from './edits/handlerStubs';
import { serviceFunctionChanges, textOf } from './edits/serviceFunction';

/** A diagnostic as the editor sends it back: code, range and the replacement some diagnostics carry. */
export interface ActionDiagnostic { code?: string | number; range: Range; fix?: { range: Range; newText: string } }

export interface EngineCodeAction {
  title: string;
  /** Index of the diagnostic (in the list passed in) the action fixes. */
  diagnostic: number;
  changes: FileChange[];
  /** True when the action creates files (clients without resource operations cannot apply it). */
  createsFiles: boolean;
  preferred: boolean;
}

type Fix = { title: string; changes: FileChange[] } | undefined;

/** The quick fixes for `diagnostics` of the file at `path` (its current text is `text`). */
export function codeActionsFor(index: WorkspaceIndex, path: string, text: string, diagnostics: readonly ActionDiagnostic[]): EngineCodeAction[] {
  const L = index.locale;
  const out: EngineCodeAction[] = [];
  const lines = new LineIndex(text);
  diagnostics.forEach((d, i) => {
    if (d.fix) {
      out.push({ title: msg(L, 'fix-change-to', { value: d.fix.newText }), diagnostic: i, preferred: true, createsFiles: false,
        changes: [{ kind: 'edit', path, edits: [{ range: d.fix.range, newText: d.fix.newText }] }] });
    }
    let fix: Fix;
    try {
      fix = createFix(index, L, path, lines, d);
    } catch {
      fix = undefined; // a fix never breaks the request: no action instead
    }
    if (fix?.changes.length) {
      out.push({ ...fix, diagnostic: i, preferred: !d.fix, createsFiles: fix.changes.some((c) => c.kind === 'create') });
    }
  });
  return out;
}

function createFix(index: WorkspaceIndex, L: Locale, path: string, lines: LineIndex, d: ActionDiagnostic): Fix {
  const el = index.elementAt(path);
  switch (d.code) {
    case 'inner-file-missing': return el && innerFix(index, L, el, 'create');
    case 'custom-func-missing': return el && innerFix(index, L, el, 'append');
    case 'unknown-event': {
      const sender = path.endsWith('.py') ? publishSenderAt(index, path, lines.offsetAt(d.range.start)) : el && stringProp(el.json, 'sender')?.value;
      const appRoot = el?.appRoot ?? index.python(path)?.appRoot;
      return sender && appRoot ? declareEventFix(index, L, appRoot, sender) : undefined;
    }
    case 'func-not-found': return el && addFunctionFix(index, L, el);
    case 'func-not-in-function-list': return el && declareFunctionFix(index, L, el);
    case 'function-not-implemented': return el && addMethodFix(index, L, el, lines.offsetAt(d.range.start));
    default: return undefined;
  }
}

/** The sender literal of the publish call at `offset` of a Python file. */
function publishSenderAt(index: WorkspaceIndex, path: string, offset: number): string | undefined {
  const call = index.python(path)?.scan.publishCalls.find((c) => c.sender && offset >= c.sender.range.start && offset <= c.sender.range.end);
  return call?.sender?.value;
}

/** __init__.py re-exporting customFunc: created when missing, an import added when it lacks one. */
function initReexport(index: WorkspaceIndex, dir: string): FileChange | undefined {
  const initPath = `${dir}/__init__.py`;
  const text = textOf(index, initPath);
  const line = 'from .inner import customFunc';
  if (text === undefined) return { kind: 'create', path: initPath, text: `${line}\n` };
  const imports = index.python(initPath)?.scan.imports ?? [];
  if (imports.some((i) => i.module === '.inner' && i.names.some((n) => n.name === 'customFunc' || n.name === '*'))) return undefined;
  return editOf(initPath, text, [addImportLine(text, line)]);
}

/** inner.py created with customFunc, or customFunc appended to the existing inner.py. */
export function innerFix(index: WorkspaceIndex, L: Locale, el: ElementRecord, mode: 'create' | 'append'): Fix {
  const innerPath = `${el.dir}/inner.py`;
  const existing = textOf(index, innerPath);
  if ((mode === 'create') !== (existing === undefined)) return undefined;
  const source = customFuncSource(L, factsOf(index, el), handlerShape(el));
  const changes: FileChange[] = [existing === undefined
    ? { kind: 'create', path: innerPath, text: source }
    : editOf(innerPath, existing, [appendTopLevel(existing, source)])];
  const init = initReexport(index, el.dir);
  if (init) changes.push(init);
  return { title: msg(L, mode === 'create' ? 'fix-create-inner' : 'fix-add-custom-func'), changes };
}

/** `{ "name": event, "title": … }` appended to the service's eventDescs (created when missing). */
export function declareEventFix(index: WorkspaceIndex, L: Locale, appRoot: string, sender: string): Fix {
  const parts = splitSender(sender);
  const service = parts && index.element(appRoot, parts.service);
  const text = service && textOf(index, service.path);
  if (!parts || !service || text === undefined) return undefined;
  const edits = appendToTopLevelArray(text, 'eventDescs', eventEntry(parts.event));
  if (!edits) return undefined;
  return { title: msg(L, 'fix-declare-event', { event: parts.event, service: parts.service }), changes: [editOf(service.path, text, edits)] };
}

function funcTarget(index: WorkspaceIndex, el: ElementRecord) {
  const parts = splitFunc(funcProp(el)?.value ?? '');
  const service = parts && index.element(el.appRoot, parts.element);
  return parts && service ? { fn: parts.fn, service } : undefined;
}

/** func names a function its element lacks entirely: declare it and add the method. */
function addFunctionFix(index: WorkspaceIndex, L: Locale, el: ElementRecord): Fix {
  const t = funcTarget(index, el);
  if (!t || !implementationClass(index, t.service)) return undefined;
  const changes = serviceFunctionChanges(index, L, t.service, t.fn, factsOf(index, el), handlerShape(el), { entry: !declaredFunctions(t.service).includes(t.fn), method: true });
  return changes && { title: msg(L, 'fix-add-function', { fn: t.fn, service: t.service.fullName }), changes };
}

/** The method exists but functionList does not declare it. */
function declareFunctionFix(index: WorkspaceIndex, L: Locale, el: ElementRecord): Fix {
  const t = funcTarget(index, el);
  if (!t) return undefined;
  const changes = serviceFunctionChanges(index, L, t.service, t.fn, factsOf(index, el), handlerShape(el), { entry: true, method: false });
  return changes && { title: msg(L, 'fix-declare-function', { fn: t.fn, service: t.service.fullName }), changes };
}

/** functionList declares a function service.py lacks: add the method with the declared args. */
function addMethodFix(index: WorkspaceIndex, L: Locale, service: ElementRecord, offset: number): Fix {
  const entry = service.json.functionList?.entries.find((e) => e.name && offset >= e.name.range.start && offset <= e.name.range.end);
  const fn = entry?.name?.value;
  const impl = implementationClass(index, service);
  if (typeof fn !== 'string' || !impl) return undefined;
  const shape: HandlerShape = { params: (entry?.argNames ?? []).join(', '), doc: 'doc-sig-custom' };
  const changes = serviceFunctionChanges(index, L, service, fn, undefined, shape, { entry: false, method: true });
  return changes && { title: msg(L, 'fix-add-method', { fn, cls: impl.cls.name }), changes };
}
