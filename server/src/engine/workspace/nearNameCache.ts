/** "Did you mean" answers per kind of element (name -> closest fullName), kept until an element joins or leaves the kind. */
export class NearNameCache {
  private readonly byKind = new Map<string, Map<string, string | undefined>>();

  /** The cached answer for `name` in the kind, computing it once with `compute`. */
  closest(kindKey: string, name: string, compute: () => string | undefined): string | undefined {
    let cache = this.byKind.get(kindKey);
    if (!cache || cache.size > 10000) this.byKind.set(kindKey, (cache = new Map()));
    if (cache.has(name)) return cache.get(name);
    const near = compute();
    cache.set(name, near);
    return near;
  }

  /** The kind's set of names changed. */
  delete(kindKey: string): void { this.byKind.delete(kindKey); }
}
