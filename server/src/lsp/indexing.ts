/**
 * Every change of the engine's index goes through one queue: the full (re)index with work-done
 * progress, and incremental updates; after each, diagnostics are published and the client hears
 * jitai/indexStatus (throttled) and jitai/indexChanged.
 */
import type { Connection } from 'vscode-languageserver/node';
import { msg, type Engine } from '../engine';
import { IndexChangedNotification, IndexStatusNotification } from '../../../shared/src/protocol/messages';
import type { IndexStatus } from '../../../shared/src/protocol/types';
import { DiagnosticsPublisher } from './diagnosticsPublisher';

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

  /** An incremental change (`apply` returns the files whose diagnostics changed), queued. */
  update(apply: () => string[]): Promise<void> {
    return this.enqueue(() => this.afterChange(apply()));
  }

  /** Full (re)index with work-done progress; publishes every diagnostic. */
  reindex(): Promise<IndexStatus> {
    return this.enqueue(async () => {
      this.state = 'indexing';
      this.sendStatus();
      const L = this.engine.locale;
      const progress = this.canReportProgress ? await this.connection.window.createWorkDoneProgress() : undefined;
      progress?.begin(msg(L, 'progress-indexing'), 0, undefined, false);
      try {
        const done = await this.engine.indexAll((p) => progress?.report(
          Math.round((p.done / Math.max(1, p.total)) * 100), msg(L, 'progress-files', { done: p.done, total: p.total })));
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
      void this.connection.sendNotification(IndexChangedNotification, { version: this.engine.version });
      return status;
    });
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

  private afterChange(changed: string[]): void {
    this.publisher.publish(changed);
    this.sendStatus();
    void this.connection.sendNotification(IndexChangedNotification, { version: this.engine.version });
  }
}
