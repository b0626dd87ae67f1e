/**
 * The language server's lifecycle: capabilities at initialize, then the engine indexed once the
 * client is ready. The concerns live beside it: indexing, documents, watching, settings,
 * languageFeatures and customRequests.
 */
import {
  CodeActionKind, TextDocumentSyncKind, type Connection, type InitializeParams, type InitializeResult,
} from 'vscode-languageserver/node';
import { createEngine, normalizePath, type Engine } from '../engine';
import { uriToPath } from '../../../shared/src/protocol/uris';
import type { LensInitializationOptions } from '../../../shared/src/protocol/types';
import { registerCustomRequests } from './customRequests';
import { OpenDocuments } from './documents';
import { Indexing } from './indexing';
import { registerLanguageFeatures, type ClientFlags } from './languageFeatures';
import { runSafeNotification } from './runSafe';
import { Settings } from './settings';
import { changedPaths, foldersAfter, registerWatchers } from './watching';
import { OwnFileWatcher } from './fileWatcher';
import { editCapabilities } from './workspaceEdits';

export class JitaiLanguageServer {
  private readonly engine: Engine;
  private readonly indexing: Indexing;
  private readonly settings: Settings;
  private readonly docs: OpenDocuments;
  private readonly flags: ClientFlags = { schemaEnums: false, completionItemDefaults: false, edits: { documentChanges: false, createFiles: false }, commands: new Set(), titleOnlyLenses: false };
  private canRegisterWatchers = false;
  /** The first full index is queued: a settings change from now on needs an index of its own. */
  private firstIndexQueued = false;
  private hasWorkspaceFolders = false;
  /** Watches the disk itself when the client cannot register file watchers (Neovim and others). */
  private ownWatcher: OwnFileWatcher | undefined;

  constructor(private readonly connection: Connection) {
    const c = connection;
    this.engine = createEngine({ log: (message) => c.console.error(message) });
    this.indexing = new Indexing(c, this.engine);
    this.settings = new Settings(c, this.engine);
    this.settings.onSeverityChanged = (severity) => { void this.indexing.update(() => this.settings.applySeverity(severity)); };
    this.docs = new OpenDocuments(this.engine, this.indexing, () => this.settings.current.validation.debounceMs);
    c.onInitialize((p) => this.initialize(p));
    c.onInitialized(() => runSafeNotification(c, 'initialized', () => this.initialized()));
    c.onDidChangeWatchedFiles((p) => runSafeNotification(c, 'watchedFiles', () => {
      const paths = changedPaths(p);
      if (paths.length) this.diskChanged(paths);
    }));
    c.onDidChangeConfiguration((p) => runSafeNotification(c, 'configuration', async () => {
      // The client's first didChangeConfiguration arrives while initialized() sets up: the first index,
      // queued after it, reads the new settings anyway (a second full index here doubled the start).
      if (await this.settings.changed(p.settings) && this.firstIndexQueued) {
        this.settings.reportInvalidGlobs();
        await this.watchDisk(true);
        void this.indexing.reindex();
      }
    }));
    c.onShutdown(() => this.ownWatcher?.close());
    registerLanguageFeatures(c, this.engine, this.docs, this.indexing, this.flags);
    registerCustomRequests(c, this.engine, this.indexing);
    this.docs.documents.listen(c);
  }

  private initialize(p: InitializeParams): InitializeResult {
    const init = (p.initializationOptions ?? {}) as { locale?: string; settings?: unknown; schemaEnums?: boolean; jsonSyntaxErrors?: string } & LensInitializationOptions;
    this.engine.setLocale(init.locale ?? p.locale);
    this.engine.setJsonSyntaxErrors(init.jsonSyntaxErrors === 'client' ? 'client' : 'engine');
    this.settings.initialize(init.settings);
    const folders = p.workspaceFolders?.map((f) => uriToPath(f.uri)).filter((x): x is string => !!x)
      ?? (p.rootUri ? [uriToPath(p.rootUri)!] : p.rootPath ? [p.rootPath] : []);
    this.engine.setFolders(folders.filter(Boolean).map(normalizePath));
    const caps = p.capabilities;
    this.flags.schemaEnums = init.schemaEnums === true;
    this.flags.commands = new Set(Array.isArray(init.commands) ? init.commands.filter((c) => typeof c === 'string') : []);
    this.flags.titleOnlyLenses = init.titleOnlyLenses === true;
    this.flags.completionItemDefaults = !!caps.textDocument?.completion?.completionList?.itemDefaults?.includes('editRange');
    this.flags.edits = editCapabilities(caps);
    this.canRegisterWatchers = !!caps.workspace?.didChangeWatchedFiles?.dynamicRegistration;
    this.hasWorkspaceFolders = !!caps.workspace?.workspaceFolders;
    this.indexing.canReportProgress = !!caps.window?.workDoneProgress;
    this.settings.canPull = !!caps.workspace?.configuration;
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
    // The registration and the settings pull below are answered in one round trip, not two.
    const watchers = this.canRegisterWatchers
      ? registerWatchers(this.connection).catch((e) => this.connection.console.error(`registering file watchers failed: ${(e as Error)?.message ?? e}`))
      : undefined;
    if (!watchers) this.ownWatcher = new OwnFileWatcher({
      isExcluded: (path) => this.engine.isExcluded(path),
      onChanges: (paths) => this.diskChanged(paths),
      onError: (message) => this.connection.console.warn(message),
    });
    // Only clients announcing workspace folders send their changes (the getter throws otherwise).
    if (this.hasWorkspaceFolders) this.connection.workspace.onDidChangeWorkspaceFolders((e) => runSafeNotification(this.connection, 'workspaceFolders', async () => {
      this.engine.setFolders(foldersAfter(this.engine, e));
      await this.settings.pull();
      await this.watchDisk();
      await this.indexing.reindex();
    }));
    await this.settings.pull();
    this.settings.reportInvalidGlobs();
    // Watching starts before the first index, so nothing written meanwhile is missed.
    await watchers;
    await this.watchDisk();
    this.firstIndexQueued = true;
    await this.indexing.reindex();
  }

  /** Files changed on disk: open documents among them keep the editor's text (./documents), the rest is re-read. */
  private diskChanged(paths: string[]): void {
    this.docs.diskChanged(paths);
    void this.indexing.diskChanged(paths);
  }

  /** (Re)starts the server's own watcher on the current folders; `restart` after exclude changes. */
  private async watchDisk(restart = false): Promise<void> {
    if (!this.ownWatcher) return;
    if (restart) await this.ownWatcher.close();
    await this.ownWatcher.watchFolders(this.engine.workspaceFolders);
  }
}
