/**
 * Reverse edges "key -> files that looked it up", stored compactly: most keys have exactly one
 * file, kept as the bare string; a Set only where several files share a key. (A Set per key was
 * the largest single share of the index's heap.)
 */
export class ReverseEdges {
  private readonly m = new Map<string, string | Set<string>>();

  get size(): number { return this.m.size; }

  add(key: string, file: string): void {
    const v = this.m.get(key);
    if (v === undefined) this.m.set(key, file);
    else if (typeof v === 'string') { if (v !== file) this.m.set(key, new Set([v, file])); }
    else v.add(file);
  }

  delete(key: string, file: string): void {
    const v = this.m.get(key);
    if (v === undefined) return;
    if (typeof v === 'string') { if (v === file) this.m.delete(key); return; }
    v.delete(file);
    if (v.size === 1) this.m.set(key, v.values().next().value as string);
    else if (!v.size) this.m.delete(key);
  }

  /** The files of a key (none: empty). */
  filesOf(key: string): Iterable<string> {
    const v = this.m.get(key);
    return v === undefined ? [] : typeof v === 'string' ? [v] : v;
  }
}
