/**
 * Every change of the engine's index goes through one queue: the full (re)index with work-done
 * progress, and incremental updates; after each, diagnostics are published and the client hears
 * jitai/indexStatus (throttled) and jitai/indexChanged.
 *
 * Incremental updates never make requests wait behind a backlog: disk events and edits arriving
 * meanwhile are coalesced (one applyRecords for all of them, the latest text of each document),
 * the records are applied at once (requests answer from them), and the files the change affects
 * are re-checked in short slices with a turn of the event loop between slices, so requests are
 * answered in between. A file marked again before its check is checked once.
 */
import type { Connection, WorkDoneProgressServerReporter } from 'vscode-languageserver/node';
import { msg, type Engine } from '../engine';
import { IndexChangedNotification, IndexStatusNotification } from '../../../shared/src/protocol/messages';
import type { IndexStatus } from '../../../shared/src/protocol/types';
import { DiagnosticsPublisher } from './diagnosticsPublisher';
import { slowHeapGrowth } from './heapGrowth';

export class Indexing {
  /** Set at initialize: the client shows work-done progress. */
  canReportProgress = false;
  /** Resolves after the first full index (requests that need the whole workspace wait for it). */
  readonly firstIndex: Promise<void>;
  private resolveFirstIndex!: () => void;
  private readonly publisher: DiagnosticsPublisher;
  /** Serialises every change of the index (full index, edits, file events). */
  private queue: Promise<unknown> = Promise.resolve();
  private state: IndexStatus['state'] = 'indexing';
  private statusPending = false;
  /** Disk paths and document texts (undefined: closed) not yet applied, and whether a drain is queued. */
  private readonly pendingPaths = new Set<string>();
  private readonly pendingTexts = new Map<string, string | undefined>();
  private drainQueued = false;

  constructor(private readonly connection: Connection, private readonly engine: Engine) {
    this.publisher = new DiagnosticsPublisher(connection, engine);
    this.firstIndex = new Promise((r) => (this.resolveFirstIndex = r));
  }

  /** Runs `fn` after every change queued before it. */
  enqueue<T>(fn: () => T | Promise<T>): Promise<T> {
    const next = this.queue.then(fn, fn);
    this.queue = next.catch((e) => this.connection.console.error(`index update failed: ${(e as Error)?.stack ?? e}`));
    return next;
  }

  /** Runs an engine operation that re-checks files itself (e.g. new severity settings) after queued changes; publishes what changed. */
  update(fn: () => string[]): Promise<void> {
    return this.enqueue(() => {
      this.publisher.publish(fn());
      this.announceChange();
    });
  }

  /** After an update: the status item's counts, and the version the tree and other views refresh on. */
  private announceChange(): void {
    this.sendStatus();
    // The same version: no record changed (the views would re-ask for answers they already have).
    if (this.engine.version === this.announcedVersion) return;
    this.announcedVersion = this.engine.version;
    void this.connection.sendNotification(IndexChangedNotification, { version: this.engine.version });
  }
  private announcedVersion = -1;

  /** Files or folders changed on disk (coalesced with every other change not yet applied). */
  diskChanged(paths: readonly string[]): Promise<void> {
    for (const p of paths) this.pendingPaths.add(p);
    return this.scheduleDrain();
  }

  /** A document's unsaved text (undefined: closed), coalesced: only the latest text of a document is applied. */
  documentChanged(path: string, text: string | undefined): Promise<void> {
    this.pendingTexts.set(path, text);
    return this.scheduleDrain();
  }

  private drainPromise: Promise<void> = Promise.resolve();
  private scheduleDrain(): Promise<void> {
    if (this.drainQueued) return this.drainPromise;
    this.drainQueued = true;
    return (this.drainPromise = this.enqueue(() => this.drain()));
  }

