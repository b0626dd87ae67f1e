/**
 * What a JitAi app is and which app a file belongs to. An app root is a folder whose app.json is a
 * JitAi manifest (an object with appId, orgId, name, extends or settings) or has an element e.json
 * below it; an app.json of another kind (an Expo / React Native one) makes no app. A folder with
 * element e.json files but no such app.json above them is an implicit app (its workspace folder).
 */
import { intern } from '../text/intern';
import { dirOf, isInside } from '../files/paths';

/** Top-level keys of a JitAi app.json. */
export const JITAI_APP_KEYS: readonly string[] = ['appId', 'orgId', 'name', 'extends', 'settings'];

/** True when the top-level keys of an app.json object name a JitAi app. */
export function isJitaiManifest(topLevelKeys: Iterable<string>): boolean {
  for (const k of topLevelKeys) if (JITAI_APP_KEYS.includes(k)) return true;
  return false;
}

/** Whether an app.json makes its folder an app root. */
export function isAppRoot(rec: { manifest: boolean; hasElements: boolean } | undefined): boolean {
  return !!rec && (rec.manifest || rec.hasElements);
}

/** The innermost workspace folder holding `path`, if any. */
export function folderOf(path: string, folders: readonly string[]): string | undefined {
  let best: string | undefined;
  for (const f of folders) if (isInside(path, f) && (!best || f.length > best.length)) best = f;
  return best;
}

/** App-root discovery with a cache by folder; clear it whenever app roots or workspace folders change. */
export class AppRoots {
  private readonly byDir = new Map<string, string>();
  /** Folder -> the nearest app root at or above it (null: none), shared by the folders below it. */
  private readonly nearest = new Map<string, string | null>();
  constructor(
    /** True when the app.json at this path makes its folder an app root (see isAppRoot). */
    private readonly hasAppJson: (appJsonPath: string) => boolean,
    private readonly folders: () => readonly string[],
  ) {}

  clear(): void { this.byDir.clear(); this.nearest.clear(); }

  /** The nearest ancestor that is an app root, else the workspace folder, else the file's grandparent folder. */
  rootOf(path: string): string {
    const dir = dirOf(path);
    let root = this.byDir.get(dir);
    // Interned: every record of an app shares one root string (a slice per folder otherwise).
    if (root === undefined) this.byDir.set(dir, (root = intern(this.compute(path))));
    return root;
  }

  private compute(path: string): string {
    return this.rootAtOrAbove(dirOf(path)) ?? folderOf(path, this.folders()) ?? dirOf(dirOf(path));
  }

  private rootAtOrAbove(d: string): string | null {
    let r = this.nearest.get(d);
    if (r !== undefined) return r;
    r = this.hasAppJson(`${d}/app.json`) ? d : d === '/' || d.length <= 1 ? null : this.rootAtOrAbove(dirOf(d));
    this.nearest.set(d, r);
    return r;
  }
}
