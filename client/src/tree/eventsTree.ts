/**
 * The "Events" tree view: data only from the server's EventTreeRequest, one level per request (a
 * node's rows are asked for when it is expanded), never polled, never read from disk here. Index
 * changes refresh it only while it is visible, debounced, re-asking just the levels already shown
 * and redrawing just the nodes whose answer changed (./treeLevels.ts). An edit of an indexed file
 * puts a due or running refresh off until editing pauses (its own index change follows).
 */
import * as vscode from 'vscode';
import type { EventTreeParams, EventTreeParent, Location } from '../../../shared/src/protocol/types';
import { Commands, ContextKeys, Views } from '../ids';
import type { JitaiLanguageClient } from '../lsp/languageClient';
import { buildEventTree, childrenOf, outline, type NodeOutline, type TreeNode } from './treeModel';
import { TreeLevels, type LevelAnswer, type SyncResult } from './treeLevels';

export function toVscodeRange(location: Location): vscode.Range {
  const { start, end } = location.range;
  return new vscode.Range(start.line, start.character, end.line, end.character);
}

/** Opens a location in an editor (a tree click, "Go to declaration"). */
export async function openLocation(location: Location, preserveFocus = false): Promise<void> {
  const uri = vscode.Uri.parse(location.uri);
  await vscode.window.showTextDocument(uri, { selection: toVscodeRange(location), preserveFocus, preview: true });
}

/** How long after the last index change the visible tree re-asks its levels. */
export const REFRESH_DEBOUNCE_MS = 400;
/**
 * How long after an edit of an indexed file a refresh that was due waits: the server applies the edit
 * after its own debounce (jitaiEvents.validation.debounceMs, 200 ms) and says so with an index change.
 */
export const EDIT_PAUSE_MS = 600;
/** Files the server indexes (their edits change the tree). */
const INDEXED = /\/(e\.json|app\.json|config\.json|[^/]+\.py)$/;

export class EventsTreeProvider implements vscode.TreeDataProvider<TreeNode>, vscode.Disposable {
  private readonly changeEmitter = new vscode.EventEmitter<TreeNode | undefined>();
  readonly onDidChangeTreeData = this.changeEmitter.event;
  private readonly levels: TreeLevels<vscode.CancellationToken>;
  private loaded: Promise<unknown> | undefined;
  private filterText = '';
  private rootPending = false;
  private timer: ReturnType<typeof setTimeout> | undefined;
  /** An index change arrived while the view was hidden: refresh when it shows. */
  private stale = false;
  /**
   * Expansion the user chose, by node id: VS Code forgets the state of rows a filter removed, so it is
   * kept here and given back when they return.
   */
  private readonly userExpanded = new Map<string, boolean>();
  readonly view: vscode.TreeView<TreeNode>;

  constructor(private readonly lsp: JitaiLanguageClient) {
    this.levels = new TreeLevels((parent, token, known) => this.request(parent, token, known), () => new vscode.CancellationTokenSource());
    this.view = vscode.window.createTreeView(Views.events, { treeDataProvider: this, showCollapseAll: true });
    this.view.onDidExpandElement((e) => {
      this.userExpanded.set(e.element.id, true);
      if (this.levels.isStale(e.element)) {
        void this.levels.revalidate(e.element).then((changed) => { if (changed) this.changeEmitter.fire(e.element); }, () => undefined);
      }
    });
    this.view.onDidCollapseElement((e) => this.userExpanded.set(e.element.id, false));
    this.view.onDidChangeVisibility((e) => { if (e.visible && this.stale) this.scheduleRefresh(); });
    this.editListener = vscode.workspace.onDidChangeTextDocument((e) => {
      if (e.contentChanges.length && e.document.uri.scheme === 'file' && INDEXED.test(e.document.uri.path)) this.edited();
    });
  }

  private readonly editListener: vscode.Disposable;

