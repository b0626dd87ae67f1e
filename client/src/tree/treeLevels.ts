/**
 * The levels of the events tree fetched so far (the apps, then the rows of each expanded node) and
 * their re-sync after an index change: the levels on screen (every ancestor expanded) are asked
 * again one after the other, so other requests never queue behind a batch of them (a newer sync or
 * an index change cancels the running one); collapsed ones are marked stale and asked again when
 * expanded; only the nodes whose answer changed are reported. Pure (no vscode import): the
 * provider passes the request and the cancellation source.
 */
import type { EventTreeParent } from '../../../shared/src/protocol/types';
import type { TreeNode } from './treeNodes';

/** One answer: `key` compares answers (equal keys redraw nothing), `nodes` are its rows; `unchanged`: the rows of `known` still hold. */
export type LevelAnswer = { key: string; nodes: TreeNode[] } | { key: string; unchanged: true };
/** Asks one level (`parent` undefined: the apps); `known` is the key of the rows shown now. */
export type FetchLevel<T> = (parent: EventTreeParent | undefined, token: T, known?: string) => Promise<LevelAnswer>;
export interface TokenSource<T> { token: T & { isCancellationRequested: boolean }; cancel(): void; dispose(): void }

/** What a sync changed: the apps (redraw all), some nodes' rows, nothing, or it was cancelled before it was done. */
export type SyncResult = 'root' | TreeNode[] | undefined | 'cancelled';
const SUPERSEDED = Symbol('superseded');

interface Level { parent: EventTreeParent; key: string; nodes: TreeNode[] }

export class TreeLevels<T> {
  roots: TreeNode[] = [];
  private rootKey: string | undefined;
  private readonly levels = new Map<string, Level>();
  private readonly pending = new Map<string, Promise<TreeNode[]>>();
  private readonly parents = new Map<string, TreeNode>();
  /** Levels of collapsed nodes not asked again by the last sync. */
  private readonly stale = new Set<string>();
  private current: { source: TokenSource<T>; run: Promise<SyncResult | typeof SUPERSEDED> } | undefined;
  private generation = 0;

  constructor(private readonly fetch: FetchLevel<T>, private readonly newSource: () => TokenSource<T>) {}

  /** Forgets every level (a new filter). */
  clear(): void {
    this.current?.source.cancel();
    this.roots = [];
    this.rootKey = undefined;
    this.levels.clear();
    this.pending.clear();
    this.parents.clear();
    this.stale.clear();
    this.generation++;
  }

  /** A sync is running (not yet answered, not cancelled). */
  get syncing(): boolean {
    return !!this.current && !this.current.source.token.isCancellationRequested && !this.done.has(this.current.run);
  }
  private readonly done = new WeakSet<Promise<unknown>>();

  /** Stops the running sync (an index change arrived: its answers would be old). */
  cancel(): void {
    this.current?.source.cancel();
  }

  isStale(node: TreeNode): boolean {
    return this.stale.has(node.id);
  }

  /** Asks a stale level again (its node was expanded); true when its rows changed. */
  async revalidate(node: TreeNode): Promise<boolean> {
    const level = this.levels.get(node.id);
    if (!level || !this.stale.delete(node.id)) return false;
    const source = this.newSource();
    try {
      const a = await this.fetch(level.parent, source.token, level.key);
      if (this.levels.get(node.id) !== level || level.key === a.key || !('nodes' in a)) return false;
      level.key = a.key;
      level.nodes = a.nodes;
      this.register(a.nodes, node);
      return true;
    } finally { source.dispose(); }
  }

  /** A node's rows: given with it, fetched before, or fetched now (one request per node at a time). */
  childrenOf(node: TreeNode): Promise<TreeNode[]> {
    const lazy = node.lazy;
    if (!lazy) return Promise.resolve(node.children);
    const have = this.levels.get(node.id);
    if (have) return Promise.resolve(have.nodes);
    let p = this.pending.get(node.id);
    if (!p) {
      const generation = this.generation;
      const source = this.newSource();
      p = this.fetch(lazy, source.token).then((a) => {
        if (generation !== this.generation || !('nodes' in a)) return [];
        this.levels.set(node.id, { parent: lazy, key: a.key, nodes: a.nodes });
        this.register(a.nodes, node);
        return a.nodes;
      }).finally(() => { this.pending.delete(node.id); source.dispose(); });
      this.pending.set(node.id, p);
    }
    return p;
  }

