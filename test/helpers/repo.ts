import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

/** The repository root (the folder with package.json above the running bundle). */
export function repoRoot(): string {
  let d = __dirname;
  while (!fs.existsSync(path.join(d, 'package.json')) || !fs.existsSync(path.join(d, 'schemas'))) {
    const up = path.dirname(d);
    if (up === d) throw new Error('repo root not found');
    d = up;
  }
  return d;
}

/** A temporary copy of a fixture folder (or of examples/…), removed by the returned cleanup. */
export function tempCopy(relative: string): { dir: string; cleanup: () => void } {
  const src = path.join(repoRoot(), relative);
  const dir = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'jitai-test-')));
  fs.cpSync(src, dir, { recursive: true });
  return { dir, cleanup: () => fs.rmSync(dir, { recursive: true, force: true }) };
}

/** Writes a small workspace from `{ 'relative/path': content }` into a temp folder. */
export function tempWorkspace(files: Record<string, string | object>): { dir: string; cleanup: () => void } {
  const dir = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'jitai-ws-')));
  for (const [rel, content] of Object.entries(files)) {
    const p = path.join(dir, rel);
    fs.mkdirSync(path.dirname(p), { recursive: true });
    fs.writeFileSync(p, typeof content === 'string' ? content : JSON.stringify(content, null, 2));
  }
  return { dir, cleanup: () => fs.rmSync(dir, { recursive: true, force: true }) };
}

/** Offset of the `|` marker in a text, and the text without it. */
export function cursor(textWithBar: string): { text: string; offset: number } {
  const offset = textWithBar.indexOf('|');
  if (offset < 0) throw new Error('no | cursor marker');
  return { text: textWithBar.slice(0, offset) + textWithBar.slice(offset + 1), offset };
}
