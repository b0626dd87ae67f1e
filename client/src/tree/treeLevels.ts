/**
 * The levels of the events tree fetched so far (the apps, then the rows of each expanded node) and
 * their re-sync after an index change: every shown level is asked again (a newer sync cancels an
 * older one) and only the nodes whose answer changed are reported. Pure (no vscode import): the
 * provider passes the request and the cancellation source.
 */
import type { EventTreeParent } from '../../../shared/src/protocol/types';
import type { TreeNode } from './treeNodes';

/** One answer: `key` compares answers (equal keys redraw nothing), `nodes` are its rows. */
export interface LevelAnswer { key: string; nodes: TreeNode[] }
export type FetchLevel<T> = (parent: EventTreeParent | undefined, token: T) => Promise<LevelAnswer>;
export interface TokenSource<T> { token: T & { isCancellationRequested: boolean }; cancel(): void; dispose(): void }

/** What a sync changed: the apps (redraw all), some nodes' rows, or nothing. */
export type SyncResult = 'root' | TreeNode[] | undefined;
const SUPERSEDED = Symbol('superseded');

interface Level { parent: EventTreeParent; key: string; nodes: TreeNode[] }

export class TreeLevels<T> {
  roots: TreeNode[] = [];
  private rootKey: string | undefined;
  private readonly levels = new Map<string, Level>();
  private readonly pending = new Map<string, Promise<TreeNode[]>>();
  private readonly parents = new Map<string, TreeNode>();
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
    this.generation++;
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
        if (generation !== this.generation) return [];
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

  /** Asks every shown level again; resolves with what changed (a superseded sync resolves with the newest one's answer). */
  async sync(): Promise<SyncResult> {
    this.current?.source.cancel();
    const source = this.newSource();
    const run = this.syncWith(source).finally(() => source.dispose());
    this.current = { source, run };
    let result = await run;
    while (result === SUPERSEDED && this.current && this.current.run !== run) result = await this.current.run;
    return result === SUPERSEDED ? undefined : result;
  }

  private async syncWith(source: TokenSource<T>): Promise<SyncResult | typeof SUPERSEDED> {
    const token = source.token;
    const shown = [...this.levels.entries()];
    let answers: [LevelAnswer, ...[string, LevelAnswer][]];
    try {
      answers = await Promise.all([
        this.fetch(undefined, token),
        ...shown.map(([id, level]) => this.fetch(level.parent, token).then((a): [string, LevelAnswer] => [id, a])),
      ]) as typeof answers;
    } catch (err) {
      if (token.isCancellationRequested) return SUPERSEDED;
      throw err;
    }
    if (token.isCancellationRequested) return SUPERSEDED;
    const [root, ...levels] = answers;
    const changed = new Set<string>();
    for (const [id, a] of levels) {
      const level = this.levels.get(id);
      if (!level || level.key === a.key) continue;
      level.key = a.key;
      level.nodes = a.nodes;
      changed.add(id);
    }
    const rootChanged = root.key !== this.rootKey;
    if (rootChanged) {
      this.roots = root.nodes;
      this.rootKey = root.key;
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
    for (const id of [...this.levels.keys()]) if (!reached.has(id)) this.levels.delete(id);
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
