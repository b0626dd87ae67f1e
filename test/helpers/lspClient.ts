/**
 * A minimal LSP client for protocol tests: spawns the built server (`node dist/server.js --stdio`),
 * answers the server's requests an editor would answer, and records what the server pushes
 * (diagnostics per uri, index status, index-changed, log messages) so tests can wait on them.
 * No fixed sleeps: every wait resolves on a message and rejects on timeout with the last state.
 */
import { after, before } from 'node:test';
import { spawn, type ChildProcess } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  createProtocolConnection, StreamMessageReader, StreamMessageWriter,
  type ConfigurationItem, type Diagnostic as LspDiagnostic, type ProtocolConnection, type ClientCapabilities, type InitializeResult,
  type RequestType, type RequestType0,
} from 'vscode-languageserver-protocol/node';
import { IndexChangedNotification, IndexStatusNotification } from '../../shared/src/protocol/messages';
import type { IndexStatus } from '../../shared/src/protocol/types';
import { RUN_HANDLER_COMMAND } from '../../shared/src/protocol/messages';
import { repoRoot, tempCopy } from './repo';

export const DEFAULT_TIMEOUT_MS = 20_000;

export interface InitializeOptions {
  locale?: string;
  settings?: Record<string, unknown>;
  capabilities?: ClientCapabilities;
  /** Extra initializationOptions merged over `{ locale, settings }`. */
  initializationOptions?: Record<string, unknown>;
  /** Answers workspace/configuration items (default: null for each); set `capabilities.workspace.configuration` too. */
  configuration?: (item: ConfigurationItem) => unknown;
}

/** A published diagnostic; this server always sends plain-text messages. */
export type Diagnostic = Omit<LspDiagnostic, 'message'> & { message: string };

interface Waiter { check: () => boolean; reject: (e: Error) => void; describe: () => string }

export function uriOf(fsPath: string): string {
  return pathToFileURL(fsPath).href;
}

export class LspClient {
  readonly process: ChildProcess;
  readonly connection: ProtocolConnection;
  /** Last published diagnostics per uri. */
  readonly diagnostics = new Map<string, Diagnostic[]>();
  /** Sequence number of the last publish per uri (global counter, see `seq`). */
  readonly publishSeq = new Map<string, number>();
  /** Every publish in arrival order, with its sequence number. */
  readonly publishLog: { uri: string; seq: number; diagnostics: Diagnostic[] }[] = [];
  readonly statuses: IndexStatus[] = [];
  private readonly statusSeq: number[] = [];
  readonly indexChanged: number[] = [];
  private readonly indexChangedSeq: number[] = [];
  readonly registrations: { method: string; registerOptions?: unknown }[] = [];
  readonly logs: string[] = [];
  /** window/showMessage notifications (warnings and errors shown to the user). */
  readonly shownMessages: { type: number; message: string }[] = [];
  readonly progress: unknown[] = [];
  /** Grows with every message the server pushes; capture it before an action to wait for later ones. */
  seq = 0;
  private stderr = '';
  private exited: Promise<number | null>;
  private exitCode: number | null | undefined;
  private readonly waiters = new Set<Waiter>();
  private readonly docVersions = new Map<string, number>();
  /** How workspace/configuration is answered (see InitializeOptions.configuration). */
  configuration: (item: ConfigurationItem) => unknown = () => null;

