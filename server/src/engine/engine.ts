/**
 * The engine facade: one object the language server, the CLI, the benchmark and the tests drive.
 * Every method takes file-system paths and offsets (the LSP layer converts URIs and positions at
 * its edge) and never throws on user input.
 */
import type {
  EventTreeResult, FlowGraph, HandlerInfoOnDisk, ListHandlersOnDisk, Location, Range,
} from '../../../shared/src/protocol/types';
import type { EngineDiagnostic } from './model/diagnostics';
import type { AppRecord, ElementRecord } from './model/records';
import type { OffsetRange } from './python/types';
import type { FileHost, ReadResult } from './files/fileHost';
import { normalizePath } from './files/paths';
import { tooBigForFeatures } from './files/limits';
import { msg, type Locale } from './i18n/messages';
import type { IndexProgress } from './workspace/workspaceIndex';
import { CheckedIndex } from './checkedIndex';
import { parseSeverityOverrides, type SeverityProblem } from './check/severityOverrides';
import { completeAt, type CompletionOptions, type EngineCompletion } from './features/completion';
import { definitionAt } from './features/definition';
import { eventAt, eventReferences, renameEvent, type TextEditByFile } from './features/eventReferences';
import { hoverAt } from './features/hover';
import { codeLenses, listHandlers, type EngineLens, type LensOptions } from './features/codeLenses';
import { codeActionsFor, type ActionDiagnostic, type EngineCodeAction } from './features/codeActions';
import { newSubscriber, subscriberChoices, type NewSubscriberRequest, type NewSubscriberResult, type SubscriberChoices } from './features/newSubscriber';
import type { FileChange } from './features/edits/fileChanges';
import { buildEventTree } from './features/eventTree';
import { eventTreeLevel, type EventTreeLevel } from './features/eventTreeLevels';
import { handlerInfo } from './features/handlerInfo';
import { customSubscribers, listenersOf } from './features/eventGraph';
import { buildFlowGraphs, type FlowGraphOptions } from './features/flowGraph';
import { isListener } from './domain/elementTypes';
import type { SubscriberKind } from '../../../shared/src/protocol/types';

export interface EngineOptions {
  host?: FileHost;
  locale?: string;
  /** Exclusion globs of every workspace folder without a list of its own (see setExclude). */
  exclude?: readonly string[];
  /** Where the engine reports its own failures (a rule that threw); default: nowhere. */
  log?: (message: string) => void;
  /** The user's severity per diagnostic code: `{ "<code>": "off" | "info" | "warning" | "error" }`. */
  severity?: Readonly<Record<string, unknown>>;
  /** Index once and never update (the CLI): skips what only re-checking after a change needs. */
  oneShot?: boolean;
}

/** What the engine reports about the index as a whole (status item, CLI summary). */
export interface EngineStats {
  apps: number; elements: number; pythonFiles: number; events: number; subscribers: number; errors: number; warnings: number;
}

/** A handler is named by its app root (a path) and the event/task element's fullName. */
export interface HandlerRef { appRoot: string; fullName: string }

export type RenameResult = { edits: TextEditByFile[] } | { error: string };

export function createEngine(opts: EngineOptions = {}): Engine {
  return new Engine(opts);
}

export class Engine {
  /** The index behind the facade. Features and tests inside the engine use it; adapters should not. */
  readonly index: CheckedIndex;

  constructor(opts: EngineOptions = {}) {
    this.index = new CheckedIndex(opts);
    if (opts.severity) this.index.checker.overrides = parseSeverityOverrides(opts.severity).overrides;
  }

  /**
   * The user's severity per diagnostic code ('off' drops the code). Re-checks what is indexed; returns
   * the files whose problems changed and the entries that were ignored (unknown code or level).
   */
  setSeverity(raw: Readonly<Record<string, unknown>>): { changed: string[]; problems: SeverityProblem[] } {
    const { overrides, problems } = parseSeverityOverrides(raw);
    const same = overrides.size === this.index.checker.overrides.size && [...overrides].every(([k, v]) => this.index.checker.overrides.get(k) === v);
    return { changed: same ? [] : this.index.checker.setOverrides(overrides), problems };
  }

  // ---- configuration and indexing -------------------------------------------------------------

  get locale(): Locale { return this.index.locale; }
  get version(): number { return this.index.version; }
  get lastIndexMs(): number { return this.index.lastIndexMs; }
  get workspaceFolders(): readonly string[] { return this.index.workspaceFolders; }
  setFolders(folders: string[]): void { this.index.setFolders(folders); }
  setLocale(tag: string | undefined): boolean { return this.index.setLocale(tag); }
  /**
   * Who reports JSON syntax errors of open e.json files: 'client' when the editor's own JSON support
   * shows them (VS Code), so each problem appears once; 'engine' (default) otherwise (Neovim, CLI).
   */
  setJsonSyntaxErrors(owner: 'client' | 'engine'): void { this.index.clientSyntaxErrors = owner === 'client'; }
  /**
   * Exclusion globs, relative to a workspace folder. With `folder` they apply to that folder only;
   * without, to every folder that has no list of its own. Takes effect on the next indexAll or change.
   */
  setExclude(globs: readonly string[], folder?: string): void { this.index.setExclude(globs, folder); }
  /** Exclusion globs that do not compile (e.g. `[z-a]`); they are ignored. Adapters should tell the user. */
  invalidExcludes(): string[] { return this.index.invalidExcludes(); }

