/**
 * The server's own file watcher, for clients that cannot register file watchers (Neovim, many
 * others): notices e.json / app.json / Python files and folders created, changed or deleted on disk
 * and hands them over in coalesced batches (a `git checkout` of thousands of files is one batch).
 *
 * chokidar (pure JavaScript, bundled into dist/server.js, no native binary) rather than
 * @parcel/watcher (a native addon the .vsix would have to ship per platform) or a hand-rolled
 * fs.watch tree (chokidar already handles atomic saves, renames and folders that appear or vanish).
 * Symbolic links are not followed, like the first index.
 */
import { watch, type FSWatcher } from 'chokidar';
import type { Stats } from 'node:fs';
import { fileKind, normalizePath } from '../engine';

export interface FileWatcherOptions {
  /** Called with every path (file or folder) that changed since the last batch. */
  onChanges: (paths: string[]) => void;
  /** True for paths the index excludes (settings, node_modules, .git …). */
  isExcluded: (path: string, isDirectory: boolean) => boolean;
  /** Quiet time before a batch is delivered. */
  coalesceMs?: number;
  onError?: (message: string) => void;
}

export class OwnFileWatcher {
  private watcher: FSWatcher | undefined;
  private pending = new Set<string>();
  private timer: NodeJS.Timeout | undefined;
  private folders: string[] = [];

  constructor(private readonly opts: FileWatcherOptions) {}

  /** Watches exactly these folders (replacing any earlier set). Resolves once the watches are in place. */
  async watchFolders(folders: readonly string[]): Promise<void> {
    const next = [...new Set(folders.map(normalizePath))].sort();
    if (next.join('\n') === this.folders.join('\n') && this.watcher) return;
    await this.close();
    this.folders = next;
    if (!next.length) return;
    const w = watch(next, {
      ignoreInitial: true,
      followSymlinks: false,
      persistent: true,
      ignored: (path: string, stats?: Stats) => this.ignored(path, stats),
    });
    this.watcher = w;
    const on = (path: string) => this.queue(path);
    w.on('add', on).on('change', on).on('unlink', on).on('addDir', on).on('unlinkDir', on);
    w.on('error', (e) => this.opts.onError?.(`file watcher: ${(e as Error)?.message ?? e}`));
    await new Promise<void>((resolve) => w.once('ready', () => resolve()));
  }

  private ignored(path: string, stats?: Stats): boolean {
    const p = normalizePath(path);
    if (this.folders.includes(p)) return false;
    // Without stats chokidar asks about a path before knowing its kind: decide by name.
    const isDir = stats ? stats.isDirectory() : !fileKind(p);
    if (this.opts.isExcluded(isDir ? `${p}/x` : p, isDir)) return true;
    return !isDir && !fileKind(p);
  }

  private queue(path: string): void {
    this.pending.add(normalizePath(path));
    clearTimeout(this.timer);
    this.timer = setTimeout(() => this.flush(), this.opts.coalesceMs ?? 100);
  }

  private flush(): void {
    this.timer = undefined;
    if (!this.pending.size) return;
    const paths = [...this.pending];
    this.pending.clear();
    this.opts.onChanges(paths);
  }

  async close(): Promise<void> {
    clearTimeout(this.timer);
    this.timer = undefined;
    this.pending.clear();
    const w = this.watcher;
    this.watcher = undefined;
    this.folders = [];
    if (w) await w.close();
  }
}