  /** `args`: the server's command-line arguments (default `--stdio`). */
  constructor(o: { args?: string[] } = {}) {
    // JITAI_LSP_SERVER points the tests at another server bundle (e.g. a deliberately broken one).
    const serverJs = process.env.JITAI_LSP_SERVER || path.join(repoRoot(), 'dist', 'server.js');
    if (!fs.existsSync(serverJs)) throw new Error(`${serverJs} is missing: run node scripts/build.mjs first`);
    this.process = spawn(process.execPath, [serverJs, ...(o.args ?? ['--stdio'])], { stdio: ['pipe', 'pipe', 'pipe'] });
    this.exited = new Promise((resolve) => this.process.once('exit', (code) => { this.exitCode = code; resolve(code); this.wake(); }));
    // Writing to a server that died must fail the waiting test, not crash the runner with EPIPE.
    this.process.stdin!.on('error', (e) => { this.logs.push(`stdin error: ${e.message}`); });
    this.process.stderr!.setEncoding('utf8');
    this.process.stderr!.on('data', (s: string) => { this.stderr += s; });
    this.connection = createProtocolConnection(
      new StreamMessageReader(this.process.stdout!), new StreamMessageWriter(this.process.stdin!));
    this.connection.onRequest('client/registerCapability', (p: { registrations: { method: string; registerOptions?: unknown }[] }) => {
      this.registrations.push(...p.registrations);
      return null;
    });
    this.connection.onRequest('client/unregisterCapability', () => null);
    this.connection.onRequest('window/workDoneProgress/create', () => null);
    this.connection.onRequest('workspace/configuration', (p: { items: ConfigurationItem[] }) => p.items.map((i) => this.configuration(i)));
    this.connection.onNotification('$/progress', (p: unknown) => { this.progress.push(p); });
    this.connection.onNotification('window/logMessage', (p: { message: string }) => { this.logs.push(p.message); });
    this.connection.onNotification('window/showMessage', (p: { type: number; message: string }) => { this.shownMessages.push(p); });
    this.connection.onNotification('textDocument/publishDiagnostics', (p: { uri: string; diagnostics: Diagnostic[] }) => {
      this.diagnostics.set(p.uri, p.diagnostics);
      this.publishSeq.set(p.uri, ++this.seq);
      this.publishLog.push({ uri: p.uri, seq: this.seq, diagnostics: p.diagnostics });
      this.wake();
    });
    this.connection.onNotification(IndexStatusNotification, (p) => { this.statuses.push(p); this.statusSeq.push(++this.seq); this.wake(); });
    this.connection.onNotification(IndexChangedNotification, (p) => { this.indexChanged.push(p.version); this.indexChangedSeq.push(++this.seq); this.wake(); });
    this.connection.onError(([e]) => { this.logs.push(`connection error: ${e?.message}`); });
    this.connection.listen();
  }

  /** Server stderr plus its log messages, for failure reports. */
  get serverOutput(): string {
    const logs = this.logs.slice(-30).join('\n');
    return `--- server stderr ---\n${this.stderr.slice(-4000)}\n--- server log ---\n${logs.slice(-4000)}`;
  }

  get isRunning(): boolean {
    return this.exitCode === undefined;
  }

  async initialize(folders: string[], o: InitializeOptions = {}): Promise<InitializeResult> {
    const capabilities: ClientCapabilities = o.capabilities ?? {
      workspace: { didChangeWatchedFiles: { dynamicRegistration: true }, workspaceFolders: true, configuration: false },
      window: { workDoneProgress: true },
      textDocument: {
        publishDiagnostics: { relatedInformation: true },
        completion: { completionItem: { snippetSupport: false } },
        rename: { prepareSupport: true },
      },
    };
    if (o.configuration) this.configuration = o.configuration;
    const result = await this.request<InitializeResult>('initialize', {
      processId: process.pid,
      rootUri: folders[0] ? uriOf(folders[0]) : null,
      workspaceFolders: folders.map((f) => ({ uri: uriOf(f), name: path.basename(f) })),
      capabilities,
      locale: o.locale,
      // commands/titleOnlyLenses as the VS Code client sends them (a test can override them).
      initializationOptions: {
        locale: o.locale, settings: o.settings ?? { validation: { debounceMs: 0 } },
        commands: [RUN_HANDLER_COMMAND], titleOnlyLenses: true, ...o.initializationOptions,
      },
    });
    await this.notify('initialized', {});
    return result;
  }

  /** Resolves on an index status `ready` pushed after the mark `since` (default: any so far). */
  waitForIndexReady(since = -1, timeoutMs = DEFAULT_TIMEOUT_MS): Promise<IndexStatus> {
    return this.waitForStatus((x) => x.state === 'ready', since, timeoutMs);
  }

  /** Resolves on the first `jitai/indexStatus` after the mark `since` that satisfies `predicate`. */
  waitForStatus(predicate: (s: IndexStatus) => boolean, since = -1, timeoutMs = DEFAULT_TIMEOUT_MS): Promise<IndexStatus> {
    return this.waitFor(IndexStatusNotification.method, timeoutMs,
      () => this.statuses.find((x, i) => this.statusSeq[i] > since && predicate(x)),
      () => `statuses: ${JSON.stringify(this.statuses.slice(-3))}`);
  }

