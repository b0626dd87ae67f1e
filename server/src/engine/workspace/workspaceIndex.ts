import { nodeFileHost, type FileHost } from '../files/fileHost';
import { ExcludeMatcher, ALWAYS_EXCLUDED_DIRS } from '../files/globs';
import { dirOf, fileKind, isInside, normalizePath } from '../files/paths';
import type { AppJsonRecord, AppRecord, ElementKind, ElementRecord, PythonRecord } from '../model/records';
import type { EngineDiagnostic } from '../model/diagnostics';
import { localeOf, type Locale } from '../i18n/messages';
import { validateElement, validatePython } from '../rules';
import { keys, resetInternedKeys, ValidationContext, type IndexView } from './validationContext';
import { buildAppJson, buildElement, buildPython, readText } from './recordBuilder';

export interface IndexOptions {
  host?: FileHost;
  locale?: string;
  exclude?: readonly string[];
}

export interface IndexProgress { done: number; total: number }

/**
 * The whole workspace: apps, elements, Python files, their diagnostics, and the reverse
 * dependency edges (`key -> files that looked it up`) that make updates proportional to what
 * depends on a change.
 */
export class WorkspaceIndex implements IndexView {
  readonly host: FileHost;
  locale: Locale;
  private exclude: ExcludeMatcher;
  private folders: string[] = [];
  private apps = new Map<string, AppRecord>();
  private appJsons = new Map<string, AppJsonRecord>();
  private elements = new Map<string, ElementRecord>();
  private byName = new Map<string, Map<string, ElementRecord>>();
  private byKind = new Map<string, Set<ElementRecord>>();
  private pythons = new Map<string, PythonRecord>();
  private diags = new Map<string, EngineDiagnostic[]>();
  private deps = new Map<string, Set<string>>();
  private rdeps = new Map<string, Set<string>>();
  private readonly overlays = new Map<string, string>();
  /** Kept up to date as records and diagnostics change, so the status needs no full pass. */
  private counts = { events: 0, subscribers: 0, errors: 0, warnings: 0 };
  private generation = 0;
  /** Increases on every change of indexed content. */
  version = 0;
  /** Increases only when a service/model/assistant/agent (something completion lists) changes. */
  declarationsVersion = 0;
  lastIndexMs = 0;

  constructor(opts: IndexOptions = {}) {
    this.host = opts.host ?? nodeFileHost;
    this.locale = localeOf(opts.locale);
    this.exclude = new ExcludeMatcher(opts.exclude ?? []);
  }

  // ---- configuration ----------------------------------------------------------------------

  get workspaceFolders(): readonly string[] { return this.folders; }

  setFolders(folders: string[]): void {
    this.folders = [...new Set(folders.map(normalizePath))];
    this.rootByDir.clear();
  }
  setLocale(tag: string | undefined): boolean {
    const l = localeOf(tag);
    if (l === this.locale) return false;
    this.locale = l;
    return true;
  }
  setExclude(globs: readonly string[]): void { this.exclude = new ExcludeMatcher(globs); }

  /** True when a file is outside every folder or excluded. */
  isExcluded(path: string): boolean {
    const folder = this.folders.filter((f) => isInside(path, f)).sort((a, b) => b.length - a.length)[0];
    if (!folder) return true;
    const rel = path.slice(folder.length + 1);
    const segs = rel.split('/');
    for (let i = 0; i < segs.length - 1; i++) if (ALWAYS_EXCLUDED_DIRS.has(segs[i])) return true;
    for (let i = 1; i < segs.length; i++) if (this.exclude.excludes(segs.slice(0, i).join('/'), true)) return true;
    return this.exclude.excludes(rel, false);
  }

  // ---- full index ---------------------------------------------------------------------------

