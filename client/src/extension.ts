/**
 * Extension entry point: wiring only. Every fact shown comes from the language server; commands are
 * registered from the table in commands.ts.
 */
import * as vscode from 'vscode';
import type { EventTreeResult, HandlerTarget, IndexStatus } from '../../shared/src/protocol/types';
import type { RunResult } from '../../shared/src/runner';
import { registerCommands } from './commands';
import type { Ctx } from './ctx';
import { JitaiLanguageClient } from './lsp/languageClient';
import { createMiddleware } from './lsp/middleware';
import { RunCommands } from './run/commands';
import type { Payload } from './run/payload';
import { payloadUri } from './run/payloadEditors';
import { RunnableContext } from './run/runnableContext';
import { IndexProgress } from './status/indexProgress';
import { IndexStatusItem } from './status/indexStatusItem';
import { logActivation, logFirstIndex, startLines } from './status/startupLog';
import { EventsTreeProvider } from './tree/eventsTree';
import type { NodeOutline } from './tree/treeModel';
import { createFlowGraph, showFlowAndWait } from './graph/showFlowCommand';
import type { FlowRendered } from './graph/flowGraphPanel';
import { createDebugHandler, type DebugApi } from './debug/debugHandler';
import { newSubscriber, type NewSubscriberOutcome } from './subscriber/newSubscriber';
import { vscodePrompts, type SubscriberPrompts } from './subscriber/prompts';

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
  /** The language status item's text, detail and command as shown. */
  statusShown(): { text: string; detail?: string; command?: string };
  /** Re-evaluates and returns `jitaiEvents.editorRunnable` for the active editor. */
  editorRunnable(): Promise<boolean>;
  /** Opens the payload editor of a handler (as "Edit as JSON…" does) and returns its document. */
  openPayloadEditor(target: HandlerTarget, payload: Partial<Payload>): Promise<vscode.TextDocument>;
  /** The payload document uri of a handler. */
  payloadUri(target: HandlerTarget): vscode.Uri;
  /** What the log said at start (after the first index and the Python lookup). */
  startLog(): Promise<string[]>;
  /** Reveals an events-tree row by id (expanding it when asked); false when there is none. */
  revealTreeNode(id: string, expand: boolean): Promise<boolean>;
  /** Counter texts the first-index progress notification showed ([] when the index was quick). */
  progressShown(): string[];
  /** New Event Subscriber with the given answers (the others from VS Code's UI); what it created, undefined when cancelled. */
  newSubscriber(arg: unknown, prompts: Partial<SubscriberPrompts>): Promise<NewSubscriberOutcome | undefined>;
}

let lsp: JitaiLanguageClient | undefined;

export async function activate(context: vscode.ExtensionContext): Promise<JitaiEventsApi> {
  const log = vscode.window.createOutputChannel('JitAi Events', { log: true });
  logActivation(log, String(context.extension.packageJSON.version ?? '?'));
  const progress = new IndexProgress();
  let filesRead: number | undefined;
  lsp = new JitaiLanguageClient(context, log, createMiddleware({
    onWorkDoneProgress: (p) => {
      const total = /\/\s*(\d+)/.exec(p.message ?? '')?.[1];
      if (total) filesRead = Number(total);
      progress.handle(p);
    },
  }));
  const status = new IndexStatusItem();
  const tree = new EventsTreeProvider(lsp);
  const runs = new RunCommands(lsp, context.workspaceState);
  const runnable = new RunnableContext(lsp);
  context.subscriptions.push(log, lsp, status, tree, runs, runnable, progress);

  let resolveReady!: () => void;
  const ready = new Promise<void>((resolve) => { resolveReady = resolve; });
  let wasIndexing = true;
  let firstIndexLogged: Promise<void> | undefined;
  context.subscriptions.push(
    lsp.onIndexStatus((s) => {
      status.update(s);
      if (s.state !== 'indexing') {
        resolveReady();
        if (wasIndexing) tree.scheduleRefresh();
        firstIndexLogged ??= logFirstIndex(log, s, filesRead);
      }
      wasIndexing = s.state === 'indexing';
    }),
    lsp.onIndexChanged(() => tree.scheduleRefresh()),
    lsp.onStarted(() => { status.serverStarted(); tree.scheduleRefresh(); }),
    // Granting trust brings back the Run lenses the middleware dropped: a restart asks for every lens again.
    vscode.workspace.onDidGrantWorkspaceTrust(() => void lsp?.restart().catch(() => status.serverStopped())),
  );

  const flow = createFlowGraph(context, lsp);
  const debug = createDebugHandler(lsp, runs);
  context.subscriptions.push(...flow.disposables);
  const ctx: Ctx = { lsp, tree, runs, status, log, flow, debug: debug.debugger };
  context.subscriptions.push(...registerCommands(ctx));

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
    runHandler: (target, payload) => runs.runForApi(target, payload),
    indexStatus: () => status.status,
    showFlow: (arg, filter) => showFlowAndWait(flow.panel, arg, filter),
    debug: debug.api,
    statusShown: () => status.shown,
    editorRunnable: () => runnable.update(),
    openPayloadEditor: (target, payload) => runs.editors.open(target, { args: payload.args ?? [], kwargs: payload.kwargs ?? {} }),
    payloadUri,
    progressShown: () => [...progress.shownMessages],
    revealTreeNode: (id, expand) => tree.reveal(id, expand),
    newSubscriber: (arg, prompts) => newSubscriber(client, arg, { ...vscodePrompts, ...prompts }),
    startLog: async () => { await ready; await firstIndexLogged; return [...startLines]; },
  };
}

export async function deactivate(): Promise<void> {
  await lsp?.stop();
  lsp = undefined;
}
