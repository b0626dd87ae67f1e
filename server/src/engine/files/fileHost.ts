/** How the engine reads and lists files (Node file system by default; tests and editors may substitute). */
import * as fs from 'node:fs';
import { ExcludeMatcher, ALWAYS_EXCLUDED_DIRS } from './globs';
import { fileKind } from './paths';
import { LARGE_FILE_BYTES } from './limits';

/**
 * Largest file the engine reads (checked with fstat before reading); larger files get one
 * diagnostic instead of being parsed. Open documents over it are treated the same (recordBuilder).
 */
export const MAX_FILE_BYTES = LARGE_FILE_BYTES;

export type ReadResult = { text: string } | { error: 'missing' | 'too-large' | 'binary' | 'unreadable'; detail?: string };

/** What a path is, without following a symbolic link (links count as 'other': never followed). */
export type PathKind = 'file' | 'dir' | 'other' | 'missing';

/** How the engine reaches files. The LSP layer overlays open documents on top of it. */
export interface FileHost {
  /** A regular file's text; anything else (folder, link, FIFO, device) is 'missing' or 'unreadable'. */
  read(path: string): ReadResult;
  /**
   * Every e.json, app.json and .py below `root` that is not excluded: regular files in real folders,
   * symbolic links not followed. Folders that cannot be listed are passed to `onUnreadable`.
   */
  list(root: string, exclude: ExcludeMatcher, onUnreadable?: (dir: string, code: string) => void): string[];
  /** What is at `path` now (lstat). Optional: hosts without it are read and listed as before. */
  kind?(path: string): PathKind;
  /** The files a full load is about to read, in order (a host may start reading them elsewhere; see readAhead.ts). */
  readAhead?(paths: readonly string[]): void;
}

/** A NUL character in the first 8 KB: not a text file. */
function looksBinary(text: string): boolean {
  const i = text.indexOf('\0');
  return i >= 0 && i < 8192;
}

const OPEN_FLAGS = fs.constants.O_RDONLY | (fs.constants.O_NONBLOCK ?? 0) | (fs.constants.O_NOFOLLOW ?? 0);

/**
 * Opens without blocking and without following a final symbolic link, then checks with fstat that it
 * is a regular file under the size limit BEFORE reading: a FIFO, /dev/zero or a link is never read.
 */
function readRegular(path: string): ReadResult {
  let fd: number;
  try {
    fd = fs.openSync(path, OPEN_FLAGS);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR' || code === 'EISDIR' || code === 'ELOOP') return { error: 'missing' };
    return { error: 'unreadable', detail: String(code ?? e) };
  }
  try {
    const st = fs.fstatSync(fd);
    if (st.isDirectory()) return { error: 'missing' };
    if (!st.isFile()) return { error: 'unreadable', detail: 'not a regular file' };
    if (st.size > MAX_FILE_BYTES) return { error: 'too-large', detail: String(st.size) };
    const buf = Buffer.allocUnsafe(st.size);
    let n = 0;
    while (n < st.size) {
      const r = fs.readSync(fd, buf, n, st.size - n, n);
      if (r === 0) break;
      n += r;
    }
    let text = buf.toString('utf8', 0, n);
    if (looksBinary(text)) return { error: 'binary' };
    if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
    return { text };
  } catch (e) {
    return { error: 'unreadable', detail: String((e as NodeJS.ErrnoException).code ?? e) };
  } finally {
    fs.closeSync(fd);
  }
}

export const nodeFileHost: FileHost = {
  read: readRegular,
  kind(path) {
    try {
      const st = fs.lstatSync(path);
      return st.isFile() ? 'file' : st.isDirectory() ? 'dir' : 'other';
    } catch {
      return 'missing';
    }
  },
  list(root, exclude, onUnreadable) {
    const out: string[] = [];
    const stack: [string, string][] = [[root, '']];
    while (stack.length) {
      const [dir, rel] = stack.pop()!;
      let entries: fs.Dirent[];
      try {
        entries = fs.readdirSync(dir, { withFileTypes: true });
      } catch (e) {
        const code = String((e as NodeJS.ErrnoException).code ?? e);
        if (code !== 'ENOENT' && code !== 'ENOTDIR') onUnreadable?.(dir, code);
        continue;
      }
      // Dirent types come from the folder listing itself: a symbolic link is neither a file nor a folder here.
      for (const e of entries) {
        const childRel = rel ? `${rel}/${e.name}` : e.name;
        if (e.isDirectory()) {
          if (ALWAYS_EXCLUDED_DIRS.has(e.name) || exclude.excludes(childRel, true)) continue;
          stack.push([`${dir}/${e.name}`, childRel]);
        } else if (e.isFile() && fileKind(e.name) && !exclude.excludes(childRel, false)) {
          out.push(`${dir}/${e.name}`);
        }
      }
    }
    return out;
  },
};
