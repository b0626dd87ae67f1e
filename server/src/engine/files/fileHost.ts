import * as fs from 'node:fs';
import { ExcludeMatcher, ALWAYS_EXCLUDED_DIRS } from './globs';
import { fileKind } from './paths';

/** Largest file the engine reads; larger files get a diagnostic instead of being parsed. */
export const MAX_FILE_BYTES = 4 * 1024 * 1024;

export type ReadResult = { text: string } | { error: 'missing' | 'too-large' | 'binary' | 'unreadable'; detail?: string };

/** How the engine reaches files. The LSP layer overlays open documents on top of it. */
export interface FileHost {
  read(path: string): ReadResult;
  /** Every e.json, app.json and .py below `root` that is not excluded. */
  list(root: string, exclude: ExcludeMatcher): string[];
}

function looksBinary(buf: Buffer): boolean {
  const n = Math.min(buf.length, 8192);
  for (let i = 0; i < n; i++) if (buf[i] === 0) return true;
  return false;
}

export const nodeFileHost: FileHost = {
  read(path) {
    // open + fstat + read + close: the same system calls readFileSync makes, plus the size check.
    let fd: number | undefined;
    let buf: Buffer;
    try {
      fd = fs.openSync(path, 'r');
      const st = fs.fstatSync(fd);
      if (!st.isFile()) return { error: 'missing' };
      if (st.size > MAX_FILE_BYTES) return { error: 'too-large', detail: String(st.size) };
      buf = Buffer.allocUnsafe(st.size);
      let off = 0;
      while (off < st.size) {
        const n = fs.readSync(fd, buf, off, st.size - off, off);
        if (n <= 0) break;
        off += n;
      }
      if (off < st.size) buf = buf.subarray(0, off);
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      return code === 'ENOENT' || code === 'ENOTDIR' || code === 'EISDIR' ? { error: 'missing' } : { error: 'unreadable', detail: String(code ?? e) };
    } finally {
      if (fd !== undefined) try { fs.closeSync(fd); } catch { /* already closed */ }
    }
    if (looksBinary(buf)) return { error: 'binary' };
    let text = buf.toString('utf8');
    if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
    return { text };
  },
  list(root, exclude) {
    const out: string[] = [];
    const stack: [string, string][] = [[root, '']];
    while (stack.length) {
      const [dir, rel] = stack.pop()!;
      let entries: fs.Dirent[];
      try {
        entries = fs.readdirSync(dir, { withFileTypes: true });
      } catch {
        continue;
      }
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
