/**
 * Validation state of the workspace: each file's diagnostics, its dependencies (what it looked up)
 * and the reverse edges (key -> files that looked it up), so a change re-checks only the files
 * that depend on it. A change first marks the files it affects as pending (cheap), then pending
 * files are checked, all at once or in time-boxed slices; a file marked twice is checked once.
 * Error and warning counts are kept up to date as diagnostics change.
 */
import type { EngineDiagnostic } from '../model/diagnostics';
import type { AppJsonRecord, ElementRecord, PythonRecord } from '../model/records';
import type { UsageLookup } from '../workspace/usageMaps';
import { applySeverities, type SeverityOverrides } from './severityOverrides';
import type { Locale } from '../i18n/messages';
import type { Lookup } from '../domain/senders';
import type { FlowSource } from '../domain/flowGraph';
import { hasPayloadReads } from '../domain/handlerReads';
import type { ChangeSet } from '../workspace/workspaceIndex';
import { keys } from '../workspace/dependencyKeys';
import { ReverseEdges } from '../workspace/reverseEdges';
import { closestName, isTypoCandidate } from '../text/closestName';
import { TrackingLookup, type NearQuery } from './trackingLookup';
import { validateAppJson, validateElement, validatePython } from './rules';
import { capProblems, notScannedNotice } from './fileNotices';

/** What the checker reads: the index's lookups, plus records by (normalised) path and the locale. */
export interface CheckedView extends Lookup, FlowSource, UsageLookup {
  readonly locale: Locale;
  /** True when the editor shows JSON syntax errors of open files itself; the engine then leaves them out. */
  readonly clientSyntaxErrors: boolean;
  isOpen(path: string): boolean;
  elementOfFile(path: string): ElementRecord | undefined;
  appJsonAt(path: string): AppJsonRecord | undefined;
  recordPaths(): IterableIterator<string>;
}

/** Python files checked even without publish calls or element references: an element's implementation and package. */
const CONTRACT_FILES = /\/(service|model|__init__)\.py$/;

export class Checker {
  private diags = new Map<string, EngineDiagnostic[]>();
  /** Keys each file looked up (an array: files have few), and the reverse. */
  private deps = new Map<string, readonly string[]>();
  private rdeps = new ReverseEdges();
  /** "Did you mean" questions: kind key -> asked name -> file that asked -> the answer it got. */
  private nearRdeps = new Map<string, Map<string, Map<string, string | undefined>>>();
  private nearDeps = new Map<string, NearQuery[]>();
  private counts = { errors: 0, warnings: 0 };
  /** The user's severity per code; set directly only before the first check (see setOverrides). */
  overrides: SeverityOverrides = new Map();
  /** Files whose diagnostics may be out of date (in the order they were marked). */
  private pending = new Set<string>();

  /** `track` false: a one-shot check (never updated): no dependencies or reverse edges are recorded. */
  constructor(private readonly view: CheckedView, private readonly log: (message: string) => void, private readonly track = true) {}

  /** The user's severity per code ('off' drops it); re-checks every file and returns those whose problems changed. */
  setOverrides(o: SeverityOverrides): string[] {
    this.overrides = o;
    const changed: string[] = [];
    const all = new Set([...this.view.recordPaths(), ...this.diags.keys()]);
    for (const f of all) if (this.validate(f)) changed.push(f);
    return changed;
  }

  /** Checks what a change affects: touched files and every file that looked up a provided key. Returns files whose problems changed. */
  check(cs: ChangeSet): string[] {
    this.invalidate(cs);
    return this.checkPending();
  }

  /** Marks what a change affects as pending without checking anything yet. */
  invalidate(cs: ChangeSet): void {
    const p = this.pending;
    for (const f of cs.touched) p.add(f);
    if (cs.structural) for (const f of this.diags.keys()) p.add(f);
    for (const k of cs.provided) for (const f of this.rdeps.filesOf(k)) p.add(f);
    // A suggestion changes only when it leaves the kind, or a name joins that beats it (closestName's
    // answer depends on the set alone): a file is re-checked only then, not on every service added.
    for (const n of cs.names) {
      const asked = this.nearRdeps.get(keys.kind(n.appRoot, n.kind));
      if (!asked) continue;
      for (const [name, files] of asked) {
        if (!isTypoCandidate(name, n.fullName)) continue;
        const beats = new Map<string | undefined, boolean>();
        for (const [f, answer] of files) {
          let b = beats.get(answer);
          if (b === undefined) beats.set(answer, (b = answer === n.fullName || closestName(name, answer === undefined ? [n.fullName] : [answer, n.fullName]) === n.fullName));
          if (b) p.add(f);
        }
      }
    }
  }

  /** Files still waiting to be checked. */
  get pendingCount(): number { return this.pending.size; }

