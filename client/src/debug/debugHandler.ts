/**
 * "Debug Handler": the handler Run would run, with the same payload, interpreter and stand-ins, but
 * started under debugpy through the Python Debugger extension so breakpoints in inner.py and
 * service.py are hit. When the session ends, the result file gives the same run report as Run.
 */
import * as vscode from 'vscode';
import type { HandlerInfo, HandlerTarget } from '../../../shared/src/protocol/types';
import { formatRunHeader, formatRunOutcome, runLabel, summarizeRun } from '../../../shared/src/runReport';
import {
  debugLaunchConfig, PYTHON_DEBUGGER_EXTENSION, readDebugResult, removeDebugFiles, writeDebugRequest, type DebugLaunchConfig,
} from '../../../shared/src/runner/debugLaunch';
import type { JitaiLanguageClient } from '../lsp/languageClient';
import type { Payload } from '../run/payload';
import { resolveInterpreter, type Interpreter } from '../run/pythonInterpreter';
import type { RunCommands } from '../run/commands';
import { defaultHarnessPath, type RunResult } from '../../../shared/src/runner';
import { debuggerNotStarted, missingDebuggerExtension } from './debuggerMessages';


type StartDebugging = (folder: vscode.WorkspaceFolder | undefined, config: vscode.DebugConfiguration) => Thenable<boolean>;

export type DebugOutcome =
  | { status: 'missing-extension'; message: string }
  | { status: 'not-started'; config: DebugLaunchConfig }
  /** `result` is set when the real session ran to its end (not with a replaced startDebugging). */
  | { status: 'started'; config: DebugLaunchConfig; result?: RunResult };

/** Debug handler for the extension API (tests): no prompts; `startDebugging` and the extension check can be replaced. */
export interface DebugApi {
  debugForApi(target: HandlerTarget, payload: Partial<Payload>, opts?: { startDebugging?: StartDebugging; extensionPresent?: boolean }): Promise<DebugOutcome>;
}

const hasDebugger = () => !!vscode.extensions.getExtension(PYTHON_DEBUGGER_EXTENSION);

async function reportMissingDebugger(): Promise<string> {
  const m = missingDebuggerExtension(vscode.l10n.t);
  void vscode.window.showErrorMessage(m.message, m.install, m.show).then(async (choice) => {
    if (choice === m.install) await vscode.commands.executeCommand('workbench.extensions.installExtension', PYTHON_DEBUGGER_EXTENSION);
    else if (choice === m.show) await vscode.commands.executeCommand('extension.open', PYTHON_DEBUGGER_EXTENSION);
  });
  return m.message;
}

/** Resolves when the session started for `requestFile` ends (or never, if it never starts: the caller races it). */
function sessionEnd(requestFile: string): { ended: Promise<void>; dispose: () => void } {
  let id: string | undefined;
  const subs: vscode.Disposable[] = [];
  const ended = new Promise<void>((resolve) => {
    subs.push(vscode.debug.onDidStartDebugSession((s) => {
      const args = (s.configuration as { args?: unknown }).args;
      if (id === undefined && Array.isArray(args) && args.includes(requestFile)) id = s.id;
    }));
    subs.push(vscode.debug.onDidTerminateDebugSession((s) => { if (s.id === id) resolve(); }));
  });
  return { ended, dispose: () => { for (const d of subs) d.dispose(); } };
}

export class HandlerDebugger {
  constructor(private readonly lsp: JitaiLanguageClient, private readonly runner: RunCommands) {}

  /** The command: choose as Run does, then debug. */
  async interactive(arg: unknown): Promise<void> {
    if (!hasDebugger()) { await reportMissingDebugger(); return; }
    const chosen = await this.runner.chooseRun(arg);
    if (chosen) await this.debug(chosen.info, chosen.payload, chosen.interpreter, (f, c) => vscode.debug.startDebugging(f, c), true);
  }

  async debugForApi(target: HandlerTarget, payload: Partial<Payload>, opts: { startDebugging?: StartDebugging; extensionPresent?: boolean } = {}): Promise<DebugOutcome> {
    if (!vscode.workspace.isTrusted) throw new Error('Debugging handlers is disabled in untrusted workspaces.');
    if (!(opts.extensionPresent ?? hasDebugger())) return { status: 'missing-extension', message: await reportMissingDebugger() };
    const info = await this.lsp.handlerInfo(target);
    if (!info) throw new Error(`No runnable element ${target.fullName} in ${target.appRootUri}`);
    if (info.problem) throw new Error(info.problem);
    const lookup = await resolveInterpreter(vscode.Uri.parse(info.appRootUri));
    if (!lookup.ok) throw new Error(`${lookup.error} ${lookup.fix}`);
    const start = opts.startDebugging ?? ((f, c) => vscode.debug.startDebugging(f, c));
    return this.debug(info, { args: payload.args ?? [], kwargs: payload.kwargs ?? {} }, lookup.interpreter, start, !opts.startDebugging);
  }

  /** Starts the session; with `wait`, reports the result when it ends. Temp files are removed either way. */
  private async debug(info: HandlerInfo, payload: Payload, interpreter: Interpreter, start: StartDebugging, wait: boolean): Promise<DebugOutcome> {
    const request = { handler: info, args: payload.args, kwargs: payload.kwargs, pythonPath: interpreter.path };
    const files = writeDebugRequest(request);
    const config = debugLaunchConfig({ request, harnessPath: defaultHarnessPath(), files });
    const label = runLabel(info);
    const out = this.runner.output;
    const session = sessionEnd(files.requestFile);
    const startedAt = performance.now();
    try {
      const folder = vscode.workspace.getWorkspaceFolder(vscode.Uri.parse(info.appRootUri));
      const ok = await start(folder, config as unknown as vscode.DebugConfiguration);
      if (!ok) {
        void vscode.window.showErrorMessage(debuggerNotStarted(vscode.l10n.t, interpreter.path));
        return { status: 'not-started', config };
      }
      if (!wait) return { status: 'started', config };
      out.appendLine('');
      for (const line of formatRunHeader(label, payload, interpreter, vscode.l10n.t)) out.appendLine(line);
      out.appendLine(vscode.l10n.t('Debugging: the handler\'s output is in the Debug Console.'));
      await session.ended;
      const result = readDebugResult(files, request, startedAt, vscode.l10n.t);
      for (const line of formatRunOutcome(label, result, vscode.l10n.t)) out.appendLine(line);
      const showOutput = vscode.l10n.t('Show Output');
      const show = result.status === 'ok' ? vscode.window.showInformationMessage : vscode.window.showErrorMessage;
      void show(summarizeRun(info.fullName, result, vscode.l10n.t), showOutput).then((c) => { if (c === showOutput) out.show(); });
      return { status: 'started', config, result };
    } finally {
      session.dispose();
      removeDebugFiles(files);
    }
  }
}

/** The debugger and its API object; the command is a row of the command table (commands.ts). */
export function createDebugHandler(lsp: JitaiLanguageClient, runner: RunCommands): { debugger: HandlerDebugger; api: DebugApi } {
  const d = new HandlerDebugger(lsp, runner);
  return { debugger: d, api: { debugForApi: (target, payload, opts) => d.debugForApi(target, payload, opts) } };
}
