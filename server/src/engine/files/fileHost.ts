/** How the engine reads and lists files (Node file system by default; tests and editors may substitute). */
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

/** A NUL character in the first 8 KB: not a text file. */
function looksBinary(text: string): boolean {
  const i = text.indexOf('\0');
  return i >= 0 && i < 8192;
}

export const nodeFileHost: FileHost = {
  read(path) {
    // readFileSync(path, 'utf8') is Node's fastest path (one native call: open, read, decode, close).
    let text: string;
    try {
      text = fs.readFileSync(path, 'utf8');
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      if (code === 'ENOENT' || code === 'ENOTDIR' || code === 'EISDIR') return { error: 'missing' };
      if (code === 'ERR_STRING_TOO_LONG' || code === 'ERR_FS_FILE_TOO_LARGE') return { error: 'too-large', detail: 'over 512 MB' };
      return { error: 'unreadable', detail: String(code ?? e) };
    }
    if (text.length > MAX_FILE_BYTES) return { error: 'too-large', detail: String(Buffer.byteLength(text)) };
    if (looksBinary(text)) return { error: 'binary' };
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
