import {
  CodeActionKind, DidChangeWatchedFilesNotification, FileChangeType, TextDocumentSyncKind, WatchKind,
  type CodeAction, type Connection, type Range, type CancellationToken, type InitializeParams, type InitializeResult, type WorkspaceEdit,
  TextDocuments, ResponseError, ErrorCodes,
} from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import * as fs from 'node:fs';
import { WorkspaceIndex, fileKind, normalizePath } from '../engine';
import { pathToUri, uriToPath } from '../engine/features/locations';
import { completeAt } from '../engine/features/completion';
import { definitionAt } from '../engine/features/definition';
import { eventAt, eventReferences, renameEvent } from '../engine/features/eventReferences';
import { hoverAt } from '../engine/features/hover';
import { codeLenses, listHandlers } from '../engine/features/codeLenses';
import { buildEventTree } from '../engine/features/eventTree';
import { handlerInfo } from '../engine/features/handlerInfo';
import { customSubscribers } from '../engine/features/eventGraph';
import { msg } from '../engine/i18n/messages';
import {
  EventTreeRequest, HandlerInfoRequest, IndexChangedNotification, IndexStatusNotification, ListHandlersRequest,
  ReindexRequest, SubscribersOfRequest,
  type EventTreeParams, type HandlerInfoParams, type IndexStatus, type SubscribersOfParams,
} from '../../../shared/src/protocol/types';
import { runSafe, runSafeNotification } from './runSafe';
import { toCompletionList } from './completionList';
import { DiagnosticsPublisher } from './diagnosticsPublisher';
import { readSettings, type ServerSettings } from './settings';

/** The thin LSP adapter over the engine. */
export class JitaiLanguageServer {
  private readonly documents = new TextDocuments(TextDocument);
  private readonly index = new WorkspaceIndex();
  private readonly publisher: DiagnosticsPublisher;
  private settings: ServerSettings = readSettings(undefined);
  private schemaEnums = false;
  private canRegisterWatchers = false;
  private canReportProgress = false;
  private completionItemDefaults = false;
  private hasWorkspaceFolders = false;
  /** Serialises every change of the index (full index, edits, file events). */
  private queue: Promise<unknown> = Promise.resolve();
  private firstIndex!: Promise<void>;
  private resolveFirstIndex!: () => void;
  private state: IndexStatus['state'] = 'indexing';
  private readonly timers = new Map<string, NodeJS.Timeout>();
  private statusPending = false;

  constructor(private readonly connection: Connection) {
    this.publisher = new DiagnosticsPublisher(connection, this.index);
    this.firstIndex = new Promise((r) => (this.resolveFirstIndex = r));
    connection.onInitialize((p) => this.initialize(p));
    connection.onInitialized(() => runSafeNotification(connection, 'initialized', () => this.initialized()));
    this.documents.onDidChangeContent((e) => this.scheduleDocument(e.document.uri));
    this.documents.onDidClose((e) => this.closeDocument(e.document.uri));
    connection.onDidChangeWatchedFiles((p) => runSafeNotification(connection, 'watchedFiles', () => {
      const paths: string[] = [];
      for (const c of p.changes) {
        const path = uriToPath(c.uri);
        if (!path) continue;
        // `**/*` also reports every created file: keep the kinds we index, and folders (a moved-in folder is one event).
        if (c.type === FileChangeType.Created && !fileKind(path) && !isDirectory(path)) continue;
        paths.push(path);
      }
      if (paths.length) this.enqueue(() => this.afterChange(this.index.applyChanges(paths)));
    }));
    connection.onDidChangeConfiguration((p) => runSafeNotification(connection, 'configuration', () => {
      const raw = (p.settings as Record<string, unknown> | undefined)?.jitaiEvents;
      if (!raw) return;
      const next = readSettings(raw);
      const excludeChanged = JSON.stringify(next.exclude) !== JSON.stringify(this.settings.exclude);
      this.settings = next;
      if (excludeChanged) { this.index.setExclude(next.exclude); void this.reindex(); }
    }));
    this.registerFeatures();
    this.documents.listen(connection);
  }

