/**
 * One handler run and its report: finds the interpreter, writes the header, streams the handler's
 * output live into the "JitAi Events: Run" output channel, then the outcome; progress notifications
 * with Cancel bridge VS Code's cancellation to the runner's AbortSignal.
 */
import * as vscode from 'vscode';
import type { HandlerInfo } from '../../../shared/src/protocol/types';
import { runHandler, type RunResult } from '../../../shared/src/runner';
import { formatRunHeader, formatRunOutcome, runLabel } from '../../../shared/src/runReport';
import { settingsFor } from '../config';
import { appRootOf } from './handlerArgs';
import type { Payload } from './payload';
import { reportMissingInterpreter, resolveInterpreter, type Interpreter } from './pythonInterpreter';

export class RunSession implements vscode.Disposable {
  readonly output = vscode.window.createOutputChannel('JitAi Events: Run');

  /** Checks the handler can run and finds the interpreter; reports why not (or throws when `quiet`). */
  async prepare(info: HandlerInfo, quiet = false): Promise<Interpreter | undefined> {
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

  /** Starts looking for the interpreter while the user picks a payload (probing Python can take a second). */
  warmInterpreter(info: HandlerInfo): void {
    void resolveInterpreter(appRootOf(info)).catch(() => undefined);
  }

  /** Runs once (no UI besides the output channel): header, the handler's output live, then the outcome. */
  async execute(info: HandlerInfo, payload: Payload, interpreter: Interpreter, signal?: AbortSignal): Promise<RunResult> {
    const label = runLabel(info);
    this.write(formatRunHeader(label, payload, interpreter, vscode.l10n.t));
    let streamed = false;
    let endsWithNewline = true;
    const result = await runHandler({
      handler: info, args: payload.args, kwargs: payload.kwargs, pythonPath: interpreter.path,
      timeoutMs: settingsFor(appRootOf(info)).timeoutSeconds * 1000, signal, t: vscode.l10n.t,
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

  write(lines: string[]): void {
    this.output.appendLine('');
    for (const line of lines) this.output.appendLine(line);
  }

  /** A cancellable progress notification whose Cancel aborts the run. */
  withProgress<T>(title: string, task: (signal: AbortSignal, progress: vscode.Progress<{ message?: string }>) => Promise<T>): Thenable<T> {
    return vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title, cancellable: true }, (progress, token) => {
      const controller = new AbortController();
      token.onCancellationRequested(() => controller.abort());
      return task(controller.signal, progress);
    });
  }

  dispose(): void {
    this.output.dispose();
  }
}
