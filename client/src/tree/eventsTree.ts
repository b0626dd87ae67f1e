/**
 * The "Events" tree view: data only from the server's EventTreeRequest, refreshed when the server
 * sends IndexChangedNotification (never polled, never read from disk here).
 */
import * as vscode from 'vscode';
import type { EventTreeResult, Location } from '../../../shared/src/protocol/types';
import { Commands, ContextKeys, Views } from '../ids';
import type { JitaiLanguageClient } from '../lsp/languageClient';
import { buildEventTree, findNode, outline, type NodeOutline, type TreeNode } from './treeModel';

export function toVscodeRange(location: Location): vscode.Range {
  const { start, end } = location.range;
  return new vscode.Range(start.line, start.character, end.line, end.character);
}

/** Opens a location in an editor (a tree click, "Go to declaration"). */
export async function openLocation(location: Location, preserveFocus = false): Promise<void> {
  const uri = vscode.Uri.parse(location.uri);
  await vscode.window.showTextDocument(uri, { selection: toVscodeRange(location), preserveFocus, preview: true });
}

export class EventsTreeProvider implements vscode.TreeDataProvider<TreeNode>, vscode.Disposable {
  private readonly changeEmitter = new vscode.EventEmitter<TreeNode | undefined>();
  readonly onDidChangeTreeData = this.changeEmitter.event;
  private nodes: TreeNode[] = [];
  private parents = new Map<string, TreeNode>();
  private loaded: Promise<void> | undefined;
  private inFlight: Promise<void> | undefined;
  private again = false;
  private filterText = '';
  /** The answer shown now (filter + apps), to skip refreshes that change nothing. */
  private shown = '';
  private rootPending = false;
  /**
   * Expansion the user chose, by node id: VS Code forgets the state of rows a filter removed, so it is
   * kept here and given back when they return.
   */
  private readonly userExpanded = new Map<string, boolean>();
  readonly view: vscode.TreeView<TreeNode>;

  constructor(private readonly lsp: JitaiLanguageClient) {
    this.view = vscode.window.createTreeView(Views.events, { treeDataProvider: this, showCollapseAll: true });
    this.view.onDidExpandElement((e) => this.userExpanded.set(e.element.id, true));
    this.view.onDidCollapseElement((e) => this.userExpanded.set(e.element.id, false));
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
    await this.refresh();
  }

  /** Re-fetches the tree; concurrent calls coalesce into at most one extra fetch. */
  refresh(): Promise<void> {
    if (this.inFlight) {
      this.again = true;
      return this.inFlight;
    }
    this.inFlight = (async () => {
      do {
        this.again = false;
        await this.fetch();
      } while (this.again);
    })().finally(() => { this.inFlight = undefined; });
    this.loaded ??= this.inFlight;
    return this.inFlight;
  }

  private async fetch(): Promise<void> {
    let result: EventTreeResult;
    try {
      result = await this.lsp.eventTree(this.filterText ? { filter: this.filterText } : {});
    } catch (err) {
      this.lsp.output.warn(`Events tree request failed: ${err instanceof Error ? err.message : String(err)}`);
      return;
    }
    // Unchanged answers fire no refresh: every refresh makes VS Code re-resolve expanded rows, and one
    // landing while it resolves a row's children can leave that row empty.
    const shown = JSON.stringify([this.filterText, result.apps]);
    if (shown === this.shown) return;
    this.shown = shown;
    this.nodes = buildEventTree(result, vscode.l10n.t);
    this.parents = new Map();
    const index = (list: TreeNode[], parent?: TreeNode) => {
      for (const n of list) {
        if (parent) this.parents.set(n.id, parent);
        index(n.children, n);
      }
    };
    index(this.nodes);
    this.view.message = this.filterText && this.nodes.length === 0
      ? vscode.l10n.t('No event matches "{0}".', this.filterText)
      : undefined;
    // The first root request gets these nodes as its answer: no change event while it waits.
    if (!this.rootPending) this.changeEmitter.fire(undefined);
  }

  /** Resolves once the tree has been fetched at least once. */
  async ensureLoaded(): Promise<void> {
    await (this.loaded ?? this.refresh());
  }

  /** Fresh outline of the whole tree (labels, descriptions, context values). */
  async outline(): Promise<NodeOutline[]> {
    await this.refresh();
    const withState = (nodes: TreeNode[]): TreeNode[] => nodes.map((n) => ({ ...n, expanded: this.isExpanded(n), children: withState(n.children) }));
    return outline(withState(this.nodes));
  }

  /** Shows a node by id (expanding it when asked); false when no such node. */
  async reveal(id: string, expand: boolean): Promise<boolean> {
    await this.ensureLoaded();
    const node = findNode(this.nodes, (n) => n.id === id);
    if (!node) return false;
    await this.view.reveal(node, { expand, select: false, focus: false });
    return true;
  }

  getTreeItem(node: TreeNode): vscode.TreeItem {
    const state = node.children.length === 0
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

  getChildren(node?: TreeNode): TreeNode[] | Promise<TreeNode[]> {
    if (node) return node.children;
    if (!this.loaded) {
      this.rootPending = true;
      return this.refresh().then(() => this.nodes).finally(() => { this.rootPending = false; });
    }
    return this.nodes;
  }

  getParent(node: TreeNode): TreeNode | undefined {
    return this.parents.get(node.id);
  }

  dispose(): void {
    this.view.dispose();
    this.changeEmitter.dispose();
  }
}