  parentOf(node: TreeNode): TreeNode | undefined {
    return this.parents.get(node.id);
  }

  /**
   * Asks the levels on screen again (`expanded` says which nodes are open); resolves with what changed
   * (a superseded sync resolves with the newest one's answer, a cancelled one with 'cancelled').
   */
  async sync(expanded: (node: TreeNode) => boolean = () => true): Promise<SyncResult> {
    this.current?.source.cancel();
    const source = this.newSource();
    const run: Promise<SyncResult | typeof SUPERSEDED> = this.syncWith(source, expanded).finally(() => { source.dispose(); this.done.add(run); });
    this.current = { source, run };
    let result = await run;
    while (result === SUPERSEDED && this.current && this.current.run !== run) result = await this.current.run;
    return result === SUPERSEDED ? 'cancelled' : result;
  }

  /** Ids of the fetched levels whose node and ancestors are all expanded. */
  private onScreen(expanded: (node: TreeNode) => boolean): string[] {
    const out: string[] = [];
    const walk = (nodes: TreeNode[]) => {
      for (const n of nodes) {
        if (!expanded(n)) continue;
        const level = n.lazy ? this.levels.get(n.id) : undefined;
        if (level) out.push(n.id);
        walk(level ? level.nodes : n.children);
      }
    };
    walk(this.roots);
    return out;
  }

  private async syncWith(source: TokenSource<T>, expanded: (node: TreeNode) => boolean): Promise<SyncResult | typeof SUPERSEDED> {
    const token = source.token;
    const shown = this.onScreen(expanded);
    const levels: [string, LevelAnswer][] = [];
    let root: LevelAnswer;
    try {
      // One request at a time: a completion or hover sent meanwhile waits behind one small answer at most.
      root = await this.fetch(undefined, token, this.rootKey);
      for (const id of shown) {
        if (token.isCancellationRequested) return SUPERSEDED;
        const level = this.levels.get(id);
        if (level) levels.push([id, await this.fetch(level.parent, token, level.key)]);
      }
    } catch (err) {
      if (token.isCancellationRequested) return SUPERSEDED;
      throw err;
    }
    if (token.isCancellationRequested) return SUPERSEDED;
    for (const id of this.levels.keys()) if (!shown.includes(id)) this.stale.add(id);
    const changed = new Set<string>();
    for (const [id, a] of levels) {
      const level = this.levels.get(id);
      if (!level) continue;
      this.stale.delete(id);
      if (level.key === a.key || !('nodes' in a)) continue;
      level.key = a.key;
      level.nodes = a.nodes;
      changed.add(id);
    }
    let rootChanged = false;
    if ('nodes' in root && root.key !== this.rootKey) {
      this.roots = root.nodes;
      this.rootKey = root.key;
      rootChanged = true;
    }
    const redraw = this.reindex(changed);
    if (rootChanged) return 'root';
    return redraw.length ? redraw : undefined;
  }

  /** Parents again from the roots down; drops levels no longer reachable; the topmost changed nodes. */
  private reindex(changed: Set<string>): TreeNode[] {
    this.parents.clear();
    const reached = new Set<string>();
    const redraw: TreeNode[] = [];
    const walk = (nodes: TreeNode[], parent: TreeNode | undefined, inChanged: boolean) => {
      for (const n of nodes) {
        if (parent) this.parents.set(n.id, parent);
        const level = n.lazy ? this.levels.get(n.id) : undefined;
        if (n.lazy && !level) continue;
        if (level) reached.add(n.id);
        const isChanged = changed.has(n.id);
        if (isChanged && !inChanged) redraw.push(n);
        walk(level ? level.nodes : n.children, n, inChanged || isChanged);
      }
    };
    walk(this.roots, undefined, false);
    for (const id of [...this.levels.keys()]) if (!reached.has(id)) { this.levels.delete(id); this.stale.delete(id); }
    return redraw;
  }

  private register(nodes: TreeNode[], parent: TreeNode): void {
    for (const n of nodes) {
      this.parents.set(n.id, parent);
      this.register(n.children, n);
    }
  }

  dispose(): void {
    this.current?.source.cancel();
  }
}
