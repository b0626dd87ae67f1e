/**
 * The Run commands: "Run Handler…", "Run Handler with This Payload" and "Run Chain…" from the tree
 * menu, the server's CodeLens, the editor context menu, the command palette and the payload editor.
 * Refuses in Restricted Mode, resolves what to run (or asks), asks for a payload, runs with a
 * cancellable progress and ends with a summary notification. Running itself is run/session.ts.
 */
import * as vscode from 'vscode';
import type { HandlerInfo, HandlerTarget } from '../../../shared/src/protocol/types';
import type { RunResult } from '../../../shared/src/runner';
import { summarizeRun } from '../../../shared/src/runReport';
import type { JitaiLanguageClient } from '../lsp/languageClient';
import { runChainWithUi } from './chainUi';
import { handlerParamsOf, targetOf } from './handlerArgs';
import type { Payload } from './payload';
import { PayloadEditors, payloadTarget } from './payloadEditors';
import { PayloadHistoryStore, pickPayload } from './payloadPicker';
import { RunSession } from './session';
import type { Interpreter } from './pythonInterpreter';

export class RunCommands implements vscode.Disposable {
  readonly session = new RunSession();
  readonly editors = new PayloadEditors();
  private readonly history: PayloadHistoryStore;

  constructor(private readonly lsp: JitaiLanguageClient, workspaceState: vscode.Memento) {
    this.history = new PayloadHistoryStore(workspaceState);
  }

  runHandler(arg?: unknown): Promise<void> {
    return this.guard(() => this.pickAndRun(arg, (info, payload) => this.runWithUi(info, payload)));
  }
  runChain(arg?: unknown): Promise<void> {
    return this.guard(() => this.pickAndRun(arg, (info, payload) => this.chain(info, payload)));
  }
  runWithPayload(arg?: unknown): Promise<void> {
    return this.guard(() => this.runWithPayloadEditor(arg));
  }

  /** The "JitAi Events: Run" output channel (Run and Debug reports). */
  get output(): vscode.OutputChannel { return this.session.output; }

  /** What Debug handler starts: the handler, payload and interpreter chosen exactly as for Run (undefined: cancelled or cannot run). */
  async chooseRun(arg: unknown): Promise<{ info: HandlerInfo; payload: Payload; interpreter: Interpreter } | undefined> {
    let chosen: { info: HandlerInfo; payload: Payload } | undefined;
    await this.pickAndRun(arg, async (info, payload) => { chosen = { info, payload }; });
    const interpreter = chosen && await this.session.prepare(chosen.info);
    if (!chosen || !interpreter) return undefined;
    await this.history.remember(chosen.info, chosen.payload);
    return { ...chosen, interpreter };
  }

  /** Refuses in untrusted workspaces; reports unexpected errors instead of failing silently. */
  async guard(action: () => Promise<unknown>): Promise<void> {
    if (!vscode.workspace.isTrusted) {
      const manage = vscode.l10n.t('Manage Workspace Trust');
      const choice = await vscode.window.showWarningMessage(
        vscode.l10n.t('Running event handlers executes the workspace\'s Python code, so it is disabled in untrusted workspaces.'), manage);
      if (choice === manage) await vscode.commands.executeCommand('workbench.trust.manage');
      return;
    }
    try {
      await action();
    } catch (err) {
      void vscode.window.showErrorMessage(vscode.l10n.t('Run handler failed: {0}', err instanceof Error ? err.message : String(err)));
    }
  }

  /** Finds what to run from a command argument, or asks with a quick pick. */
  private async resolveHandler(arg: unknown): Promise<HandlerInfo | undefined> {
    const params = handlerParamsOf(arg);
    if (!params) return this.pickHandler();
    const info = await this.lsp.handlerInfo(params);
    if (!info) {
      void vscode.window.showErrorMessage(vscode.l10n.t('No runnable event or task element found there.'));
      return undefined;
    }
    return info;
  }

  private async pickHandler(): Promise<HandlerInfo | undefined> {
    const { handlers } = await this.lsp.listHandlers();
    if (!handlers.length) {
      void vscode.window.showInformationMessage(vscode.l10n.t('No event or task handlers found in this workspace.'));
      return undefined;
    }
    const apps = new Set(handlers.map((h) => h.appRootUri));
    const picked = await vscode.window.showQuickPick(
      handlers.map((h) => ({
        label: `$(zap) ${h.title ?? h.fullName}`,
        description: apps.size > 1 ? `${h.fullName} · ${vscode.Uri.parse(h.appRootUri).path.split('/').pop()}` : h.fullName,
        detail: `${h.funcType} → ${h.label}`,
        handler: h,
      })),
      { title: vscode.l10n.t('Run Handler'), placeHolder: vscode.l10n.t('Choose the event or task handler to run'), matchOnDescription: true, matchOnDetail: true },
    );
    if (!picked) return undefined;
    return (await this.lsp.handlerInfo({ appRootUri: picked.handler.appRootUri, fullName: picked.handler.fullName })) ?? undefined;
  }

