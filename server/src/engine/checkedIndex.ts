/**
 * The index with its checker attached: loading or changing files re-checks what the change
 * affects and returns the files whose problems changed. The facade (engine.ts) drives it.
 */
import type { EngineDiagnostic } from './model/diagnostics';
import { normalizePath } from './files/paths';
import { forgetOldKeyIds, resetInternedKeys } from './workspace/dependencyKeys';
import { WorkspaceIndex, type ChangeSet, type IndexOptions, type IndexProgress, type LoadTick } from './workspace/workspaceIndex';
import { Checker } from './check/checker';
import { FlowChanges } from './check/flowChanges';
import { carryFlowGraph, elementFlowSignature, pythonFlowSignature, untrackFlow } from './domain/flowGraph';
import { carryEventLoops } from './domain/eventLoops';

export interface CheckedIndexOptions extends IndexOptions {
  /**
   * A check that is read once and never updated (the CLI): no dependency edges, reverse edges or
   * flow baselines are kept (they only serve re-checking after a change). Same diagnostics.
   * Changes applied to such an index afterwards are not re-checked correctly.
   */
  oneShot?: boolean;
}

export class CheckedIndex extends WorkspaceIndex {
  readonly checker: Checker;
  private generation = 0;
  private readonly flowChanges = new FlowChanges();
  /** Bumped when flow facts (publish calls, handlers, calls) may have changed; flow results are cached by it. */
  flowVersion = 0;

  private readonly oneShot: boolean;

  constructor(opts: CheckedIndexOptions = {}) {
    super(opts);
    this.oneShot = !!opts.oneShot;
    this.checker = new Checker(this, this.log, !this.oneShot);
  }

  /**
   * Reads and checks every folder from scratch. A newer call makes an older one stop early (returns false).
   * Yields to the event loop every `yieldEvery` files and, with `yieldAfterMs`, whenever that long has passed.
   */
  async indexAll(onProgress?: (p: IndexProgress) => void, yieldEvery = 500, yieldAfterMs = Infinity): Promise<boolean> {
    const gen = ++this.generation;
    const t0 = performance.now();
    const keysReset = resetInternedKeys(); // keys of deleted files and old app roots do not pile up across re-indexes
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
    const checker = new Checker(fresh, this.log, !this.oneShot);
    if (this.oneShot) untrackFlow(fresh);
    checker.overrides = this.checker.overrides;
    for (const path of fresh.recordPaths()) {
      checker.validate(path);
      if (due() && !(await step())) return false;
    }
    this.adopt(fresh);
    this.checker.adopt(checker);
    forgetOldKeyIds(keysReset);
    this.flowVersion++;
    // Same records: the flow graph and loops the check built on `fresh` hold for this index too.
    carryFlowGraph(fresh, this);
    carryEventLoops(fresh, this);
    if (!this.oneShot) this.flowChanges.reset(this);
    this.lastIndexMs = performance.now() - t0;
    onProgress?.({ done: total * 2, total: total * 2 });
    return true;
  }

  /** Files or folders changed on disk; returns every file whose diagnostics changed (including ones now empty). */
  applyChanges(paths: string[]): string[] {
    const before = this.flowSignatures(paths);
    return this.checker.check(this.withFlow(this.update(paths), before));
  }
  /** An editor's unsaved text (undefined: closed); returns the files whose diagnostics changed. */
  setOverlay(path: string, text: string | undefined): string[] {
    const before = this.flowSignatures([path]);
    return this.checker.check(this.withFlow(this.setOverlayText(path, text), before));
  }

  /** What the flow graph uses of a Python file or an e.json ('' when absent); undefined for anything else. */
  private flowSignature(p: string): string | undefined {
    if (p.endsWith('.py')) return pythonFlowSignature(this.python(p));
    if (p.endsWith('/e.json')) return elementFlowSignature(this.elementOfFile(p));
    return undefined;
  }

  /** Flow signatures of files about to change; undefined when a path is a folder or other file (flow may change). */
  private flowSignatures(paths: string[]): Map<string, string> | undefined {
    const out = new Map<string, string>();
    for (const raw of paths) {
      const p = normalizePath(raw);
      const sig = this.flowSignature(p);
      if (sig === undefined) return undefined;
      out.set(p, sig);
    }
    return out;
  }

  /**
   * Adds the payload, handler and loop keys a change altered (see FlowChanges). Edits that leave
   * a Python file's publish calls, functions and calls, or an e.json's listening and handler keys,
   * as they were change no flow fact: the flow graph is kept and nothing else is re-checked.
   */
  private withFlow(cs: ChangeSet, before: Map<string, string> | undefined): ChangeSet {
    if (cs.structural) { this.flowVersion++; this.flowChanges.reset(this); return cs; }
    if (!cs.touched.size) return cs;
    // Only the changed paths (`before`) have new content; other touched files are re-checked for usage
    // counts or kinds and cannot change a flow fact.
    if (before && [...before].every(([p, sig]) => sig === this.flowSignature(p))) return cs;
    this.flowVersion++;
    for (const k of this.flowChanges.changedKeys(this, cs.touched, this.flowVersion - 1)) cs.provided.add(k);
    return cs;
  }

  /**
   * The records part of applyChanges: the index answers from the new records at once, and the files
   * the change affects wait for `checkPending` (their diagnostics may be stale until then).
   */
  applyRecords(paths: string[]): void {
    const before = this.flowSignatures(paths);
    this.checker.invalidate(this.withFlow(this.update(paths), before));
  }
  /** The records part of setOverlay (see applyRecords). */
  setOverlayRecords(path: string, text: string | undefined): void {
    const before = this.flowSignatures([path]);
    this.checker.invalidate(this.withFlow(this.setOverlayText(path, text), before));
  }
  /** Checks files left pending by applyRecords/setOverlayRecords for at most `budgetMs`; returns those whose problems changed. */
  checkPending(budgetMs?: number): string[] { return this.checker.checkPending(budgetMs); }
  /** Files whose diagnostics still wait for checkPending. */
  get pendingChecks(): number { return this.checker.pendingCount; }

  diagnosticsOf(path: string): EngineDiagnostic[] { return this.checker.diagnosticsOf(normalizePath(path)); }
  allDiagnostics(): ReadonlyMap<string, EngineDiagnostic[]> { return this.checker.allDiagnostics(); }
  stats() { return { ...this.recordStats(), ...this.checker.problemCounts() }; }
}