  /** True for a path outside every workspace folder or excluded by the settings (folders: pass `<dir>/x`). */
  isExcluded(path: string): boolean { return this.index.isExcluded(normalizePath(path)); }

  /** Reads every folder from scratch. A newer call makes an older one stop early (returns false). */
  indexAll(onProgress?: (p: IndexProgress) => void, yieldEvery?: number, yieldAfterMs?: number): Promise<boolean> {
    return this.index.indexAll(onProgress, yieldEvery, yieldAfterMs);
  }
  /** Files or folders changed on disk; returns the files whose diagnostics changed. */
  applyChanges(paths: string[]): string[] { return this.index.applyChanges(paths); }
  /** An editor's unsaved text (undefined: closed); returns the files whose diagnostics changed. */
  setOverlay(path: string, text: string | undefined): string[] { return this.index.setOverlay(path, text); }
  /** Like applyChanges, but only the records: requests see the change at once; checking waits for checkPending. */
  applyRecords(paths: string[]): void { this.index.applyRecords(paths); }
  /** Like setOverlay, but only the records (see applyRecords). */
  setOverlayRecords(path: string, text: string | undefined): void { this.index.setOverlayRecords(path, text); }
  /** Checks files left pending for at most `budgetMs` (default: all); returns those whose problems changed. */
  checkPending(budgetMs?: number): string[] { return this.index.checkPending(budgetMs); }
  /** Files whose diagnostics still wait for checkPending. */
  get pendingChecks(): number { return this.index.pendingChecks; }

  // ---- results --------------------------------------------------------------------------------

  diagnosticsOf(path: string): EngineDiagnostic[] { return this.index.diagnosticsOf(path); }
  allDiagnostics(): ReadonlyMap<string, EngineDiagnostic[]> { return this.index.allDiagnostics(); }
  stats(): EngineStats { return this.index.stats(); }
  /**
   * What could not be read (path -> reason): folders that could not be listed and files that could
   * not be opened (e.g. no permission). Their problems, if any, are unknown: the CLI fails on them.
   */
  unreadable(): Map<string, string> {
    const out = new Map(this.index.unreadableFolders());
    for (const r of [...this.index.allElements(), ...this.index.allPython()]) {
      if (r.unreadable?.startsWith('unreadable')) out.set(r.path, r.unreadable.slice('unreadable:'.length) || 'unreadable');
    }
    return out;
  }
  apps(): AppRecord[] { return this.index.allApps(); }
  /** A file's text through the engine's file host (size and kind limits applied). */
  read(path: string): ReadResult { return this.index.host.read(normalizePath(path)); }

  // ---- language features (path, text, offset) -------------------------------------------------

  // Documents over files/limits.ts's size or nesting depth get no cursor features (answered at once).
  complete(path: string, text: string, offset: number, opts?: CompletionOptions): EngineCompletion[] | null {
    if (cursorFeaturesOff(text)) return null;
    return completeAt(this.index, normalizePath(path), text, offset, opts);
  }
  definition(path: string, text: string, offset: number): Location[] {
    if (cursorFeaturesOff(text)) return [];
    return definitionAt(this.index, normalizePath(path), text, offset);
  }
  references(path: string, text: string, offset: number, includeDeclaration: boolean): Location[] {
    if (cursorFeaturesOff(text)) return [];
    return eventReferences(this.index, normalizePath(path), text, offset, includeDeclaration);
  }
  hover(path: string, text: string, offset: number): { markdown: string; range: OffsetRange } | undefined {
    if (cursorFeaturesOff(text)) return undefined;
    return hoverAt(this.index, normalizePath(path), text, offset);
  }
  /** The editable part of a rename at the cursor (the event name after the service), or undefined. */
  /**
   * The event-name part under the cursor; a localized refusal on the service part of a sender (the
   * service is its folder, renamed in the Explorer); undefined where no event is named.
   */
  prepareRename(path: string, text: string, offset: number): { range: OffsetRange; placeholder: string } | { error: string } | undefined {
    const ev = cursorFeaturesOff(text) ? undefined : eventAt(this.index, normalizePath(path), text, offset);
    if (!ev) return undefined;
    const start = ev.range.end - ev.event.length;
    if (offset < start) return { error: msg(this.locale, 'rename-service-part') };
    return { range: { start, end: ev.range.end }, placeholder: ev.event };
  }
  /** Edits per file, or a localized message saying why the rename cannot happen. */
  rename(path: string, text: string, offset: number, newName: string): RenameResult {
    if (cursorFeaturesOff(text)) return { error: msg(this.locale, 'rename-not-here', { name: newName }) };
    const r = renameEvent(this.index, normalizePath(path), text, offset, newName);
    if ('error' in r) {
      const id = r.error === 'invalid' ? 'rename-invalid' : r.error === 'exists' ? 'rename-exists' : 'rename-not-here';
      return { error: msg(this.locale, id, { name: newName }) };
    }
    return { edits: r };
  }
  codeLenses(path: string, opts?: LensOptions): EngineLens[] { return codeLenses(this.index, normalizePath(path), opts); }
  /**
   * Quick fixes for the diagnostics the editor sends back for `range` of the file: "Change to …" and
   * fixes that create what is missing (inner.py, customFunc, an eventDescs entry, a service function).
   */
  codeActions(path: string, text: string, range: Range, diagnostics: readonly ActionDiagnostic[]): EngineCodeAction[] {
    void range; // the diagnostics the editor sends are the ones at the range
    return codeActionsFor(this.index, normalizePath(path), text, diagnostics);
  }

