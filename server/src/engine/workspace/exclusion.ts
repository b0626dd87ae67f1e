/**
 * Which files are left out of the index: folders never indexed, plus exclusion globs relative to
 * a workspace folder. Each folder may have its own list; the default list applies to the others.
 */
import { ExcludeMatcher, ALWAYS_EXCLUDED_DIRS } from '../files/globs';
import { folderOf } from './appRoots';

export class FolderExcludes {
  private fallback: ExcludeMatcher;
  private readonly perFolder = new Map<string, ExcludeMatcher>();

  constructor(globs: readonly string[] = []) { this.fallback = new ExcludeMatcher(globs); }

  /** `folder` (normalised): that folder's own list; none: the list of every folder without one. */
  set(globs: readonly string[], folder?: string): void {
    if (folder === undefined) this.fallback = new ExcludeMatcher(globs);
    else this.perFolder.set(folder, new ExcludeMatcher(globs));
  }

  /** The globs of a workspace folder. */
  matcherFor(folder: string | undefined): ExcludeMatcher {
    return (folder !== undefined && this.perFolder.get(folder)) || this.fallback;
  }

  /** Globs that could not be compiled and are ignored, without duplicates. */
  invalid(): string[] {
    return [...new Set([...this.fallback.invalid, ...[...this.perFolder.values()].flatMap((m) => m.invalid)])];
  }

  /** True when a file is outside every folder or excluded by its folder's list. */
  excludes(path: string, folders: readonly string[]): boolean {
    const folder = folderOf(path, folders);
    if (!folder) return true;
    const matcher = this.matcherFor(folder);
    const rel = path.slice(folder.length + 1);
    const segs = rel.split('/');
    for (let i = 0; i < segs.length - 1; i++) if (ALWAYS_EXCLUDED_DIRS.has(segs[i])) return true;
    for (let i = 1; i < segs.length; i++) if (matcher.excludes(segs.slice(0, i).join('/'), true)) return true;
    return matcher.excludes(rel, false);
  }
}
