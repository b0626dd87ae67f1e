/**
 * The workspace's records: apps, elements and Python files read from the folders (editor overlays
 * win over disk), the maps that find them by name and kind, and the queries features use.
 * Loading or changing files returns a ChangeSet saying which files and lookups changed.
 */
import { nodeFileHost, type FileHost, type ReadResult } from '../files/fileHost';
import { dirOf, fileKind, isInside, normalizePath } from '../files/paths';
import type { AppJsonRecord, AppRecord, ElementKind, ElementRecord, PythonRecord } from '../model/records';
import { localeOf, type Locale } from '../i18n/messages';
import { keys } from './dependencyKeys';
import { AppRoots, folderOf, isAppRoot } from './appRoots';
import { FolderExcludes } from './exclusion';
import { buildAppJson, buildElement, buildPython, readText } from './recordBuilder';
import { workflowNodes } from './workflowNodes';

export interface IndexOptions {
  host?: FileHost;
  locale?: string;
  /** Exclusion globs of every workspace folder without a list of its own. */
  exclude?: readonly string[];
  /** Where the engine reports its own failures (never user-input problems). Default: none. */
  log?: (message: string) => void;
}

export interface IndexProgress { done: number; total: number }

/** What a change did to the records: files re-read, lookups whose answer may differ, and whether app roots moved. */
export interface ChangeSet {
  /** Files (e.json, .py) read again, created or deleted. */
  touched: Set<string>;
  /** Dependency keys (see dependencyKeys) whose lookups may now answer differently. */
  provided: Set<string>;
  /** app.json appeared or vanished: app roots and fullNames moved, every file must be checked again. */
  structural: boolean;
}

/** Called once per file while loading: true (or a promise of true) to go on, false to stop. */
export type LoadTick = () => boolean | Promise<boolean>;

export class WorkspaceIndex {
  readonly host: FileHost;
  readonly log: (message: string) => void;
  locale: Locale;
  private excludes: FolderExcludes;
  private folders: string[] = [];
  private apps = new Map<string, AppRecord>();
  private appJsons = new Map<string, AppJsonRecord>();
  private elements = new Map<string, ElementRecord>();
  private byName = new Map<string, Map<string, ElementRecord>>();
  private byKind = new Map<string, Set<ElementRecord>>();
  private pythons = new Map<string, PythonRecord>();
  private readonly overlays = new Map<string, string>();
  private readonly roots = new AppRoots((p) => isAppRoot(this.appJsons.get(p)), () => this.folders);
  /** Kept up to date as records change, so the status needs no full pass. */
  private counts = { events: 0, subscribers: 0 };
  /** Increases on every change of indexed content. */
  version = 0;
  /** Increases only when a service/model/assistant/agent (something completion lists) changes. */
  declarationsVersion = 0;
  lastIndexMs = 0;
  /** True when the editor reports JSON syntax errors of open files itself (VS Code's JSON support). */
  clientSyntaxErrors = false;

  constructor(opts: IndexOptions = {}) {
    this.host = opts.host ?? nodeFileHost;
    this.log = opts.log ?? (() => {});
    this.locale = localeOf(opts.locale);
    this.excludes = new FolderExcludes(opts.exclude ?? []);
  }

  // ---- configuration ----------------------------------------------------------------------

  get workspaceFolders(): readonly string[] { return this.folders; }

  setFolders(folders: string[]): void {
    this.folders = [...new Set(folders.map(normalizePath))];
    this.roots.clear();
  }
  setLocale(tag: string | undefined): boolean {
    const l = localeOf(tag);
    if (l === this.locale) return false;
    this.locale = l;
    return true;
  }
  /** Exclusion globs for one workspace folder, or (no folder) for every folder without its own list. */
  setExclude(globs: readonly string[], folder?: string): void {
    this.excludes.set(globs, folder === undefined ? undefined : normalizePath(folder));
  }
  /** Exclusion globs that do not compile; they are ignored. */
  invalidExcludes(): string[] { return this.excludes.invalid(); }

  /** True when a file is outside every folder or excluded. */
  isExcluded(path: string): boolean { return this.excludes.excludes(path, this.folders); }

