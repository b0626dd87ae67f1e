/**
 * "Run handler" and "Run chain": entry points (tree menu, the server's CodeLens, the command
 * palette, the payload editor), Workspace Trust, progress with cancel, timeout, and the report in
 * the "JitAi Events: Run" output channel plus a summary notification.
 */
import * as vscode from 'vscode';
import type { HandlerInfo, HandlerInfoParams, HandlerTarget } from '../../shared/src/protocol/types';
import { chainSteps, formatChain, runChain } from './chainRunner';
import type { JitaiLanguageClient } from './languageClient';
import type { Payload } from './payload';
import { PayloadEditors, PayloadHistoryStore, pickPayload } from './payloadPicker';
import { reportMissingInterpreter, resolveInterpreter, type Interpreter } from './pythonInterpreter';
import { formatRunHeader, formatRunOutcome, runLabel, summarizeRun } from '../../shared/src/runReport';
import { runHandler, type RunResult } from './runner';

function isHandlerTarget(x: unknown): x is HandlerTarget {
  const t = x as Partial<HandlerTarget> | null | undefined;
  return !!t && typeof t === 'object' && typeof t.appRootUri === 'string' && typeof t.fullName === 'string';
}

/**
 * What a command argument names: a file (explorer, editor title), an events-tree node (its `run`),
 * or a HandlerTarget (the server's CodeLens, the extension API). Undefined: ask with a quick pick.
 */
export function handlerParamsOf(arg: unknown): HandlerInfoParams | undefined {
  if (arg instanceof vscode.Uri) return { uri: arg.toString() };
  const run = (arg as { run?: unknown } | null | undefined)?.run;
  if (isHandlerTarget(run)) return { appRootUri: run.appRootUri, fullName: run.fullName };
  if (isHandlerTarget(arg)) return { appRootUri: arg.appRootUri, fullName: arg.fullName };
  return undefined;
}

const targetOf = (info: HandlerInfo): HandlerTarget => ({ appRootUri: info.appRootUri, fullName: info.fullName });
const appRootOf = (info: HandlerInfo): vscode.Uri => vscode.Uri.parse(info.appRootUri);

export class HandlerRunner implements vscode.Disposable {
  readonly output = vscode.window.createOutputChannel('JitAi Events: Run');
  readonly editors = new PayloadEditors();
  private readonly history: PayloadHistoryStore;

  constructor(private readonly lsp: JitaiLanguageClient, workspaceState: vscode.Memento) {
    this.history = new PayloadHistoryStore(workspaceState);
  }

