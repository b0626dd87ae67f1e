/**
 * "JitAi: Show Event Flow": from the command palette (whole workspace), the events tree's title
 * button, or an event's context menu (that event and the hops around it, `jitaiEvents.flowGraph.depth`).
 */
import * as vscode from 'vscode';
import type { JitaiLanguageClient } from '../lsp/languageClient';
import { SECTION } from '../ids';
import { DEFAULT_DEPTH, FlowGraphPanel, type FlowRendered } from './flowGraphPanel';
import { flowParamsOf } from './flowParams';


/** The event-flow view as the command table uses it: the panel, `show(arg)`, and redraws on index changes. */
export interface FlowGraphView { panel: FlowGraphPanel; show(arg?: unknown): Promise<void>; disposables: vscode.Disposable[] }

export function createFlowGraph(context: vscode.ExtensionContext, lsp: JitaiLanguageClient): FlowGraphView {
  const panel = new FlowGraphPanel(context.extensionUri, (p) => lsp.flowGraph(p));
  const depth = () => Math.max(1, vscode.workspace.getConfiguration(SECTION).get<number>('flowGraph.depth', DEFAULT_DEPTH));
  const show = async (arg?: unknown) => {
    try {
      await panel.show(flowParamsOf(arg, depth()));
    } catch (e) {
      void vscode.window.showErrorMessage(vscode.l10n.t('The event flow could not be shown: {0}', e instanceof Error ? e.message : String(e)));
    }
  };
  const disposables = [panel, lsp.onIndexChanged(() => { if (panel.isOpen) void panel.refresh().catch(() => undefined); })];
  return { panel, show, disposables };
}

/** Opens the flow view and resolves with what the webview drew (for the extension API and its tests). */
export async function showFlowAndWait(panel: FlowGraphPanel, arg: unknown, filter?: string, timeoutMs = 20_000): Promise<FlowRendered> {
  return new Promise<FlowRendered>((resolve, reject) => {
    const timer = setTimeout(() => { sub.dispose(); reject(new Error('the flow view did not draw in time')); }, timeoutMs);
    const sub = panel.onRendered((r) => {
      if (filter !== undefined && r.filter !== filter) return;
      clearTimeout(timer); sub.dispose(); resolve(r);
    });
    panel.show(flowParamsOf(arg, DEFAULT_DEPTH), filter).catch((e) => { clearTimeout(timer); sub.dispose(); reject(e); });
  });
}