  // ---- full load ------------------------------------------------------------------------------

  /**
   * Reads every folder into a fresh index (this one is untouched until `adopt`). `onListed` gets the
   * number of e.json and Python files; `tick` runs after each. Returns undefined when `tick` asks to stop.
   */
  async loadAll(tick: LoadTick, onListed?: (records: number) => void): Promise<WorkspaceIndex | undefined> {
    const files: string[] = [];
    // Folders are normalised, so listed paths already are (absolute, forward slashes).
    for (const f of this.folders) for (const p of this.host.list(f, this.excludes.matcherFor(f))) files.push(p);
    const fresh = new WorkspaceIndex({ host: this.host, log: this.log });
    fresh.locale = this.locale;
    fresh.clientSyntaxErrors = this.clientSyntaxErrors;
    fresh.excludes = this.excludes;
    fresh.folders = this.folders;
    for (const [k, v] of this.overlays) fresh.overlays.set(k, v);
    for (const p of files) if (fileKind(p) === 'app') fresh.loadAppJson(p);
    fresh.rebuildApps(files);
    const elementFiles = files.filter((p) => fileKind(p) === 'element');
    const pyFiles = files.filter((p) => fileKind(p) === 'python');
    onListed?.(elementFiles.length + pyFiles.length);
    for (const p of elementFiles) { fresh.loadElement(p); const r = tick(); if (r !== true && !(await r)) return undefined; }
    for (const p of pyFiles) { fresh.loadPython(p); const r = tick(); if (r !== true && !(await r)) return undefined; }
    fresh.reclassify();
    return fresh;
  }

  /** Takes over the records of an index built by `loadAll`. */
  adopt(o: WorkspaceIndex): void {
    this.apps = o.apps; this.appJsons = o.appJsons; this.elements = o.elements; this.byName = o.byName;
    this.byKind = o.byKind; this.pythons = o.pythons; this.counts = o.counts;
    this.roots.clear();
    this.version++;
    this.declarationsVersion++;
  }

  /** Every e.json and Python file indexed (what a full check validates). */
  *recordPaths(): IterableIterator<string> {
    yield* this.elements.keys();
    yield* this.pythons.keys();
  }

  // ---- records ------------------------------------------------------------------------------

  private loadAppJson(path: string): void {
    const rec = buildAppJson(path, readText(this.host, this.overlays, path));
    if (rec) rec.hasElements = elementBelow(rec.root, this.elements.keys());
    if (rec) this.appJsons.set(path, rec); else this.appJsons.delete(path);
  }

  /** App roots: folders with app.json, plus each workspace folder holding elements outside them. */
  private rebuildApps(files: Iterable<string>): void {
    this.apps.clear();
    this.roots.clear();
    const all = [...files];
    for (const rec of this.appJsons.values()) {
      rec.hasElements = elementBelow(rec.root, all);
      if (!isAppRoot(rec)) continue;
      this.apps.set(rec.root, { root: rec.root, appJsonPath: rec.path, appId: rec.appId, title: rec.title, hasParents: rec.hasParents, implicit: false });
    }
    for (const p of all) if (fileKind(p) === 'element') this.ensureApp(p);
  }

  private ensureApp(path: string): string {
    const root = this.appRootOf(path);
    if (!this.apps.has(root)) this.apps.set(root, { root, hasParents: false, implicit: true, title: root.slice(root.lastIndexOf('/') + 1) });
    return root;
  }

  /** The nearest ancestor with app.json, else the workspace folder, else the file's grandparent folder. */
  appRootOf(path: string): string { return this.roots.rootOf(path); }

