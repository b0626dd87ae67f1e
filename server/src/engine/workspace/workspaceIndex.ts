/**
 * The workspace's records: apps, elements and Python files read from the folders (editor overlays
 * win over disk), the maps that find them by name and kind, and the queries features use.
 * Loading or changing files returns a ChangeSet saying which files and lookups changed.
 */
import { nodeFileHost, type FileHost, type ReadResult } from '../files/fileHost';
import { dirOf, fileKind, isInside, normalizePath } from '../files/paths';
import type { AppJsonRecord, AppRecord, ElementKind, ElementRecord, PythonRecord } from '../model/records';
import { localeOf, type Locale } from '../i18n/messages';
import { closestName } from '../text/closestName';
import { keys, type NameChange } from './dependencyKeys';
import { AppRoots, folderOf, isAppRoot } from './appRoots';
import { elementBelow, knownBelow } from './pathSets';
import { NearNameCache } from './nearNameCache';
import { FolderExcludes } from './exclusion';
import { buildAppJson, buildElement, buildPython, IndexTexts, readText } from './recordBuilder';
import { workflowNodes } from './workflowNodes';
import { UsageMaps, type UsageLookup } from './usageMaps';
import type { EventWiring } from './eventWiring';

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
  /** Elements that joined or left the set of their kind (what `closestOfKind` answers from). */
  names: NameChange[];
}

/** Python files of an element folder whose checks depend on the element's kind. */
const CONTRACT_PY = ['service.py', 'model.py', '__init__.py'];

/** Called once per file while loading: true (or a promise of true) to go on, false to stop. */
export type LoadTick = () => boolean | Promise<boolean>;