  /**
   * An indexed file was edited: its index change follows shortly, so a refresh that is due or running
   * now would answer from records about to change and compete with the edit's re-check and the
   * completions being typed; it waits until editing pauses.
   */
  private edited(): void {
    if (!this.timer && !this.levels.syncing) return;
    // Asked again after the pause even when the edit changes no record (then no index change follows).
    this.levels.cancel();
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => { this.timer = undefined; void this.refresh(); }, EDIT_PAUSE_MS);
  }

  /** One level (or, filtered, the whole matching tree) as nodes. */
  private async request(parent: EventTreeParent | undefined, token: vscode.CancellationToken, known?: string): Promise<LevelAnswer> {
    const params: EventTreeParams = this.filterText ? { filter: this.filterText } : { parent: parent ?? {}, ...(known ? { ifChanged: known } : {}) };
    const result = await this.lsp.eventTree(params, token);
    if (result.unchanged && result.tag) return { key: result.tag, unchanged: true };
    const nodes = this.filterText ? buildEventTree(result, vscode.l10n.t) : childrenOf(result, parent ?? {}, vscode.l10n.t);
    // Level answers carry a digest; the filtered tree is compared whole (without its version). Equal answers redraw nothing.
    return { key: result.tag ?? JSON.stringify([this.filterText, result.apps]), nodes };
  }

  /** The expansion a node is shown with: the user's choice, else the model's default. */
  isExpanded(node: TreeNode): boolean {
    return this.userExpanded.get(node.id) ?? node.expanded;
  }

  get filter(): string {
    return this.filterText;
  }

  async setFilter(text: string): Promise<void> {
    this.filterText = text.trim();
    await vscode.commands.executeCommand('setContext', ContextKeys.treeFiltered, this.filterText !== '');
    this.view.description = this.filterText ? vscode.l10n.t('filter: {0}', this.filterText) : undefined;
    this.levels.clear();
    await this.refresh(true);
  }

  /** An index change: refresh once typing pauses, and only while the view is visible. */
  scheduleRefresh(): void {
    this.levels.cancel();
    if (!this.view.visible) {
      this.stale = true;
      return;
    }
    this.stale = false;
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => { this.timer = undefined; void this.refresh(); }, REFRESH_DEBOUNCE_MS);
  }

  /**
   * Re-asks the levels on screen (a newer refresh or an index change cancels an older one) and redraws
   * the nodes whose answer changed; `untilDone` asks again after a cancellation (callers that need the tree now).
   */
  async refresh(untilDone = false): Promise<void> {
    let changed: SyncResult;
    try {
      do changed = await this.levels.sync((n) => this.isExpanded(n));
      while (changed === 'cancelled' && untilDone);
    } catch (err) {
      this.lsp.output.warn(`Events tree request failed: ${err instanceof Error ? err.message : String(err)}`);
      return;
    }
    if (changed === 'cancelled') return;
    this.loaded ??= Promise.resolve();
    if (!changed) return;
    this.view.message = this.filterText && this.levels.roots.length === 0
      ? vscode.l10n.t('No event matches "{0}".', this.filterText)
      : undefined;
    // The first root request gets these nodes as its answer: no change event while it waits.
    if (this.rootPending) return;
    if (changed === 'root') this.changeEmitter.fire(undefined);
    else for (const node of changed) this.changeEmitter.fire(node);
  }

  /** Resolves once the tree has been fetched at least once. */
  async ensureLoaded(): Promise<void> {
    await (this.loaded ??= this.refresh(true));
  }

  /** Fresh outline of the whole tree (labels, descriptions, context values), every level fetched. */
  async outline(): Promise<NodeOutline[]> {
    await this.refresh(true);
    const withState = async (nodes: TreeNode[]): Promise<TreeNode[]> => Promise.all(nodes.map(async (n) => ({
      ...n, expanded: this.isExpanded(n), children: await withState(await this.getChildren(n)),
    })));
    return outline(await withState(this.levels.roots));
  }

  /** Shows a node by id (expanding it when asked), fetching the levels on its way; false when no such node. */
  async reveal(id: string, expand: boolean): Promise<boolean> {
    await this.ensureLoaded();
    let level = this.levels.roots;
    for (;;) {
      const node = level.find((n) => n.id === id || id.startsWith(n.id + '/'));
      if (!node) return false;
      if (node.id === id) {
        await this.view.reveal(node, { expand, select: false, focus: false });
        return true;
      }
      level = await this.getChildren(node);
    }
  }

  getTreeItem(node: TreeNode): vscode.TreeItem {
    const state = node.children.length === 0 && !node.lazy
      ? vscode.TreeItemCollapsibleState.None
      : this.isExpanded(node) ? vscode.TreeItemCollapsibleState.Expanded : vscode.TreeItemCollapsibleState.Collapsed;
    const item = new vscode.TreeItem(node.label, state);
    item.id = node.id;
    item.description = node.description;
    if (node.tooltip) {
      const md = new vscode.MarkdownString(node.tooltip, true);
      item.tooltip = md;
    }
    item.iconPath = new vscode.ThemeIcon(node.icon, node.iconColor ? new vscode.ThemeColor(node.iconColor) : undefined);
    item.contextValue = node.contextValue;
    if (node.location) {
      item.command = { command: Commands.openNode, title: vscode.l10n.t('Open'), arguments: [node] };
    }
    return item;
  }

  getChildren(node?: TreeNode): Promise<TreeNode[]> | TreeNode[] {
    if (node) return this.levels.childrenOf(node).catch((err) => {
      this.lsp.output.warn(`Events tree request failed: ${err instanceof Error ? err.message : String(err)}`);
      return [];
    });
    if (!this.loaded) {
      this.rootPending = true;
      return this.ensureLoaded().then(() => this.levels.roots).finally(() => { this.rootPending = false; });
    }
    return this.levels.roots;
  }

  getParent(node: TreeNode): TreeNode | undefined {
    return this.levels.parentOf(node);
  }

  dispose(): void {
    if (this.timer) clearTimeout(this.timer);
    this.editListener.dispose();
    this.levels.dispose();
    this.view.dispose();
    this.changeEmitter.dispose();
  }
}