  // ---- New Event Subscriber -------------------------------------------------------------------

  /** Declared events, service functions and taken element names of every app (or of one). */
  subscriberChoices(appRoot?: string): SubscriberChoices {
    return subscriberChoices(this.index, appRoot === undefined ? undefined : normalizePath(appRoot));
  }
  /** The files of a new subscriber element (a pure computation; nothing is written), or why it cannot be created. */
  newSubscriber(req: NewSubscriberRequest): NewSubscriberResult {
    return newSubscriber(this.index, { ...req, appRoot: normalizePath(req.appRoot) });
  }

  // ---- events tree and Run handler ------------------------------------------------------------

  eventTree(filter?: string): EventTreeResult { return buildEventTree(this.index, filter || undefined); }
  /** One level of the events tree (the children of one node); paths as everywhere in the facade. */
  eventTreeLevel(level: EventTreeLevel): EventTreeResult {
    return eventTreeLevel(this.index, level.appRoot === undefined ? level : { ...level, appRoot: normalizePath(level.appRoot) });
  }
  /** The event flow graph of each app in `scope` (a path), or the neighbourhood of one event. */
  flowGraph(opts: FlowGraphOptions = {}): FlowGraph[] {
    return buildFlowGraphs(this.index, { ...opts, scope: opts.scope === undefined ? undefined : normalizePath(opts.scope) });
  }
  listHandlers(): ListHandlersOnDisk { return listHandlers(this.index); }
  /** The event/task element a file belongs to (its e.json or any file in its folder). */
  elementOwning(path: string): ElementRecord | undefined {
    const p = normalizePath(path);
    return this.index.elementAt(p) ?? this.index.elementOwning(p);
  }
  /** What Run handler executes for the element at/owning `path`, or for app root + fullName. */
  handlerInfoAt(path: string): HandlerInfoOnDisk | null {
    const el = this.elementOwning(path);
    return el ? handlerInfo(this.index, el) : null;
  }
  handlerInfo(ref: { appRoot?: string; fullName: string }): HandlerInfoOnDisk | null {
    const root = ref.appRoot ? normalizePath(ref.appRoot) : undefined;
    for (const app of this.index.allApps()) {
      if (root && app.root !== root) continue;
      const el = this.index.element(app.root, ref.fullName);
      if (el) return handlerInfo(this.index, el);
    }
    return null;
  }
  /** Event/task elements of the workspace (for "no such element" messages). */
  handlerElements(appRoot?: string): ElementRecord[] {
    const root = appRoot ? normalizePath(appRoot) : undefined;
    return [...this.index.allElements()].filter((e) => isListener(e) && (!root || e.appRoot === root));
  }
  /** Custom-event subscribers of a sender (what Run chain dispatches a published event to). */
  customSubscribers(appRoot: string, sender: string): string[] {
    return customSubscribers(this.index, normalizePath(appRoot), sender);
  }
  /** Every listener of a sender: custom subscribers of a custom event, or the events/tasks referencing a model, assistant or agent. */
  listeners(appRoot: string, sender: string): { fullName: string; kind: SubscriberKind }[] {
    return listenersOf(this.index, normalizePath(appRoot), sender).map((l) => ({ fullName: l.el.fullName, kind: l.kind }));
  }
}

/** tooBigForFeatures with a one-entry memo: a client asks many questions about the same text. */
let lastText: string | undefined;
let lastOff = false;
function cursorFeaturesOff(text: string): boolean {
  if (text !== lastText) { lastText = text; lastOff = tooBigForFeatures(text); }
  return lastOff;
}

export type {
  EngineCompletion, CompletionOptions, EngineLens, FlowGraphOptions, IndexProgress, Range, TextEditByFile, LensOptions,
  ActionDiagnostic, EngineCodeAction, FileChange, NewSubscriberRequest, NewSubscriberResult, SubscriberChoices,
};