export class WorkspaceIndex implements UsageLookup {
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
  private usage = new UsageMaps();
  private readonly overlays = new Map<string, string>();
  /** Records read their file again through this (positions, line starts): one object, not a closure per record. */
  private readonly texts = new IndexTexts((p) => readText(this.host, this.overlays, p));
  /** closestOfKind answers per kind key, dropped when the kind's set changes. */
  private nearCache = new NearNameCache();
  /** Folders the last listing could not read (path -> error code), e.g. no permission. */
  private unreadableDirs = new Map<string, string>();
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
    const unreadable = new Map<string, string>();
    const onUnreadable = (dir: string, code: string) => unreadable.set(normalizePath(dir), code);
    // Folders are normalised, so listed paths already are (absolute, forward slashes).
    for (const f of this.folders) for (const p of this.host.list(f, this.excludes.matcherFor(f), onUnreadable)) files.push(p);
    const fresh = new WorkspaceIndex({ host: this.host, log: this.log });
    fresh.unreadableDirs = unreadable;
    fresh.locale = this.locale;
    fresh.clientSyntaxErrors = this.clientSyntaxErrors;
    fresh.excludes = this.excludes;
    fresh.folders = this.folders;
    for (const [k, v] of this.overlays) fresh.overlays.set(k, v);
    // Open documents count even when their file is not on disk (deleted or not yet saved), as they do incrementally.
    const listed = new Set(files);
    for (const k of this.overlays.keys()) if (fileKind(k) && !listed.has(k) && !this.isExcluded(k)) files.push(k);
    for (const p of files) if (fileKind(p) === 'app') fresh.loadAppJson(p);
    fresh.rebuildApps(files);
    const elementFiles = files.filter((p) => fileKind(p) === 'element'), pyFiles = files.filter((p) => fileKind(p) === 'python');
    onListed?.(elementFiles.length + pyFiles.length);
    this.host.readAhead?.([...elementFiles, ...pyFiles].filter((p) => !this.overlays.has(p)));
    for (const p of elementFiles) { fresh.loadElement(p); const r = tick(); if (r !== true && !(await r)) return undefined; }
    for (const p of pyFiles) { fresh.loadPython(p); const r = tick(); if (r !== true && !(await r)) return undefined; }
    fresh.reclassify();
    return fresh;
  }

  /** Takes over the records of an index built by `loadAll`. */
  adopt(o: WorkspaceIndex): void {
    this.apps = o.apps; this.appJsons = o.appJsons; this.elements = o.elements; this.byName = o.byName;
    this.byKind = o.byKind; this.pythons = o.pythons; this.counts = o.counts; this.usage = o.usage; this.unreadableDirs = o.unreadableDirs;
    this.nearCache = o.nearCache; o.texts.read = this.texts.read;
    this.usage.drain();
    this.roots.clear();
    this.version++;
    this.declarationsVersion++;
  }

  /** Every e.json and Python file indexed (what a full check validates). */
  *recordPaths(): IterableIterator<string> {
    yield* this.elements.keys();
    yield* this.pythons.keys();
    yield* this.appJsons.keys();
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
    const el = buildElement(path, appRoot, readText(this.host, this.overlays, path), (t) => this.byName.get(appRoot)?.get(t)?.type, this.texts);
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
    this.usage.addElement(el);
    let m = this.byName.get(el.appRoot);
    if (!m) this.byName.set(el.appRoot, (m = new Map()));
    m.set(el.fullName, el);
    const kk = keys.kind(el.appRoot, el.kind);
    let s = this.byKind.get(kk);
    if (!s) this.byKind.set(kk, (s = new Set()));
    s.add(el);
    this.nearCache.delete(kk);
  }

  private unlinkElement(el: ElementRecord): void {
    if (this.elements.get(el.path) !== el) return; // already unlinked
    this.elements.delete(el.path);
    this.countElement(el, -1);
    this.usage.removeElement(el);
    const m = this.byName.get(el.appRoot);
    if (m?.get(el.fullName) === el) m.delete(el.fullName);
    this.byKind.get(keys.kind(el.appRoot, el.kind))?.delete(el);
    this.nearCache.delete(keys.kind(el.appRoot, el.kind));
  }

  private loadPython(path: string): PythonRecord | undefined {
    const rec = buildPython(path, this.appRootOf(path), readText(this.host, this.overlays, path), this.texts);
    this.setPythonRecord(path, rec);
    return rec;
  }

  private setPythonRecord(path: string, rec: PythonRecord | undefined): void {
    this.usage.setPython(this.pythons.get(path), rec);
    if (rec) this.pythons.set(path, rec); else this.pythons.delete(path);
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
    const names: NameChange[] = [];
    let structural = false;
    const expanded: string[] = [];
    const below = knownBelow(() => [this.elements, this.pythons, this.appJsons].flatMap((m) => [...(m as Map<string, unknown>).keys()]));
    for (const raw of paths) this.expand(normalizePath(raw), expanded, below);
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
        touched.add(p);
      } else if (kind === 'element') {
        const old = this.elements.get(p);
        let el: ElementRecord | undefined;
        if (gone) { if (old) this.unlinkElement(old); } else el = this.loadElement(p);
        if (!el && old) this.unlinkElement(old);
        if (old) provided.add(keys.element(old.appRoot, old.fullName));
        if (el) provided.add(keys.element(el.appRoot, el.fullName));
        if ((old && old.kind !== 'event' && old.kind !== 'task') || (el && el.kind !== 'event' && el.kind !== 'task')) this.declarationsVersion++;
        if (old?.kind !== el?.kind || old?.fullName !== el?.fullName) {
          if (old) { provided.add(keys.kind(old.appRoot, old.kind)); names.push({ appRoot: old.appRoot, kind: old.kind, fullName: old.fullName }); }
          if (el) { provided.add(keys.kind(el.appRoot, el.kind)); names.push({ appRoot: el.appRoot, kind: el.kind, fullName: el.fullName }); }
          // Its service.py / model.py / __init__.py are checked by kind (see pythonContractRules).
          if (old?.kind !== el?.kind) for (const f of CONTRACT_PY) if (this.pythons.has(`${dirOf(p)}/${f}`)) touched.add(`${dirOf(p)}/${f}`);
        }
        touched.add(p);
      } else if (kind === 'python') {
        const existed = this.pythons.has(p);
        if (gone) this.setPythonRecord(p, undefined); else this.loadPython(p);
        // A Python file appearing or vanishing changes what its element folder holds (__init__.py check).
        if (existed !== this.pythons.has(p) && this.elements.has(`${dirOf(p)}/e.json`)) touched.add(`${dirOf(p)}/e.json`);
        if (/\/(model|service)\.py$/.test(p)) this.declarationsVersion++;
        provided.add(keys.python(p));
        touched.add(p);
      }
    }
    if (structural) return this.rebuildStructure();
    const moved = this.usage.drain();
    for (const path of moved.paths) if (this.elements.has(path)) touched.add(path);
    for (const { appRoot, sender } of moved.senders) {
      const svc = this.element(appRoot, sender.slice(0, Math.max(0, sender.lastIndexOf('.'))));
      if (svc) touched.add(svc.path);
    }
    if (touched.size || provided.size) this.version++;
    return { touched, provided, structural: false, names };
  }

  /**
   * The files a changed path stands for. A regular file of a kind we index is itself. Anything else
   * (a folder, even one named `Weird.py`; a deleted folder; a symbolic link, never followed) stands
   * for every record known below it plus, for a real folder, what is on disk below it now.
   */
  private expand(p: string, out: string[], below: (folder: string) => string[]): void {
    const kind = fileKind(p);
    const onDisk = this.host.kind?.(p) ?? (kind ? 'file' : 'dir');
    const known = this.elements.has(p) || this.pythons.has(p) || this.appJsons.has(p) || this.overlays.has(p);
    if (kind && (onDisk === 'file' || known)) { out.push(p); if (onDisk !== 'dir') return; }
    if (onDisk === 'file') return; // a file of a kind we do not index
    for (const k of below(p)) out.push(k);
    this.unreadableDirs.forEach((_, d) => { if (isInside(d, p)) this.unreadableDirs.delete(d); });
    if (onDisk !== 'dir' || this.isExcluded(`${p}/x`)) return;
    const onUnreadable = (dir: string, code: string) => this.unreadableDirs.set(normalizePath(dir), code);
    for (const f of this.host.list(p, this.excludes.matcherFor(folderOf(p, this.folders)), onUnreadable)) out.push(normalizePath(f));
  }

  /** Folders that could not be listed (path -> error code), since the last full index or their last change. */
  unreadableFolders(): ReadonlyMap<string, string> { return this.unreadableDirs; }

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
    this.usage.drain();
    this.version++;
    this.declarationsVersion++;
    return { touched: new Set([...all, ...this.appJsons.keys()]), provided: new Set(), structural: true, names: [] };
  }

  // ---- queries ------------------------------------------------------------------------------

  app(root: string): AppRecord | undefined { return this.apps.get(root); }
  isOpen(path: string): boolean { return this.overlays.has(path); } // an editor has it open (text from the overlay)
  text(path: string): ReadResult { return readText(this.host, this.overlays, normalizePath(path)); } // open: the editor's text
  element(appRoot: string, fullName: string): ElementRecord | undefined { return this.byName.get(appRoot)?.get(fullName); }
  python(path: string): PythonRecord | undefined { return this.pythons.get(path); }
  hasPythonFile(path: string): boolean { return this.pythons.has(path); }
  /** Publish sites and listeners per sender, kept current on every change (see EventWiring). */
  get wiring(): EventWiring { return this.usage.events; }
  appJsonAt(path: string): AppJsonRecord | undefined { return this.appJsons.get(path); }
  namesakes(appRoot: string, fullName: string): ElementRecord[] { return this.usage.namesakes(appRoot, fullName); }
  subscriberCount(appRoot: string, sender: string): number { return this.usage.subscriberCount(appRoot, sender); }
  publisherCount(appRoot: string, sender: string): number { return this.usage.publisherCount(appRoot, sender); }
  elementsOfKind(appRoot: string, kind: ElementKind): ElementRecord[] {
    return [...(this.byKind.get(keys.kind(appRoot, kind)) ?? [])];
  }
  /** The element of the kind whose fullName is closest to `name` (answers kept per kind until it changes; see NearNameCache). */
  closestOfKind(appRoot: string, kind: ElementKind, name: string): ElementRecord | undefined {
    const kk = keys.kind(appRoot, kind), set = this.byKind.get(kk);
    const near = set?.size ? this.nearCache.closest(kk, name, () => closestName(name, [...set].map((e) => e.fullName))) : undefined;
    return near === undefined ? undefined : this.element(appRoot, near);
  }
  elementAt(path: string): ElementRecord | undefined { return this.elements.get(normalizePath(path)); }
  elementOfFile(path: string): ElementRecord | undefined { return this.elements.get(path); } // path already normalised (hot)
  /** The element whose folder holds `path` (nearest e.json above it). */
  elementOwning(path: string): ElementRecord | undefined {
    for (let d = dirOf(normalizePath(path)); d.length > 1; d = dirOf(d)) { const el = this.elements.get(`${d}/e.json`); if (el) return el; }
    return undefined;
  }
  allApps(): AppRecord[] { return [...this.apps.values()]; }
  allElements(): IterableIterator<ElementRecord> { return this.elements.values(); }
  elementsOfApp(appRoot: string): IterableIterator<ElementRecord> { return (this.byName.get(appRoot) ?? new Map()).values(); }
  allPython(): IterableIterator<PythonRecord> { return this.pythons.values(); }

  /** Record counts (apps, elements, Python files, declared events, event/task elements). */
  recordStats() { return { apps: this.apps.size, elements: this.elements.size, pythonFiles: this.pythons.size, ...this.counts }; }
}
