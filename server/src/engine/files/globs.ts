/**
 * Exclusion globs. Minimal glob matching for exclusion settings: `**` (any number of folders), `*` (within one
 * segment), `?`, `{a,b}` alternatives and `[...]` classes. Patterns without a slash match any
 * path segment (`node_modules` ≡ `**∕node_modules∕**`).
 */
export function globToRegExp(glob: string): RegExp {
  let g = glob.trim().replace(/\\/g, '/');
  if (!g.includes('/')) g = `**/${g}/**`;
  let re = '';
  for (let i = 0; i < g.length; i++) {
    const c = g[i];
    if (c === '*') {
      if (g[i + 1] === '*') {
        i++;
        if (g[i + 1] === '/') { i++; re += '(?:.*/)?'; } else re += '.*';
      } else re += '[^/]*';
    } else if (c === '?') re += '[^/]';
    else if (c === '{') {
      const end = g.indexOf('}', i);
      if (end < 0) { re += '\\{'; continue; }
      re += '(?:' + g.slice(i + 1, end).split(',').map(escapeRe).join('|') + ')';
      i = end;
    } else if (c === '[') {
      const end = g.indexOf(']', i);
      if (end < 0) { re += '\\['; continue; }
      re += '[' + g.slice(i + 1, end).replace(/^!/, '^') + ']';
      i = end;
    } else re += escapeRe(c);
  }
  // `dir/**` also matches `dir` itself.
  if (re.endsWith('/.*')) re = re.slice(0, -3) + '(?:/.*)?';
  return new RegExp(`(?:^|/)${re}$`);
}

function escapeRe(s: string): string {
  return s.replace(/[.+^${}()|[\]\\*?]/g, '\\$&');
}

/** Folders never indexed, whatever the settings say. */
export const ALWAYS_EXCLUDED_DIRS = new Set(['node_modules', '.git', 'dist', '__pycache__']);

/** Compiled exclusion globs. A glob that does not compile (e.g. `[z-a]`) is skipped and listed in `invalid`. */
export class ExcludeMatcher {
  private readonly res: RegExp[] = [];
  readonly invalid: string[] = [];
  constructor(globs: readonly string[] = []) {
    for (const g of globs) {
      if (typeof g !== 'string' || !g.trim()) continue;
      try { this.res.push(globToRegExp(g)); } catch { this.invalid.push(g); }
    }
  }
  /** `relPath`: path relative to the workspace folder, forward slashes. */
  excludes(relPath: string, isDir: boolean): boolean {
    if (isDir) {
      const base = relPath.slice(relPath.lastIndexOf('/') + 1);
      if (ALWAYS_EXCLUDED_DIRS.has(base)) return true;
    }
    for (const re of this.res) if (re.test(relPath)) return true;
    return false;
  }
}
