/**
 * The "JitAi Event Flow" editor panel: one webview (reused), fed by the server's jitai/flowGraph
 * request, redrawn when the index changes, opening the places the webview asks for.
 */
import * as vscode from 'vscode';
import type { FlowGraphParams, FlowGraphResult, Location } from '../../../shared/src/protocol/types';
import { flowGraphHtml, makeNonce } from './flowGraphHtml';
import { flowScopeLabel, flowViewStrings } from './flowGraphStrings';
import type { FromWebview, ToWebview } from './webview/messages';

/** What the webview last reported drawing (the extension API hands it to tests). */
export interface FlowRendered { nodes: number; edges: number; loops: number; filter: string }

export type FlowGraphSource = (params: FlowGraphParams) => Promise<FlowGraphResult>;

export const FLOW_VIEW_TYPE = 'jitaiEvents.flowGraph';
export const DEFAULT_DEPTH = 2;

async function openLocation(location: Location): Promise<void> {
  const uri = vscode.Uri.parse(location.uri);
  const r = location.range;
  const range = new vscode.Range(r.start.line, r.start.character, r.end.line, r.end.character);
  // Beside the graph, so it stays in view while the user follows the flow.
  await vscode.window.showTextDocument(uri, { selection: range, viewColumn: vscode.ViewColumn.Beside, preserveFocus: false });
}

export class FlowGraphPanel implements vscode.Disposable {
  private panel: vscode.WebviewPanel | undefined;
  private params: FlowGraphParams = {};
  private pendingFilter: string | undefined;
  private ready = false;
  private readonly renderedEmitter = new vscode.EventEmitter<FlowRendered>();
  /** Fires each time the webview finished drawing. */
  readonly onRendered = this.renderedEmitter.event;
  lastRendered: FlowRendered | undefined;

  constructor(private readonly extensionUri: vscode.Uri, private readonly source: FlowGraphSource) {}

  /** Opens (or reveals) the panel on the workspace or on an event's neighbourhood. */
  async show(params: FlowGraphParams, filter?: string): Promise<void> {
    this.params = params;
    if (!this.panel) this.create();
    else this.panel.reveal(undefined, false);
    if (filter !== undefined) this.pendingFilter = filter;
    await this.refresh();
  }

  get isOpen(): boolean { return !!this.panel; }

  /** Asks the server again and redraws (the index changed, or a new scope). */
  async refresh(): Promise<void> {
    if (!this.panel || !this.ready) return;
    const result = await this.source(this.params);
    const depth = this.params.depth ?? DEFAULT_DEPTH;
    const filter = this.pendingFilter;
    this.pendingFilter = undefined;
    this.post({
      type: 'graph', scope: flowScopeLabel(vscode.l10n.t, this.params.sender, depth), graphs: result.graphs, strings: flowViewStrings(vscode.l10n.t), filter,
    });
  }

  private post(m: ToWebview): void {
    void this.panel?.webview.postMessage(m);
  }

  private create(): void {
    const dist = vscode.Uri.joinPath(this.extensionUri, 'dist');
    const panel = vscode.window.createWebviewPanel(FLOW_VIEW_TYPE, vscode.l10n.t('JitAi Event Flow'), vscode.ViewColumn.Active, {
      enableScripts: true, localResourceRoots: [dist], retainContextWhenHidden: false,
    });
    panel.iconPath = vscode.Uri.joinPath(this.extensionUri, 'resources', 'jitai.svg');
    const w = panel.webview;
    w.html = flowGraphHtml({
      cspSource: w.cspSource, nonce: makeNonce(), lang: vscode.env.language, title: vscode.l10n.t('JitAi Event Flow'),
      scriptUri: w.asWebviewUri(vscode.Uri.joinPath(dist, 'flowGraphView.js')).toString(),
      styleUri: w.asWebviewUri(vscode.Uri.joinPath(dist, 'flowGraph.css')).toString(),
    });
    w.onDidReceiveMessage((m: FromWebview) => {
      if (m.type === 'ready') { this.ready = true; void this.refresh().catch((e) => this.failed(e)); }
      else if (m.type === 'open') void openLocation(m.location).catch((e) => this.failed(e));
      else if (m.type === 'rendered') { this.lastRendered = { nodes: m.nodes, edges: m.edges, loops: m.loops, filter: m.filter }; this.renderedEmitter.fire(this.lastRendered); }
    });
    // A hidden webview is rebuilt when shown again; it says `ready` once more.
    panel.onDidChangeViewState(() => { if (!panel.visible) this.ready = false; });
    panel.onDidDispose(() => { this.panel = undefined; this.ready = false; });
    this.panel = panel;
  }

  private failed(e: unknown): void {
    void vscode.window.showErrorMessage(vscode.l10n.t('The event flow could not be shown: {0}', e instanceof Error ? e.message : String(e)));
  }

  dispose(): void {
    this.panel?.dispose();
    this.renderedEmitter.dispose();
  }
}