  /** Checks pending files until none is left or `budgetMs` has passed; returns the files whose problems changed. */
  checkPending(budgetMs = Infinity): string[] {
    const changed: string[] = [];
    const until = budgetMs === Infinity ? Infinity : performance.now() + budgetMs;
    for (const f of this.pending) {
      this.pending.delete(f);
      if (this.validate(f)) changed.push(f);
      if (performance.now() >= until) break;
    }
    return changed;
  }

  /** Checks one file; returns true when its diagnostics changed. */
  validate(path: string): boolean {
    const el = this.view.elementOfFile(path);
    const py = el ? undefined : this.view.python(path);
    const aj = el || py ? undefined : this.view.appJsonAt(path);
    const before = this.diags.get(path);
    this.dropDeps(path);
    if (!el && !py && !aj) {
      this.setDiagnostics(path, []);
      return !!before?.length;
    }
    if (py && (py.unreadable || (!refersToAnything(py) && !hasPayloadReads(py.scan) && !py.scan.elementRefs && !CONTRACT_FILES.test(path)))) {
      // Nothing in this file refers to anything: no dependencies; at most a note that it was not scanned.
      const note = notScannedNotice(py, this.view.locale);
      const list = note ? [note] : [];
      this.setDiagnostics(path, list);
      return !sameDiagnostics(before, list);
    }
    const lookup = new TrackingLookup(this.view, this.view.locale, this.track);
    let list: EngineDiagnostic[];
    try {
      const syntaxErrors = !(this.view.clientSyntaxErrors && this.view.isOpen(path));
      list = el ? validateElement(el, lookup, { syntaxErrors }) : py ? validatePython(py, lookup) : validateAppJson(aj!, lookup);
      if (this.overrides.size) list = applySeverities(list, this.overrides);
      list = capProblems(list, this.view.locale);
    } catch (e) {
      list = [];
      this.log(`jitai-events: validating ${path} failed: ${(e as Error)?.stack ?? e}`);
    }
    if (this.track) this.addDeps(path, lookup);
    this.setDiagnostics(path, list);
    return !sameDiagnostics(before, list);
  }

  /** Takes over the state of a checker that validated a freshly loaded index. */
  adopt(o: Checker): void {
    this.diags = o.diags; this.deps = o.deps; this.rdeps = o.rdeps; this.counts = o.counts;
    this.nearDeps = o.nearDeps; this.nearRdeps = o.nearRdeps; this.pending = o.pending;
  }

  diagnosticsOf(path: string): EngineDiagnostic[] { return this.diags.get(path) ?? []; }
  allDiagnostics(): ReadonlyMap<string, EngineDiagnostic[]> { return this.diags; }
  problemCounts(): { errors: number; warnings: number } { return { ...this.counts }; }

  private setDiagnostics(path: string, list: EngineDiagnostic[]): void {
    const count = (l: EngineDiagnostic[] | undefined, sign: 1 | -1) => {
      for (const d of l ?? []) {
        if (d.severity === 1) this.counts.errors += sign; else if (d.severity === 2) this.counts.warnings += sign;
      }
    };
    count(this.diags.get(path), -1);
    count(list, 1);
    if (list.length) this.diags.set(path, list); else this.diags.delete(path);
  }

  private addDeps(path: string, lookup: TrackingLookup): void {
    if (lookup.deps.size) {
      this.deps.set(path, [...lookup.deps]);
      for (const k of lookup.deps) this.rdeps.add(k, path);
    }
    if (!lookup.nears.length) return;
    this.nearDeps.set(path, lookup.nears);
    for (const q of lookup.nears) {
      let byName = this.nearRdeps.get(q.kindKey);
      if (!byName) this.nearRdeps.set(q.kindKey, (byName = new Map()));
      let files = byName.get(q.name);
      if (!files) byName.set(q.name, (files = new Map()));
      files.set(path, q.answer);
    }
  }

  private dropDeps(path: string): void {
    const old = this.deps.get(path);
    if (old) {
      for (const k of old) this.rdeps.delete(k, path);
      this.deps.delete(path);
    }
    const nears = this.nearDeps.get(path);
    if (!nears) return;
    for (const q of nears) {
      const byName = this.nearRdeps.get(q.kindKey);
      const files = byName?.get(q.name);
      if (!files) continue;
      files.delete(path);
      if (!files.size) byName!.delete(q.name);
    }
    this.nearDeps.delete(path);
  }
}

/** Python files with nothing to check have no dependencies and no problems (most files of a big app). */
function refersToAnything(py: PythonRecord): boolean {
  const s = py.scan;
  return s.publishCalls.length > 0 || s.imports.length > 0 || /\/inner\.py$/.test(py.path);
}

function sameDiagnostics(a: EngineDiagnostic[] | undefined, b: EngineDiagnostic[]): boolean {
  if (!a) return b.length === 0;
  if (a.length !== b.length) return false;
  return JSON.stringify(a) === JSON.stringify(b);
}