  /** Resolves the handler, asks for a payload, then runs (or opens the payload editor). */
  private async pickAndRun(arg: unknown, run: (info: HandlerInfo, payload: Payload) => Promise<void>): Promise<void> {
    const info = await this.resolveHandler(arg);
    if (!info) return;
    if (info.problem) { await this.session.prepare(info); return; }
    this.session.warmInterpreter(info);
    const pick = await pickPayload(info, this.history);
    if (!pick) return;
    if (pick.kind === 'edit') { await this.openEditor(info, pick.payload); return; }
    await run(info, pick.payload);
  }

  /** The full interactive run: progress with cancel, report, summary notification. */
  private async runWithUi(info: HandlerInfo, payload: Payload): Promise<void> {
    const interpreter = await this.session.prepare(info);
    if (!interpreter) return;
    await this.history.remember(info, payload);
    this.session.output.show(true);
    const result = await this.session.withProgress(vscode.l10n.t('Running {0}…', info.fullName),
      (signal) => this.session.execute(info, payload, interpreter, signal));
    await this.notify(info, payload, result);
  }

  private async chain(info: HandlerInfo, payload: Payload, first?: RunResult): Promise<void> {
    if (!first) await this.history.remember(info, payload);
    await runChainWithUi(this.session, this.lsp, info, payload, first);
  }

  private async notify(info: HandlerInfo, payload: Payload, result: RunResult): Promise<void> {
    const summary = summarizeRun(info.fullName, result, vscode.l10n.t);
    const showOutput = vscode.l10n.t('Show Output');
    const runChainLabel = vscode.l10n.t('Run Chain');
    const runAgain = vscode.l10n.t('Run Again');
    const actions = [showOutput, ...(result.published.length ? [runChainLabel] : []), runAgain];
    const show = result.status === 'ok' ? vscode.window.showInformationMessage
      : result.status === 'cancelled' || result.status === 'timeout' ? vscode.window.showWarningMessage : vscode.window.showErrorMessage;
    const choice = await show(summary, ...actions);
    if (choice === showOutput) this.session.output.show();
    else if (choice === runAgain) await this.guard(() => this.runWithUi(info, payload));
    else if (choice === runChainLabel) await this.guard(() => this.chain(info, payload, result));
  }

  private async openEditor(info: HandlerInfo, payload: Payload): Promise<void> {
    const doc = await this.editors.open(targetOf(info), payload);
    const run = vscode.l10n.t('Run');
    const choice = await vscode.window.showInformationMessage(
      vscode.l10n.t('Edit the payload of {0}, then run it (or use "{1}" in the editor title).', info.fullName,
        `JitAi: ${vscode.l10n.t('Run Handler with This Payload')}`), run);
    if (choice === run) await this.guard(() => this.runDocument(doc));
  }

  /** Runs the active payload editor, or opens one for a chosen handler. */
  private async runWithPayloadEditor(arg: unknown): Promise<void> {
    const uri = arg instanceof vscode.Uri ? arg : vscode.window.activeTextEditor?.document.uri;
    const doc = uri && payloadTarget(uri) ? vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString()) : undefined;
    if (doc) { await this.runDocument(doc); return; }
    const info = await this.resolveHandler(arg instanceof vscode.Uri ? undefined : arg);
    if (!info) return;
    const recent = this.history.recent(info)[0];
    const published = info.payloads[0];
    await this.openEditor(info, recent ?? (published ? { args: published.args, kwargs: published.kwargs } : { args: [], kwargs: {} }));
  }

  private async runDocument(doc: vscode.TextDocument): Promise<void> {
    const target = payloadTarget(doc.uri);
    if (!target) return;
    const payload = PayloadEditors.read(doc);
    if (!payload) return;
    const info = await this.lsp.handlerInfo(target);
    if (!info) {
      void vscode.window.showErrorMessage(vscode.l10n.t('{0} no longer exists.', target.fullName));
      return;
    }
    await this.runWithUi(info, payload);
  }

  /** For the extension API / tests: run without prompts; throws when the handler cannot run. */
  async runForApi(target: HandlerTarget, payload: Partial<Payload>): Promise<RunResult> {
    if (!vscode.workspace.isTrusted) throw new Error('Running handlers is disabled in untrusted workspaces.');
    const info = await this.lsp.handlerInfo({ appRootUri: target.appRootUri, fullName: target.fullName });
    if (!info) throw new Error(`No runnable element ${target.fullName} in ${target.appRootUri}`);
    const interpreter = await this.session.prepare(info, true);
    return this.session.execute(info, { args: payload.args ?? [], kwargs: payload.kwargs ?? {} }, interpreter!);
  }

  dispose(): void {
    this.session.dispose();
    this.editors.dispose();
  }
}
