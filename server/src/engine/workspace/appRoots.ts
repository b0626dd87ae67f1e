/** Which app a file belongs to: the nearest folder above it holding app.json, else its workspace folder. */
import { dirOf, isInside } from '../files/paths';

/** The innermost workspace folder holding `path`, if any. */
export function folderOf(path: string, folders: readonly string[]): string | undefined {
  let best: string | undefined;
  for (const f of folders) if (isInside(path, f) && (!best || f.length > best.length)) best = f;
  return best;
}

/** App-root discovery with a cache by folder; clear it whenever app.json files or workspace folders change. */
export class AppRoots {
  private readonly byDir = new Map<string, string>();
  constructor(
    private readonly hasAppJson: (appJsonPath: string) => boolean,
    private readonly folders: () => readonly string[],
  ) {}

  clear(): void { this.byDir.clear(); }

  /** The nearest ancestor with app.json, else the workspace folder, else the file's grandparent folder. */
  rootOf(path: string): string {
    const dir = dirOf(path);
    let root = this.byDir.get(dir);
    if (root === undefined) this.byDir.set(dir, (root = this.compute(path)));
    return root;
  }

  private compute(path: string): string {
    for (let d = dirOf(path); ; d = dirOf(d)) {
      if (this.hasAppJson(`${d}/app.json`)) return d;
      if (d === '/' || d.length <= 1) break;
    }
    return folderOf(path, this.folders()) ?? dirOf(dirOf(path));
  }
}