  private initialize(p: InitializeParams): InitializeResult {
    const init = (p.initializationOptions ?? {}) as { locale?: string; settings?: unknown; schemaEnums?: boolean };
    this.settings = readSettings(init.settings);
    this.schemaEnums = init.schemaEnums === true;
    this.index.setLocale(init.locale ?? p.locale);
    this.index.setExclude(this.settings.exclude);
    const folders = p.workspaceFolders?.map((f) => uriToPath(f.uri)).filter((x): x is string => !!x)
      ?? (p.rootUri ? [uriToPath(p.rootUri)!] : p.rootPath ? [p.rootPath] : []);
    this.index.setFolders(folders.filter(Boolean));
    this.canRegisterWatchers = !!p.capabilities.workspace?.didChangeWatchedFiles?.dynamicRegistration;
    this.canReportProgress = !!p.capabilities.window?.workDoneProgress;
    this.completionItemDefaults = !!p.capabilities.textDocument?.completion?.completionList?.itemDefaults?.includes('editRange');
    this.hasWorkspaceFolders = !!p.capabilities.workspace?.workspaceFolders;
    return {
      capabilities: {
        textDocumentSync: TextDocumentSyncKind.Incremental,
        completionProvider: { triggerCharacters: ['"', "'", '.'], resolveProvider: false },
        definitionProvider: true,
        referencesProvider: true,
        renameProvider: { prepareProvider: true },
        hoverProvider: true,
        codeLensProvider: { resolveProvider: false },
        codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix] },
        workspace: { workspaceFolders: { supported: true, changeNotifications: true } },
      },
      serverInfo: { name: 'jitai-events-language-server' },
    };
  }

  private async initialized(): Promise<void> {
    if (this.canRegisterWatchers) {
      await this.connection.client.register(DidChangeWatchedFilesNotification.type, {
        watchers: [
          { globPattern: '**/e.json' }, { globPattern: '**/*.py' }, { globPattern: '**/app.json' },
          // Folder deletions, renames and moves (git checkout, rm -r, mv) arrive as one event for the folder.
          { globPattern: '**/*', kind: WatchKind.Create | WatchKind.Delete },
        ],
      });
    }
    // Only clients announcing workspace folders send their changes (the getter throws otherwise).
    if (this.hasWorkspaceFolders) this.connection.workspace.onDidChangeWorkspaceFolders((e) => {
      const current = new Set(this.index.workspaceFolders);
      for (const r of e.removed) current.delete(normalizePath(uriToPath(r.uri) ?? ''));
      for (const a of e.added) { const p = uriToPath(a.uri); if (p) current.add(normalizePath(p)); }
      this.index.setFolders([...current]);
      void this.reindex();
    });
    await this.reindex();
  }

  private enqueue<T>(fn: () => T | Promise<T>): Promise<T> {
    const next = this.queue.then(fn, fn);
    this.queue = next.catch((e) => this.connection.console.error(`index update failed: ${(e as Error)?.stack ?? e}`));
    return next;
  }

  /** Full (re)index with work-done progress; publishes every diagnostic. */
  reindex(): Promise<IndexStatus> {
    return this.enqueue(async () => {
      this.state = 'indexing';
      this.sendStatus();
      const progress = this.canReportProgress ? await this.connection.window.createWorkDoneProgress() : undefined;
      progress?.begin('JitAi: indexing', 0, undefined, false);
      try {
        const done = await this.index.indexAll((p) => progress?.report(Math.round((p.done / Math.max(1, p.total)) * 100), `${p.done}/${p.total}`));
        if (done) {
          this.publisher.publishAll();
          this.state = 'ready';
        }
      } catch (e) {
        this.state = 'error';
        this.connection.console.error(`indexing failed: ${(e as Error)?.stack ?? e}`);
      } finally {
        progress?.done();
        this.resolveFirstIndex();
      }
      const status = this.status();
      void this.connection.sendNotification(IndexStatusNotification, status);
      void this.connection.sendNotification(IndexChangedNotification, { version: this.index.version });
      return status;
    });
  }

  private status(): IndexStatus {
    const s = this.index.stats();
    return {
      state: this.state, apps: s.apps, elements: s.elements, events: s.events, subscribers: s.subscribers,
      errors: s.errors, warnings: s.warnings, indexMs: Math.round(this.index.lastIndexMs), updatedAt: new Date().toISOString(),
    };
  }

  private sendStatus(): void {
    if (this.statusPending) return;
    this.statusPending = true;
    setImmediate(() => {
      this.statusPending = false;
      void this.connection.sendNotification(IndexStatusNotification, this.status());
    });
  }

  private afterChange(changed: string[]): void {
    this.publisher.publish(changed);
    this.sendStatus();
    void this.connection.sendNotification(IndexChangedNotification, { version: this.index.version });
  }

  private scheduleDocument(uri: string): void {
    const path = uriToPath(uri);
    if (!path) return;
    clearTimeout(this.timers.get(uri));
    const apply = () => {
      this.timers.delete(uri);
      const doc = this.documents.get(uri);
      if (!doc) return;
      const text = doc.getText();
      void this.enqueue(() => this.afterChange(this.index.setOverlay(path, text)));
    };
    const delay = this.settings.validation.debounceMs;
    if (delay <= 0) apply(); else this.timers.set(uri, setTimeout(apply, delay));
  }

  private closeDocument(uri: string): void {
    const path = uriToPath(uri);
    clearTimeout(this.timers.get(uri));
    this.timers.delete(uri);
    if (path) void this.enqueue(() => this.afterChange(this.index.setOverlay(path, undefined)));
  }

  /** Path, text and position mapping of a document: the editor's unsaved text, else the file on disk. */
  private docAt(uri: string): { path: string; text: string; doc: TextDocument } | undefined {
    const path = uriToPath(uri);
    if (!path) return undefined;
    const p = normalizePath(path);
    let doc = this.documents.get(uri);
    if (!doc) {
      const read = this.index.host.read(p);
      if (!('text' in read)) return undefined;
      doc = TextDocument.create(uri, '', 0, read.text);
    }
    return { path: p, text: doc.getText(), doc };
  }

  private registerFeatures(): void {
    const c = this.connection;
    const offsetOf = (d: { doc: TextDocument }, pos: { line: number; character: number }) => d.doc.offsetAt(pos);
    const rangeOf = (d: { doc: TextDocument }, start: number, end: number) => ({ start: d.doc.positionAt(start), end: d.doc.positionAt(end) });

    c.onCompletion((p, token) => runSafe(c, 'completion', null, token, () => {
      const d = this.docAt(p.textDocument.uri);
      if (!d) return null;
      const offset = offsetOf(d, p.position);
      const items = completeAt(this.index, d.path, d.text, offset, { schemaEnums: this.schemaEnums });
      if (!items) return null;
      if (!items.length) return { isIncomplete: false, items: [] };
      // Every item of one request replaces the same range (the string content or the insertion point).
      const r = items[0].replace;
      const typed = d.text.slice(r.start, Math.max(r.start, offset)).replace(/^"/, '');
      return toCompletionList(items, typed, rangeOf(d, r.start, r.end), this.completionItemDefaults);
    }));
    c.onDefinition((p, token) => runSafe(c, 'definition', [], token, async () => {
      await this.firstIndex;
      const d = this.docAt(p.textDocument.uri);
      return d ? definitionAt(this.index, d.path, d.text, offsetOf(d, p.position)) : [];
    }));
    c.onReferences((p, token) => runSafe(c, 'references', [], token, async () => {
      await this.firstIndex;
      const d = this.docAt(p.textDocument.uri);
      return d ? eventReferences(this.index, d.path, d.text, offsetOf(d, p.position), p.context.includeDeclaration) : [];
    }));
    c.onPrepareRename((p, token) => runSafe(c, 'prepareRename', null, token, () => {
      const d = this.docAt(p.textDocument.uri);
      const ev = d && eventAt(this.index, d.path, d.text, offsetOf(d, p.position));
      if (!d || !ev) return null;
      // The editable part is the event name (after the service's fullName).
      const nameStart = ev.range.end - ev.event.length;
      return { range: rangeOf(d, nameStart, ev.range.end), placeholder: ev.event };
    }));
    c.onRenameRequest((p, token) => runSafe<WorkspaceEdit | null>(c, 'rename', null, token, () => {
      const d = this.docAt(p.textDocument.uri);
      if (!d) return null;
      const r = renameEvent(this.index, d.path, d.text, offsetOf(d, p.position), p.newName);
      if ('error' in r) throw new ResponseError(ErrorCodes.InvalidParams, msg(this.index.locale, r.error === 'invalid' ? 'rename-invalid' : r.error === 'exists' ? 'rename-exists' : 'rename-not-here', { name: p.newName }));
      const changes: WorkspaceEdit['changes'] = {};
      for (const f of r) changes[pathToUri(f.path)] = f.edits;
      return { changes };
    }));
    c.onHover((p, token) => runSafe(c, 'hover', null, token, () => {
      const d = this.docAt(p.textDocument.uri);
      const h = d && hoverAt(this.index, d.path, d.text, offsetOf(d, p.position));
      return h && d ? { contents: { kind: 'markdown' as const, value: h.markdown }, range: rangeOf(d, h.range.start, h.range.end) } : null;
    }));
    c.onCodeLens((p, token) => runSafe(c, 'codeLens', [], token, async () => {
      await this.firstIndex;
      const path = uriToPath(p.textDocument.uri);
      if (!path) return [];
      return codeLenses(this.index, normalizePath(path)).map((l) => ({
        range: l.range,
        command: l.run ? { title: l.title, command: 'jitaiEvents.runHandler', arguments: [l.run] } : { title: l.title, command: '' },
      }));
    }));
    c.onCodeAction((p, token) => runSafe<CodeAction[]>(c, 'codeAction', [], token, () => {
      const out: CodeAction[] = [];
      for (const diag of p.context.diagnostics) {
        const fix = (diag.data as { fix?: { range: Range; newText: string } } | undefined)?.fix;
        if (!fix || diag.source !== 'jitai') continue;
        out.push({
          title: this.index.locale === 'zh' ? `改为 "${fix.newText}"` : `Change to "${fix.newText}"`,
          kind: CodeActionKind.QuickFix, diagnostics: [diag], isPreferred: true,
          edit: { changes: { [p.textDocument.uri]: [{ range: fix.range, newText: fix.newText }] } },
        });
      }
      return out;
    }));
    // Custom requests are typed in ../protocol; the generic string overload needs an untyped handler.
    const onRequest = <P>(method: string, h: (p: P, t: CancellationToken) => unknown) => c.onRequest(method, h as never);
    onRequest(ReindexRequest, () => this.reindex());
    onRequest(EventTreeRequest, (p: EventTreeParams, token) => runSafe(c, 'eventTree', { apps: [], version: -1 }, token, async () => {
      await this.firstIndex;
      return buildEventTree(this.index, p?.filter || undefined);
    }));
    onRequest(HandlerInfoRequest, (p: HandlerInfoParams, token) => runSafe(c, 'handlerInfo', null, token, async () => {
      await this.firstIndex;
      if (p.uri) {
        const path = uriToPath(p.uri);
        const el = path ? (this.index.elementAt(path) ?? this.index.elementOwning(path)) : undefined;
        return el ? handlerInfo(this.index, el) : null;
      }
      const root = p.appRootUri ? normalizePath(uriToPath(p.appRootUri) ?? p.appRootUri) : undefined;
      for (const app of this.index.allApps()) {
        if (root && app.root !== root) continue;
        const el = p.fullName ? this.index.element(app.root, p.fullName) : undefined;
        if (el) return handlerInfo(this.index, el);
      }
      return null;
    }));
    onRequest(ListHandlersRequest, (_p: unknown, token) => runSafe(c, 'listHandlers', { handlers: [] }, token, async () => {
      await this.firstIndex;
      return listHandlers(this.index);
    }));
    onRequest(SubscribersOfRequest, (p: SubscribersOfParams, token) => runSafe(c, 'subscribersOf', { fullNames: [] }, token, async () => {
      await this.firstIndex;
      const root = normalizePath(p.appRoot.startsWith('file:') ? uriToPath(p.appRoot) ?? p.appRoot : p.appRoot);
      return { fullNames: customSubscribers(this.index, root, p.sender) };
    }));
  }
}

function isDirectory(path: string): boolean {
  try { return fs.statSync(path).isDirectory(); } catch { return false; }
}