  /** A mark for "only what arrives after now" waits. */
  mark(): number {
    return this.seq;
  }

  /**
   * Resolves with the diagnostics of `uri` once a publish for it satisfies `predicate`. With `since`
   * (from `mark()`), only publishes after the mark count; without it, the current state counts too
   * (a uri never published counts as no diagnostics).
   */
  waitForDiagnostics(uri: string, predicate: (d: Diagnostic[]) => boolean, o: { since?: number; timeoutMs?: number } = {}): Promise<Diagnostic[]> {
    return this.waitFor(`diagnostics for ${uri}`, o.timeoutMs ?? DEFAULT_TIMEOUT_MS, () => {
      const seq = this.publishSeq.get(uri);
      if (o.since !== undefined && (seq === undefined || seq <= o.since)) return undefined;
      const d = this.diagnostics.get(uri) ?? [];
      return predicate(d) ? d : undefined;
    }, () => `last: ${JSON.stringify((this.diagnostics.get(uri) ?? []).map((d) => ({ code: d.code, line: d.range.start.line, message: d.message })))}`);
  }

  /** Resolves with the version of a `jitai/indexChanged` that arrived after the mark. */
  waitForIndexChanged(since: number, timeoutMs = DEFAULT_TIMEOUT_MS): Promise<number> {
    return this.waitFor(IndexChangedNotification.method, timeoutMs,
      () => this.indexChanged.find((_, i) => this.indexChangedSeq[i] > since));
  }

  private waitFor<T>(what: string, timeoutMs: number, probe: () => T | undefined, detail?: () => string): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      const first = probe();
      if (first !== undefined) { resolve(first); return; }
      const waiter: Waiter = {
        describe: () => what,
        check: () => {
          const v = probe();
          if (v === undefined) return false;
          clearTimeout(timer); resolve(v); return true;
        },
        reject: (e) => { clearTimeout(timer); reject(e); },
      };
      const timer = setTimeout(() => {
        this.waiters.delete(waiter);
        reject(new Error(`timed out after ${timeoutMs} ms waiting for ${what}; ${detail?.() ?? ''}\n${this.serverOutput}`));
      }, timeoutMs);
      this.waiters.add(waiter);
    });
  }

  private wake(): void {
    for (const w of [...this.waiters]) {
      if (w.check()) this.waiters.delete(w);
      else if (this.exitCode !== undefined) {
        this.waiters.delete(w);
        w.reject(new Error(`server exited (${this.exitCode}) while waiting for ${w.describe()}\n${this.serverOutput}`));
      }
    }
  }

  /** A typed message of shared/src/protocol/messages.ts, or any method by name (standard LSP, deliberately wrong params). */
  request<P, R>(type: RequestType<P, R, void>, params: P, timeoutMs?: number): Promise<R>;
  request<R>(type: RequestType0<R, void>): Promise<R>;
  request<R = unknown>(method: string, params?: unknown, timeoutMs?: number): Promise<R>;
  async request(type: string | RequestType<unknown, unknown, void> | RequestType0<unknown, void>, params?: unknown, timeoutMs = DEFAULT_TIMEOUT_MS): Promise<unknown> {
    const method = typeof type === 'string' ? type : type.method;
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`request ${method} timed out after ${timeoutMs} ms\n${this.serverOutput}`)), timeoutMs);
    });
    const sent = typeof type !== 'string' && type.numberOfParams === 0 ? this.connection.sendRequest(method)
      : this.connection.sendRequest(method, params);
    try {
      return await Promise.race([sent, timeout]);
    } finally {
      clearTimeout(timer);
    }
  }

  notify(method: string, params?: unknown): Promise<void> {
    return this.connection.sendNotification(method, params);
  }

  // --- document helpers -------------------------------------------------------------------------

  open(fsPath: string, text?: string, languageId?: string): Promise<void> {
    const uri = uriOf(fsPath);
    this.docVersions.set(uri, 1);
    return this.notify('textDocument/didOpen', {
      textDocument: {
        uri, version: 1, text: text ?? fs.readFileSync(fsPath, 'utf8'),
        languageId: languageId ?? (fsPath.endsWith('.py') ? 'python' : fsPath.endsWith('.json') ? 'json' : 'plaintext'),
      },
    });
  }

  /** Replaces the whole text of an open document (a full-content change). */
  change(fsPath: string, text: string): Promise<void> {
    const uri = uriOf(fsPath);
    const version = (this.docVersions.get(uri) ?? 1) + 1;
    this.docVersions.set(uri, version);
    return this.notify('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [{ text }] });
  }

  close(fsPath: string): Promise<void> {
    return this.notify('textDocument/didClose', { textDocument: { uri: uriOf(fsPath) } });
  }

  /** workspace/didChangeWatchedFiles; type 1 created, 2 changed, 3 deleted. */
  filesChanged(changes: { path: string; type: 1 | 2 | 3 }[]): Promise<void> {
    return this.notify('workspace/didChangeWatchedFiles', { changes: changes.map((c) => ({ uri: uriOf(c.path), type: c.type })) });
  }

  /** shutdown + exit, then waits for the process to end; kills it when it does not within the timeout. */
  async shutdown(timeoutMs = 5000): Promise<number | null> {
    if (this.exitCode !== undefined) return this.exitCode;
    try {
      await this.request('shutdown', undefined, timeoutMs);
      await this.notify('exit');
    } catch {
      // fall through to the kill below
    }
    let timer: NodeJS.Timeout | undefined;
    const killed = new Promise<'timeout'>((r) => { timer = setTimeout(() => r('timeout'), timeoutMs); });
    const r = await Promise.race([this.exited, killed]);
    clearTimeout(timer);
    if (r === 'timeout') {
      this.process.kill('SIGKILL');
      await this.exited;
    }
    this.connection.dispose();
    return r === 'timeout' ? null : r;
  }

  /** For cleanup hooks: never throws, always leaves no process behind. */
  async dispose(): Promise<void> {
    try { await this.shutdown(); } catch { this.process.kill('SIGKILL'); }
  }
}

