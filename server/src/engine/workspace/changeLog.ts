/**
 * Which keys changed, in order, so a result built at one version can catch up on just the keys
 * changed since (the events tree's aggregates after an edit). Bounded: a reader that fell further
 * behind than the log keeps (a bulk load, a branch switch) is told to rebuild.
 */
export class ChangeLog {
  /** One more per recorded key: `version - start` entries are kept. */
  version = 0;
  private start = 0;
  private entries: string[] = [];

  constructor(private readonly keep = 20_000) {}

  record(key: string): void {
    this.entries.push(key);
    this.version++;
    if (this.entries.length > this.keep) {
      const drop = this.entries.length >> 1;
      this.entries = this.entries.slice(drop);
      this.start += drop;
    }
  }

  /** Keys recorded after `version` (with repeats), or undefined when they are no longer all kept. */
  since(version: number): readonly string[] | undefined {
    if (version < this.start || version > this.version) return undefined;
    return this.entries.slice(version - this.start);
  }
}
