/**
 * The index with its checker attached: loading or changing files re-checks what the change
 * affects and returns the files whose problems changed. The facade (engine.ts) drives it.
 */
import type { EngineDiagnostic } from './model/diagnostics';
import { normalizePath } from './files/paths';
import { resetInternedKeys } from './workspace/dependencyKeys';
import { WorkspaceIndex, type IndexOptions, type IndexProgress, type LoadTick } from './workspace/workspaceIndex';
import { Checker } from './check/checker';

export class CheckedIndex extends WorkspaceIndex {
  readonly checker: Checker;
  private generation = 0;

  constructor(opts: IndexOptions = {}) {
    super(opts);
    this.checker = new Checker(this, this.log);
  }

  /**
   * Reads and checks every folder from scratch. A newer call makes an older one stop early (returns false).
   * Yields to the event loop every `yieldEvery` files and, with `yieldAfterMs`, whenever that long has passed.
   */
  async indexAll(onProgress?: (p: IndexProgress) => void, yieldEvery = 500, yieldAfterMs = Infinity): Promise<boolean> {
    const gen = ++this.generation;
    const t0 = performance.now();
    resetInternedKeys(); // keys of deleted files and old app roots do not pile up across re-indexes
    let done = 0, total = 0;
    // Yields to the event loop every `yieldEvery` files so requests and cancellation get through.
    let lastYield = performance.now();
    const step = async (): Promise<boolean> => {
      onProgress?.({ done, total: total * 2 });
      await new Promise((r) => setImmediate(r));
      lastYield = performance.now();
      return gen === this.generation;
    };
    const due = () => ++done % yieldEvery === 0 || (yieldAfterMs !== Infinity && performance.now() - lastYield >= yieldAfterMs);
    const tick: LoadTick = () => (due() ? step() : true);
    const fresh = await this.loadAll(tick, (n) => { total = n; });
    if (!fresh) return false;
    const checker = new Checker(fresh, this.log);
    for (const path of fresh.recordPaths()) {
      checker.validate(path);
      if (due() && !(await step())) return false;
    }
    this.adopt(fresh);
    this.checker.adopt(checker);
    this.lastIndexMs = performance.now() - t0;
    onProgress?.({ done: total * 2, total: total * 2 });
    return true;
  }

  /** Files or folders changed on disk; returns every file whose diagnostics changed (including ones now empty). */
  applyChanges(paths: string[]): string[] { return this.checker.check(this.update(paths)); }
  /** An editor's unsaved text (undefined: closed); returns the files whose diagnostics changed. */
  setOverlay(path: string, text: string | undefined): string[] { return this.checker.check(this.setOverlayText(path, text)); }

  /**
   * The records part of applyChanges: the index answers from the new records at once, and the files
   * the change affects wait for `checkPending` (their diagnostics may be stale until then).
   */
  applyRecords(paths: string[]): void { this.checker.invalidate(this.update(paths)); }
  /** The records part of setOverlay (see applyRecords). */
  setOverlayRecords(path: string, text: string | undefined): void { this.checker.invalidate(this.setOverlayText(path, text)); }
  /** Checks files left pending by applyRecords/setOverlayRecords for at most `budgetMs`; returns those whose problems changed. */
  checkPending(budgetMs?: number): string[] { return this.checker.checkPending(budgetMs); }
  /** Files whose diagnostics still wait for checkPending. */
  get pendingChecks(): number { return this.checker.pendingCount; }

  diagnosticsOf(path: string): EngineDiagnostic[] { return this.checker.diagnosticsOf(normalizePath(path)); }
  allDiagnostics(): ReadonlyMap<string, EngineDiagnostic[]> { return this.checker.allDiagnostics(); }
  stats() { return { ...this.recordStats(), ...this.checker.problemCounts() }; }
}