  /** Re-reads every folder from scratch. A newer call makes an older one stop early (returns false). */
  async indexAll(onProgress?: (p: IndexProgress) => void, yieldEvery = 500): Promise<boolean> {
    const gen = ++this.generation;
    const t0 = performance.now();
    resetInternedKeys(); // keys of deleted files and old app roots do not pile up across re-indexes
    const files: string[] = [];
    // Folders are normalised, so listed paths already are (absolute, forward slashes).
    for (const f of this.folders) for (const p of this.host.list(f, this.exclude)) files.push(p);
    const fresh = new WorkspaceIndex({ host: this.host });
    fresh.locale = this.locale;
    fresh.exclude = this.exclude;
    fresh.folders = this.folders;
    for (const [k, v] of this.overlays) fresh.overlays.set(k, v);
    const appFiles = files.filter((p) => fileKind(p) === 'app');
    for (const p of appFiles) fresh.loadAppJson(p);
    fresh.rebuildApps(files);
    const elementFiles = files.filter((p) => fileKind(p) === 'element');
    const pyFiles = files.filter((p) => fileKind(p) === 'python');
    const total = elementFiles.length + pyFiles.length;
    let done = 0;
    // Yields to the event loop every `yieldEvery` files so requests and cancellation get through.
    const step = async (): Promise<boolean> => {
      onProgress?.({ done, total: total * 2 });
      await new Promise((r) => setImmediate(r));
      return gen === this.generation;
    };
    for (const p of elementFiles) { fresh.loadElement(p); if (++done % yieldEvery === 0 && !(await step())) return false; }
    for (const p of pyFiles) { fresh.loadPython(p); if (++done % yieldEvery === 0 && !(await step())) return false; }
    fresh.reclassify();
    for (const m of [fresh.elements, fresh.pythons] as Map<string, unknown>[]) {
      for (const path of m.keys()) { fresh.validate(path); if (++done % yieldEvery === 0 && !(await step())) return false; }
    }
    this.adopt(fresh);
    this.lastIndexMs = performance.now() - t0;
    this.version++;
    this.declarationsVersion++;
    onProgress?.({ done: total * 2, total: total * 2 });
    return true;
  }

  private adopt(o: WorkspaceIndex): void {
    this.apps = o.apps; this.appJsons = o.appJsons; this.elements = o.elements; this.byName = o.byName;
    this.byKind = o.byKind; this.pythons = o.pythons; this.diags = o.diags; this.deps = o.deps; this.rdeps = o.rdeps;
    this.counts = o.counts;
    this.rootByDir.clear();
  }


  // ---- records ------------------------------------------------------------------------------

  private loadAppJson(path: string): void {
    const rec = buildAppJson(path, readText(this.host, this.overlays, path));
    if (rec) this.appJsons.set(path, rec); else this.appJsons.delete(path);
  }

  /** App roots: folders with app.json, plus each workspace folder holding elements outside them. */
  private rebuildApps(files: Iterable<string>): void {
    this.apps.clear();
    this.rootByDir.clear();
    for (const rec of this.appJsons.values()) {
      this.apps.set(rec.root, { root: rec.root, appJsonPath: rec.path, appId: rec.appId, title: rec.title, hasParents: rec.hasParents, implicit: false });
    }
    for (const p of files) if (fileKind(p) === 'element') this.ensureApp(p);
  }

  private ensureApp(path: string): string {
    const root = this.appRootOf(path);
    if (!this.apps.has(root)) this.apps.set(root, { root, hasParents: false, implicit: true, title: root.slice(root.lastIndexOf('/') + 1) });
    return root;
  }

  /** Cache of appRootOf by folder; cleared whenever app roots or folders change. */
  private readonly rootByDir = new Map<string, string>();

  /** The nearest ancestor with app.json, else the workspace folder, else the file's folder. */
  appRootOf(path: string): string {
    const dir = dirOf(path);
    let root = this.rootByDir.get(dir);
    if (root === undefined) this.rootByDir.set(dir, (root = this.computeAppRoot(path)));
    return root;
  }

  private computeAppRoot(path: string): string {
    for (let d = dirOf(path); ; d = dirOf(d)) {
      if (this.appJsons.has(`${d}/app.json`)) return d;
      if (d === '/' || d.length <= 1) break;
    }
    const folder = this.folders.filter((f) => isInside(path, f)).sort((a, b) => b.length - a.length)[0];
    return folder ?? dirOf(dirOf(path));
  }

  private loadElement(path: string): ElementRecord | undefined {
    const old = this.elements.get(path);
    if (old) this.unlinkElement(old);
    const appRoot = this.ensureApp(path);
    const reread = () => { const r = readText(this.host, this.overlays, path); return 'text' in r ? r.text : undefined; };
    const el = buildElement(path, appRoot, readText(this.host, this.overlays, path), (t) => this.byName.get(appRoot)?.get(t)?.type, reread);
    if (el) this.linkElement(el);
    return el;
  }

  private countElement(el: ElementRecord, sign: 1 | -1): void {
    this.counts.events += sign * (el.json.eventDescs?.entries.length ?? 0);
    if (el.kind === 'event' || el.kind === 'task') this.counts.subscribers += sign;
  }

  private linkElement(el: ElementRecord): void {
    this.elements.set(el.path, el);
    this.countElement(el, 1);
    let m = this.byName.get(el.appRoot);
    if (!m) this.byName.set(el.appRoot, (m = new Map()));
    m.set(el.fullName, el);
    const kk = keys.kind(el.appRoot, el.kind);
    let s = this.byKind.get(kk);
    if (!s) this.byKind.set(kk, (s = new Set()));
    s.add(el);
  }