  private loadElement(path: string): ElementRecord | undefined {
    const old = this.elements.get(path);
    if (old) this.unlinkElement(old);
    const appRoot = this.ensureApp(path);
    const reread = () => { const r = readText(this.host, this.overlays, path); return 'text' in r ? r.text : undefined; };
    const el = buildElement(path, appRoot, readText(this.host, this.overlays, path), (t) => this.byName.get(appRoot)?.get(t)?.type, reread);
    if (el?.kind === 'workflow') el.workflowNodes = workflowNodes(el, (p) => readText(this.host, this.overlays, p));
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

  // ---- incremental updates ----------------------------------------------------------------

  /** Open/changed/closed editor contents win over disk. `text` undefined = closed. */
  setOverlayText(path: string, text: string | undefined): ChangeSet {
    const p = normalizePath(path);
    if (text === undefined) this.overlays.delete(p); else this.overlays.set(p, text);
    return this.update([p]);
  }

  /** Re-reads the given paths (files or folders, created, changed or deleted). */
  update(paths: string[]): ChangeSet {
    const provided = new Set<string>();
    const touched = new Set<string>();
    let structural = false;
    const expanded: string[] = [];
    for (const raw of paths) {
      const p = normalizePath(raw);
      if (fileKind(p)) { expanded.push(p); continue; }
      // A folder: everything known below it, plus what is on disk now (its workspace folder's globs).
      for (const m of [this.elements, this.pythons, this.appJsons] as Map<string, unknown>[]) for (const k of m.keys()) if (isInside(k, p)) expanded.push(k);
      if (!this.isExcluded(`${p}/x`)) {
        for (const f of this.host.list(p, this.excludes.matcherFor(folderOf(p, this.folders)))) expanded.push(normalizePath(f));
      }
    }
    // A workflow's config.json holds its nodeList: a change to it reads the workflow element again.
    const targets = new Set<string>();
    for (const p of expanded) {
      if (fileKind(p) !== 'config') { targets.add(p); continue; }
      const owner = `${dirOf(p)}/e.json`;
      if (this.elements.get(owner)?.kind === 'workflow') targets.add(owner);
    }
    for (const p of targets) {
      const kind = fileKind(p);
      const gone = this.isExcluded(p);
      if (kind === 'app') {
        const had = this.appJsons.get(p);
        if (gone) this.appJsons.delete(p); else this.loadAppJson(p);
        const now = this.appJsons.get(p);
        if (isAppRoot(had) !== isAppRoot(now)) structural = true;
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
    if (touched.size || provided.size) this.version++;
    return { touched, provided, structural: false };
  }

  /** app.json appeared or vanished: app roots and fullNames move; every record is read again. */
  private rebuildStructure(): ChangeSet {
    const all = [...this.elements.keys(), ...this.pythons.keys()];
    for (const el of [...this.elements.values()]) this.unlinkElement(el);
    this.rebuildApps(all);
    for (const p of all) {
      if (fileKind(p) === 'element') this.loadElement(p);
      else if (fileKind(p) === 'python') this.loadPython(p);
    }
    this.reclassify();
    this.version++;
    this.declarationsVersion++;
    return { touched: new Set(all), provided: new Set(), structural: true };
  }

  // ---- queries ------------------------------------------------------------------------------

  app(root: string): AppRecord | undefined { return this.apps.get(root); }
  /** True when an editor has the file open (its text comes from the overlay). */
  isOpen(path: string): boolean { return this.overlays.has(path); }
  /** A file's current text: the editor's unsaved text when open, else what the file host reads. */
  text(path: string): ReadResult { return readText(this.host, this.overlays, normalizePath(path)); }
  element(appRoot: string, fullName: string): ElementRecord | undefined { return this.byName.get(appRoot)?.get(fullName); }
  python(path: string): PythonRecord | undefined { return this.pythons.get(path); }
  elementsOfKind(appRoot: string, kind: ElementKind): ElementRecord[] {
    return [...(this.byKind.get(keys.kind(appRoot, kind)) ?? [])];
  }
  elementAt(path: string): ElementRecord | undefined { return this.elements.get(normalizePath(path)); }
  /** The element of an e.json path that is already normalised (hot path: no normalisation). */
  elementOfFile(path: string): ElementRecord | undefined { return this.elements.get(path); }
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

  /** Record counts (apps, elements, Python files, declared events, event/task elements). */
  recordStats() {
    return { apps: this.apps.size, elements: this.elements.size, pythonFiles: this.pythons.size, ...this.counts };
  }
}

/** True when one of `paths` is an element e.json inside `root`. */
function elementBelow(root: string, paths: Iterable<string>): boolean {
  for (const p of paths) if (fileKind(p) === 'element' && isInside(p, root)) return true;
  return false;
}
