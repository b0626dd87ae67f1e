/**
 * "Run chain" in the editor: runs the handler (or starts from a run that already happened), then
 * dispatches what it published to the local subscribers level by level (run/chainRunner.ts), with a
 * cancellable progress notification, the chain outline in the output and a summary notification.
 */
import * as vscode from 'vscode';
import { plural } from '../../../shared/src/l10n';
import type { HandlerInfo, HandlerTarget } from '../../../shared/src/protocol/types';
import type { RunResult } from '../../../shared/src/runner';
import { settingsFor } from '../config';
import type { JitaiLanguageClient } from '../lsp/languageClient';
import { chainSteps, formatChain, runChain } from './chainRunner';
import { appRootOf, targetOf } from './handlerArgs';
import type { Payload } from './payload';
import type { RunSession } from './session';

export async function runChainWithUi(
  session: RunSession, lsp: JitaiLanguageClient, info: HandlerInfo, payload: Payload, first?: RunResult,
): Promise<void> {
  const interpreter = await session.prepare(info);
  if (!interpreter) return;
  const maxDepth = settingsFor(appRootOf(info)).chainDepth;
  session.output.show(true);
  session.write([vscode.l10n.t('Run chain from {0}', info.fullName)]);
  const root = await session.withProgress(vscode.l10n.t('Running the chain from {0}…', info.fullName), (signal, progress) =>
    runChain(targetOf(info), payload, {
      maxDepth,
      isCancelled: () => signal.aborted,
      onStep: (step) => progress.report({ message: step.target.fullName }),
      subscribersOf: (appRootUri, sender) => lsp.subscribersOf({ appRootUri, sender }),
      run: async (target: HandlerTarget, p: Payload) => {
        const stepInfo = target.fullName === info.fullName ? info : await lsp.handlerInfo(target);
        if (!stepInfo) throw new Error(vscode.l10n.t('{0} no longer exists.', target.fullName));
        if (stepInfo.problem) throw new Error(stepInfo.problem);
        return session.execute(stepInfo, p, interpreter, signal);
      },
    }, first));
  session.write(formatChain(root, maxDepth, vscode.l10n.t));
  const steps = chainSteps(root);
  const failed = steps.filter((s) => s.error || (s.result && s.result.status !== 'ok')).length;
  const ran = plural(steps.filter((s) => s.result).length, '{0} handler ran', '{0} handlers ran', vscode.l10n.t);
  const message = vscode.l10n.t('Chain from {0}: {1}, {2} failed.', info.fullName, ran, failed);
  const showOutput = vscode.l10n.t('Show Output');
  const choice = await (failed ? vscode.window.showWarningMessage(message, showOutput) : vscode.window.showInformationMessage(message, showOutput));
  if (choice === showOutput) session.output.show();
}