  private unlinkElement(el: ElementRecord): void {
    if (this.elements.get(el.path) !== el) return; // already unlinked
    this.elements.delete(el.path);
    this.countElement(el, -1);
    const m = this.byName.get(el.appRoot);
    if (m?.get(el.fullName) === el) m.delete(el.fullName);
    this.byKind.get(keys.kind(el.appRoot, el.kind))?.delete(el);
  }

  private loadPython(path: string): PythonRecord | undefined {
    const reread = () => { const r = readText(this.host, this.overlays, path); return 'text' in r ? r.text : undefined; };
    const rec = buildPython(path, this.appRootOf(path), readText(this.host, this.overlays, path), reread);
    if (rec) this.pythons.set(path, rec); else this.pythons.delete(path);
    return rec;
  }

  /** Second pass so custom Type elements defined anywhere in the app are known. */
  private reclassify(): void {
    for (const el of [...this.elements.values()]) {
      if (el.kind !== 'other') continue;
      this.loadElement(el.path);
    }
  }

  // ---- validation ---------------------------------------------------------------------------

  /** Validates one file; returns true when its diagnostics changed. */
  private validate(path: string): boolean {
    const el = this.elements.get(path);
    const py = el ? undefined : this.pythons.get(path);
    const before = this.diags.get(path);
    this.dropDeps(path);
    if (!el && !py) {
      this.setDiagnostics(path, []);
      return !!before?.length;
    }
    if (py && !py.unreadable && py.scan.publishCalls.length === 0) {
      // Nothing in this file refers to anything: no dependencies, no problems.
      this.setDiagnostics(path, []);
      return !!before?.length;
    }
    const ctx = new ValidationContext(this, this.locale);
    let list: EngineDiagnostic[];
    try {
      list = el ? validateElement(el, ctx) : validatePython(py!, ctx);
    } catch (e) {
      list = [];
      console.error(`jitai-events: validating ${path} failed: ${(e as Error)?.stack ?? e}`);
    }
    this.deps.set(path, ctx.deps);
    for (const k of ctx.deps) {
      let s = this.rdeps.get(k);
      if (!s) this.rdeps.set(k, (s = new Set()));
      s.add(path);
    }
    this.setDiagnostics(path, list);
    return !sameDiagnostics(before, list);
  }

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

  private dropDeps(path: string): void {
    const old = this.deps.get(path);
    if (!old) return;
    for (const k of old) this.rdeps.get(k)?.delete(path);
    this.deps.delete(path);
  }

  // ---- incremental updates ----------------------------------------------------------------

  /** Open/changed/closed editor contents win over disk. `text` undefined = closed. */
  setOverlay(path: string, text: string | undefined): string[] {
    const p = normalizePath(path);
    if (text === undefined) this.overlays.delete(p); else this.overlays.set(p, text);
    return this.applyChanges([p]);
  }

  /**
   * Re-reads the given paths (files or folders, created, changed or deleted) and revalidates what
   * depends on them. Returns every file whose diagnostics changed (including ones now empty).
   */
  applyChanges(paths: string[]): string[] {
    const provided = new Set<string>();
    const touched = new Set<string>();
    let structural = false;
    const expanded: string[] = [];
    for (const raw of paths) {
      const p = normalizePath(raw);
      if (fileKind(p)) { expanded.push(p); continue; }
      // A folder: everything known below it, plus what is on disk now.
      for (const m of [this.elements, this.pythons, this.appJsons] as Map<string, unknown>[]) for (const k of m.keys()) if (isInside(k, p)) expanded.push(k);
      if (!this.isExcluded(`${p}/x`)) for (const f of this.host.list(p, this.exclude)) expanded.push(normalizePath(f));
    }
    for (const p of new Set(expanded)) {
      const kind = fileKind(p);
      const gone = this.isExcluded(p);
      if (kind === 'app') {
        const had = this.appJsons.get(p);
        if (gone) this.appJsons.delete(p); else this.loadAppJson(p);
        const now = this.appJsons.get(p);
        if (!had !== !now) structural = true;
        provided.add(keys.app(dirOf(p)));
        const app = this.apps.get(dirOf(p));
        if (app && now) { app.hasParents = now.hasParents; app.appId = now.appId; app.title = now.title; }
      } else if (kind === 'element') {
        const old = this.elements.get(p);
        let el: ElementRecord | undefined;
        if (gone) { if (old) this.unlinkElement(old); } else el = this.loadElement(p);
        if (!el && old) this.unlinkElement(old);
        if (old) provided.add(keys.element(old.appRoot, old.fullName));
        if (el) provided.add(keys.element(el.appRoot, el.fullName));
        if ((old && old.kind !== 'event' && old.kind !== 'task') || (el && el.kind !== 'event' && el.kind !== 'task')) this.declarationsVersion++;
        if (old?.kind !== el?.kind) {
          if (old) provided.add(keys.kind(old.appRoot, old.kind));
          if (el) provided.add(keys.kind(el.appRoot, el.kind));
        }
        touched.add(p);
      } else if (kind === 'python') {
        if (gone) this.pythons.delete(p); else this.loadPython(p);
        if (/\/(model|service)\.py$/.test(p)) this.declarationsVersion++;
        provided.add(keys.python(p));
        touched.add(p);
      }
    }
    if (structural) return this.rebuildStructure();
    const affected = new Set<string>(touched);
    for (const k of provided) for (const f of this.rdeps.get(k) ?? []) affected.add(f);
    const changed: string[] = [];
    for (const f of affected) if (this.validate(f)) changed.push(f);
    if (affected.size) this.version++;
    return changed;
  }