  register(): vscode.Disposable[] {
    return [
      vscode.commands.registerCommand('jitaiEvents.runHandler', (arg?: unknown) => this.guard(() => this.runInteractive(arg))),
      vscode.commands.registerCommand('jitaiEvents.runHandlerWithPayload', (arg?: unknown) => this.guard(() => this.runWithPayloadEditor(arg))),
      vscode.commands.registerCommand('jitaiEvents.runChain', (arg?: unknown) => this.guard(() => this.chainInteractive(arg))),
    ];
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
      { title: vscode.l10n.t('Run handler'), placeHolder: vscode.l10n.t('Choose the event or task handler to run'), matchOnDescription: true, matchOnDetail: true },
    );
    if (!picked) return undefined;
    return (await this.lsp.handlerInfo({ appRootUri: picked.handler.appRootUri, fullName: picked.handler.fullName })) ?? undefined;
  }

  /** Checks the handler can run and finds the interpreter, reporting why not. */
  private async prepare(info: HandlerInfo, quiet = false): Promise<Interpreter | undefined> {
    if (info.problem) {
      if (quiet) throw new Error(info.problem);
      void vscode.window.showErrorMessage(vscode.l10n.t('{0} cannot run: {1}', info.fullName, info.problem));
      return undefined;
    }
    const lookup = await resolveInterpreter(appRootOf(info));
    if (!lookup.ok) {
      if (quiet) throw new Error(`${lookup.error} ${lookup.fix}`);
      await reportMissingInterpreter(lookup);
      return undefined;
    }
    return lookup.interpreter;
  }

  private timeoutMs(info: HandlerInfo): number {
    const seconds = vscode.workspace.getConfiguration('jitaiEvents', appRootOf(info)).get<number>('runHandler.timeoutSeconds', 30);
    return Math.max(1, seconds) * 1000;
  }

  /** Runs once (no UI besides the output channel): header, the handler's output live, then the outcome. */
  private async execute(info: HandlerInfo, payload: Payload, interpreter: Interpreter, signal?: AbortSignal): Promise<RunResult> {
    const label = runLabel(info);
    this.write(formatRunHeader(label, payload, interpreter, vscode.l10n.t));
    let streamed = false;
    let endsWithNewline = true;
    const result = await runHandler({
      handler: info, args: payload.args, kwargs: payload.kwargs, pythonPath: interpreter.path, timeoutMs: this.timeoutMs(info), signal,
      t: vscode.l10n.t,
      onOutput: (_stream, text) => {
        if (!text) return;
        if (!streamed) this.output.appendLine(`── ${vscode.l10n.t('output')} ──`);
        streamed = true;
        this.output.append(text);
        endsWithNewline = text.endsWith('\n');
      },
    });
    if (!endsWithNewline) this.output.appendLine('');
    // Output already shown live is not repeated; otherwise the outcome writes it from the result.
    for (const line of formatRunOutcome(label, result, vscode.l10n.t, { includeOutput: !streamed })) this.output.appendLine(line);
    return result;
  }

  private write(lines: string[]): void {
    this.output.appendLine('');
    for (const line of lines) this.output.appendLine(line);
  }

  private withProgress<T>(title: string, task: (signal: AbortSignal, progress: vscode.Progress<{ message?: string }>) => Promise<T>): Thenable<T> {
    return vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title, cancellable: true }, (progress, token) => {
      const controller = new AbortController();
      token.onCancellationRequested(() => controller.abort());
      return task(controller.signal, progress);
    });
  }

  /** Starts looking for the interpreter while the user picks a payload (probing Python can take a second). */
  private warmInterpreter(info: HandlerInfo): void {
    void resolveInterpreter(appRootOf(info)).catch(() => undefined);
  }

  /** Resolves the handler, asks for a payload, then runs (or opens the payload editor). */
  private async pickAndRun(arg: unknown, run: (info: HandlerInfo, payload: Payload) => Promise<void>): Promise<void> {
    const info = await this.resolveHandler(arg);
    if (!info) return;
    if (info.problem) { await this.prepare(info); return; }
    this.warmInterpreter(info);
    const pick = await pickPayload(info, this.history);
    if (!pick) return;
    if (pick.kind === 'edit') { await this.openEditor(info, pick.payload); return; }
    await run(info, pick.payload);
  }

  /** What Debug handler starts: the handler, payload and interpreter chosen exactly as for Run (undefined: cancelled or cannot run). */
  async chooseRun(arg: unknown): Promise<{ info: HandlerInfo; payload: Payload; interpreter: Interpreter } | undefined> {
    let chosen: { info: HandlerInfo; payload: Payload } | undefined;
    await this.pickAndRun(arg, async (info, payload) => { chosen = { info, payload }; });
    const interpreter = chosen && await this.prepare(chosen.info);
    if (!chosen || !interpreter) return undefined;
    await this.history.remember(chosen.info, chosen.payload);
    return { ...chosen, interpreter };
  }

  private runInteractive(arg: unknown): Promise<void> {
    return this.pickAndRun(arg, (info, payload) => this.runWithUi(info, payload));
  }

  /** The full interactive run: progress with cancel, report, summary notification. */
  private async runWithUi(info: HandlerInfo, payload: Payload): Promise<void> {
    const interpreter = await this.prepare(info);
    if (!interpreter) return;
    await this.history.remember(info, payload);
    this.output.show(true);
    const result = await this.withProgress(vscode.l10n.t('Running {0}…', info.fullName), (signal) => this.execute(info, payload, interpreter, signal));
    await this.notify(info, payload, result);
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
    if (choice === showOutput) this.output.show();
    else if (choice === runAgain) await this.guard(() => this.runWithUi(info, payload));
    else if (choice === runChainLabel) await this.guard(() => this.chainWithUi(info, payload, result));
  }

  private async openEditor(info: HandlerInfo, payload: Payload): Promise<void> {
    const doc = await this.editors.open(targetOf(info), payload);
    const run = vscode.l10n.t('Run');
    const choice = await vscode.window.showInformationMessage(
      vscode.l10n.t('Edit the payload of {0}, then run it (or use "JitAi: Run handler with this payload" in the editor title).', info.fullName), run);
    if (choice === run) await this.guard(() => this.runDocument(doc));
  }

  /** `jitaiEvents.runHandlerWithPayload`: run the active payload editor, or open one for a chosen handler. */
  private async runWithPayloadEditor(arg: unknown): Promise<void> {
    const uri = arg instanceof vscode.Uri ? arg : vscode.window.activeTextEditor?.document.uri;
    const doc = uri && this.editors.targetOf(uri) ? vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString()) : undefined;
    if (doc) { await this.runDocument(doc); return; }
    const info = await this.resolveHandler(arg instanceof vscode.Uri ? undefined : arg);
    if (!info) return;
    const recent = this.history.recent(info)[0];
    const published = info.payloads[0];
    await this.openEditor(info, recent ?? (published ? { args: published.args, kwargs: published.kwargs } : { args: [], kwargs: {} }));
  }

  private async runDocument(doc: vscode.TextDocument): Promise<void> {
    const target = this.editors.targetOf(doc.uri);
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

  private chainDepth(info: HandlerInfo): number {
    return Math.max(1, vscode.workspace.getConfiguration('jitaiEvents', appRootOf(info)).get<number>('runHandler.chainDepth', 3));
  }

  private chainInteractive(arg: unknown): Promise<void> {
    return this.pickAndRun(arg, (info, payload) => this.chainWithUi(info, payload));
  }

  /** Runs the handler (unless `first` is given) and dispatches what it published, level by level. */
  private async chainWithUi(info: HandlerInfo, payload: Payload, first?: RunResult): Promise<void> {
    const interpreter = await this.prepare(info);
    if (!interpreter) return;
    if (!first) await this.history.remember(info, payload);
    const maxDepth = this.chainDepth(info);
    this.output.show(true);
    this.write([vscode.l10n.t('Run chain from {0}', info.fullName)]);
    const root = await this.withProgress(vscode.l10n.t('Running the chain from {0}…', info.fullName), (signal, progress) =>
      runChain(targetOf(info), payload, {
        maxDepth,
        isCancelled: () => signal.aborted,
        onStep: (step) => progress.report({ message: step.target.fullName }),
        subscribersOf: (appRootUri, sender) => this.lsp.subscribersOf({ appRootUri, sender }),
        run: async (target: HandlerTarget, p: Payload) => {
          const stepInfo = target.fullName === info.fullName ? info : await this.lsp.handlerInfo(target);
          if (!stepInfo) throw new Error(vscode.l10n.t('{0} no longer exists.', target.fullName));
          if (stepInfo.problem) throw new Error(stepInfo.problem);
          return this.execute(stepInfo, p, interpreter, signal);
        },
      }, first));
    this.write(formatChain(root, maxDepth, vscode.l10n.t));
    const steps = chainSteps(root);
    const failed = steps.filter((s) => s.error || (s.result && s.result.status !== 'ok')).length;
    const message = vscode.l10n.t('Chain from {0}: {1} handlers ran, {2} failed.', info.fullName, steps.filter((s) => s.result).length, failed);
    const showOutput = vscode.l10n.t('Show Output');
    const choice = await (failed ? vscode.window.showWarningMessage(message, showOutput) : vscode.window.showInformationMessage(message, showOutput));
    if (choice === showOutput) this.output.show();
  }

  /** For the extension API / tests: run without prompts; throws when the handler cannot run. */
  async runForApi(target: HandlerTarget, payload: Payload): Promise<RunResult> {
    if (!vscode.workspace.isTrusted) throw new Error('Running handlers is disabled in untrusted workspaces.');
    const info = await this.lsp.handlerInfo({ appRootUri: target.appRootUri, fullName: target.fullName });
    if (!info) throw new Error(`No runnable element ${target.fullName} in ${target.appRootUri}`);
    const interpreter = await this.prepare(info, true);
    return this.execute(info, { args: payload.args ?? [], kwargs: payload.kwargs ?? {} }, interpreter!);
  }

  dispose(): void {
    this.output.dispose();
    this.editors.dispose();
  }
}