  /** Applies every pending change, then checks what it affects in slices, picking up changes that arrive meanwhile. */
  private async drain(): Promise<void> {
    try {
      for (;;) {
        if (this.pendingPaths.size || this.pendingTexts.size) {
          const texts = [...this.pendingTexts];
          const paths = [...this.pendingPaths];
          this.pendingTexts.clear();
          this.pendingPaths.clear();
          for (const [path, text] of texts) this.engine.setOverlayRecords(path, text);
          for (let i = 0; i < paths.length; i += APPLY_CHUNK) {
            this.engine.applyRecords(paths.slice(i, i + APPLY_CHUNK));
            if (i + APPLY_CHUNK < paths.length) await nextTurn();
          }
        }
        if (!this.engine.pendingChecks) {
          if (this.pendingPaths.size || this.pendingTexts.size) continue;
          break;
        }
        this.publisher.publish(this.engine.checkPending(SLICE_MS));
        await nextTurn();
      }
    } finally {
      this.drainQueued = false;
    }
    this.announceChange();
  }

  /** Full (re)index with work-done progress; publishes every diagnostic. */
  reindex(): Promise<IndexStatus> {
    return this.enqueue(async () => {
      this.state = 'indexing';
      this.sendStatus();
      const L = this.engine.locale;
      // Indexing starts at once; the progress shows from the client's answer to its creation on.
      let progress: WorkDoneProgressServerReporter | undefined;
      const created = this.canReportProgress ? this.connection.window.createWorkDoneProgress().then((p) => {
        progress = p;
        p.begin(msg(L, 'progress-indexing'), 0, undefined, false);
        return p;
      }, () => undefined) : undefined;
      slowHeapGrowth(true); // peak memory of a full index (heapGrowth.ts)
      try {
        // Yields every SLICE_MS too, so requests are answered while a big workspace is indexed.
        // The engine counts every file twice (read, then checked): the message counts files, each once.
        const done = await this.engine.indexAll((p) => progress?.report(
          Math.round((p.done / Math.max(1, p.total)) * 100), msg(L, 'progress-files', { done: Math.round(p.done / 2), total: Math.round(p.total / 2) })), 500, SLICE_MS);
        if (done) {
          this.publisher.publishAll();
          this.state = 'ready';
          this.reportUnreadable();
        }
      } catch (e) {
        this.state = 'error';
        this.connection.console.error(`indexing failed: ${(e as Error)?.stack ?? e}`);
      } finally {
        slowHeapGrowth(false);
        (await created)?.done();
        this.resolveFirstIndex();
      }
      const status = this.status();
      void this.connection.sendNotification(IndexStatusNotification, status);
      this.announcedVersion = this.engine.version;
      void this.connection.sendNotification(IndexChangedNotification, { version: this.engine.version });
      return status;
    });
  }

  /** Folders or files the index could not read: said once per full index (their problems are unknown). */
  private reportUnreadable(): void {
    const unreadable = this.engine.unreadable();
    if (!unreadable.size) return;
    const [example, reason] = unreadable.entries().next().value!;
    const text = msg(this.engine.locale, 'unreadable-paths', { count: unreadable.size, example, reason });
    this.connection.console.warn(text);
    void this.connection.window.showWarningMessage(text);
  }

  private status(): IndexStatus {
    const s = this.engine.stats();
    return {
      state: this.state, apps: s.apps, elements: s.elements, events: s.events, subscribers: s.subscribers,
      errors: s.errors, warnings: s.warnings, indexMs: Math.round(this.engine.lastIndexMs), updatedAt: new Date().toISOString(),
    };
  }

  /** At most one status per turn of the event loop while edits stream in. */
  private sendStatus(): void {
    if (this.statusPending) return;
    this.statusPending = true;
    setImmediate(() => {
      this.statusPending = false;
      void this.connection.sendNotification(IndexStatusNotification, this.status());
    });
  }

}

/** Longest stretch of checking between two turns of the event loop (requests are answered in between). */
const SLICE_MS = 15;
/** Disk paths applied between two turns of the event loop. */
const APPLY_CHUNK = 256;

function nextTurn(): Promise<void> {
  return new Promise((r) => setImmediate(r));
}