  /** app.json appeared or vanished: app roots and fullNames move; revalidate everything. */
  private rebuildStructure(): string[] {
    const all = [...this.elements.keys(), ...this.pythons.keys(), ...this.diags.keys()];
    for (const el of [...this.elements.values()]) this.unlinkElement(el);
    this.rebuildApps(all);
    const paths = [...new Set(all)];
    for (const p of paths) {
      if (fileKind(p) === 'element') this.loadElement(p);
      else if (fileKind(p) === 'python') this.loadPython(p);
    }
    this.reclassify();
    const changed: string[] = [];
    for (const p of paths) if (this.validate(p)) changed.push(p);
    this.version++;
    this.declarationsVersion++;
    return changed;
  }

  /** Recomputes every diagnostic (e.g. after a locale change). Returns files whose diagnostics changed. */
  revalidateAll(): string[] {
    const changed: string[] = [];
    for (const p of [...this.elements.keys(), ...this.pythons.keys()]) if (this.validate(p)) changed.push(p);
    return changed;
  }

  // ---- queries (IndexView and features) ------------------------------------------------------

  app(root: string): AppRecord | undefined { return this.apps.get(root); }
  element(appRoot: string, fullName: string): ElementRecord | undefined { return this.byName.get(appRoot)?.get(fullName); }
  python(path: string): PythonRecord | undefined { return this.pythons.get(path); }
  elementsOfKind(appRoot: string, kind: ElementKind): ElementRecord[] {
    return [...(this.byKind.get(keys.kind(appRoot, kind)) ?? [])];
  }
  elementAt(path: string): ElementRecord | undefined { return this.elements.get(normalizePath(path)); }
  /** The element whose folder holds `path` (nearest e.json above it). */
  elementOwning(path: string): ElementRecord | undefined {
    const p = normalizePath(path);
    for (let d = dirOf(p); d.length > 1; d = dirOf(d)) {
      const el = this.elements.get(`${d}/e.json`);
      if (el) return el;
    }
    return undefined;
  }
  allApps(): AppRecord[] { return [...this.apps.values()]; }
  allElements(): IterableIterator<ElementRecord> { return this.elements.values(); }
  elementsOfApp(appRoot: string): IterableIterator<ElementRecord> { return (this.byName.get(appRoot) ?? new Map()).values(); }
  allPython(): IterableIterator<PythonRecord> { return this.pythons.values(); }
  overlay(path: string): string | undefined { return this.overlays.get(normalizePath(path)); }
  diagnosticsOf(path: string): EngineDiagnostic[] { return this.diags.get(normalizePath(path)) ?? []; }
  allDiagnostics(): ReadonlyMap<string, EngineDiagnostic[]> { return this.diags; }
  /** Files that looked a key up during validation (reverse edges). */
  dependentsOf(key: string): ReadonlySet<string> { return this.rdeps.get(key) ?? new Set(); }

  stats() {
    const { events, subscribers, errors, warnings } = this.counts;
    return { apps: this.apps.size, elements: this.elements.size, pythonFiles: this.pythons.size, events, subscribers, errors, warnings };
  }

}

function sameDiagnostics(a: EngineDiagnostic[] | undefined, b: EngineDiagnostic[]): boolean {
  if (!a) return b.length === 0;
  if (a.length !== b.length) return false;
  return JSON.stringify(a) === JSON.stringify(b);
}
