/**
 * Extension entry point: wiring only. Every fact shown comes from the language server.
 */
import * as vscode from 'vscode';
import type { EventTreeResult, HandlerTarget, IndexStatus } from '../../shared/src/protocol/types';
import { EventsTreeProvider } from './eventsTree';
import { JitaiLanguageClient } from './languageClient';
import type { Payload } from './payload';
import { HandlerRunner } from './runHandler';
import type { RunResult } from './runner';
import { IndexStatusItem } from './statusItem';
import { registerTreeCommands } from './treeCommands';
import { registerFlowGraph, showFlowAndWait } from './graph/showFlowCommand';
import type { FlowRendered } from './graph/flowGraphPanel';
import { registerDebugHandler, type DebugApi } from './debug/debugHandler';
import type { NodeOutline } from './treeModel';

/** What activate() returns; used by the real-editor tests. Keep stable. */
export interface JitaiEventsApi {
  /** Resolves after the first complete index (first IndexStatus whose state is not `indexing`). */
  ready: Promise<void>;
  getEventTree(filter?: string): Promise<EventTreeResult>;
  /** The events tree as the view shows it (labels, descriptions, context values, children). */
  getTreeNodes(): Promise<NodeOutline[]>;
  /** Runs a handler without any prompt; rejects when it cannot run (unknown element, no Python…). */
  runHandler(target: HandlerTarget, payload: Partial<Payload>): Promise<RunResult>;
  indexStatus(): IndexStatus | undefined;
  /** Opens the event-flow view (`arg` as the command takes it) and resolves with what the webview drew. */
  showFlow(arg?: unknown, filter?: string): Promise<FlowRendered>;
  /** Debug handler without prompts: the launch configuration, and a way to intercept starting it. */
  debug: DebugApi;
}

let lsp: JitaiLanguageClient | undefined;

export async function activate(context: vscode.ExtensionContext): Promise<JitaiEventsApi> {
  const log = vscode.window.createOutputChannel('JitAi Events', { log: true });
  lsp = new JitaiLanguageClient(context, log);
  const status = new IndexStatusItem();
  const tree = new EventsTreeProvider(lsp);
  const runner = new HandlerRunner(lsp, context.workspaceState);
  context.subscriptions.push(log, lsp, status, tree, runner);

  let resolveReady!: () => void;
  const ready = new Promise<void>((resolve) => { resolveReady = resolve; });
  let wasIndexing = true;
  context.subscriptions.push(
    lsp.onIndexStatus((s) => {
      status.update(s);
      if (s.state !== 'indexing') {
        resolveReady();
        if (wasIndexing) void tree.refresh();
      }
      wasIndexing = s.state === 'indexing';
    }),
    lsp.onIndexChanged(() => void tree.refresh()),
    lsp.onStarted(() => { status.serverStarted(); void tree.refresh(); }),
  );

  const flow = registerFlowGraph(context, lsp);
  const debug = registerDebugHandler(lsp, runner);
  context.subscriptions.push(
    ...flow.disposables,
    ...debug.disposables,
    ...registerTreeCommands(tree),
    ...runner.register(),
    vscode.commands.registerCommand('jitaiEvents.showOutput', () => log.show()),
    vscode.commands.registerCommand('jitaiEvents.reindex', async () => {
      await vscode.window.withProgress(
        { location: { viewId: 'jitaiEvents.events' }, title: vscode.l10n.t('Re-indexing JitAi apps…') },
        async () => {
          const result = await lsp!.reindex();
          status.update(result);
          await tree.refresh();
        },
      );
    }),
    vscode.commands.registerCommand('jitaiEvents.restartServer', async () => {
      try {
        await lsp!.restart();
      } catch (err) {
        status.serverStopped();
        void vscode.window.showErrorMessage(vscode.l10n.t('The JitAi Events language server did not start: {0}', err instanceof Error ? err.message : String(err)));
      }
    }),
  );

  try {
    await lsp.start();
  } catch (err) {
    status.serverStopped();
    log.error(`Language server failed to start: ${err instanceof Error ? err.message : String(err)}`);
    void vscode.window.showErrorMessage(vscode.l10n.t('The JitAi Events language server did not start: {0}', err instanceof Error ? err.message : String(err)));
  }

  const client = lsp;
  return {
    ready,
    getEventTree: (filter) => client.eventTree(filter ? { filter } : {}),
    getTreeNodes: () => tree.outline(),
    runHandler: (target, payload) => runner.runForApi(target, { args: payload.args ?? [], kwargs: payload.kwargs ?? {} }),
    indexStatus: () => status.status,
    showFlow: (arg, filter) => showFlowAndWait(flow.panel, arg, filter),
    debug: debug.api,
  };
}

export async function deactivate(): Promise<void> {
  await lsp?.stop();
  lsp = undefined;
}