/** Starts a server, initializes it on the folders and waits for the first full index. */
export async function startServer(folders: string[], o: InitializeOptions = {}): Promise<{ client: LspClient; init: InitializeResult; status: IndexStatus }> {
  const client = new LspClient();
  try {
    const init = await client.initialize(folders, o);
    const status = await client.waitForIndexReady();
    return { client, init, status };
  } catch (e) {
    await client.dispose();
    throw e;
  }
}

/** What useServerOn gives a describe block: read its fields inside hooks and tests (they are set by `before`). */
export interface ServerOnFixture {
  readonly client: LspClient;
  /** The temp copy of the first fixture (each fixture's copy: `dirs`). */
  readonly dir: string;
  readonly dirs: string[];
  readonly init: InitializeResult;
  /** The first `ready` index status. */
  readonly status: IndexStatus;
  /** A path inside the first copy. */
  p(rel: string): string;
}

export interface UseServerOptions extends InitializeOptions {
  /** Runs on the fresh copies before the server starts (add or change files). */
  prepare?: (dirs: string[]) => void;
  /** The workspace folders to open (default: each copy). */
  folders?: (dirs: string[]) => string[];
}

/**
 * For a describe block: copies the fixture(s) (paths relative to the repository) to temp folders,
 * starts a server on them and waits for its first index (before), then stops it and removes the
 * copies (after).
 */
export function useServerOn(fixtures: string | string[], o: UseServerOptions = {}): ServerOnFixture {
  const copies: { dir: string; cleanup: () => void }[] = [];
  let started: Awaited<ReturnType<typeof startServer>> | undefined;
  const need = <T>(v: T | undefined): T => {
    if (v === undefined) throw new Error('useServerOn: read its fields inside hooks and tests (the server starts in before)');
    return v;
  };
  before(async () => {
    for (const f of Array.isArray(fixtures) ? fixtures : [fixtures]) copies.push(tempCopy(f));
    const dirs = copies.map((c) => c.dir);
    o.prepare?.(dirs);
    started = await startServer(o.folders?.(dirs) ?? dirs, o);
  });
  after(async () => {
    await started?.client.dispose();
    for (const c of copies) c.cleanup();
  });
  return {
    get client() { return need(started).client; },
    get dir() { return need(copies[0]).dir; },
    get dirs() { return copies.map((c) => c.dir); },
    get init() { return need(started).init; },
    get status() { return need(started).status; },
    p: (rel) => path.join(need(copies[0]).dir, rel),
  };
}
