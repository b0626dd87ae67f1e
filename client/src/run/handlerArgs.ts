/**
 * What a Run command's argument names: a file (explorer, editor title, editor context menu), an
 * events-tree node (its `run`), or a HandlerTarget (the server's CodeLens, the extension API).
 * Undefined means "ask with a quick pick".
 */
import * as vscode from 'vscode';
import type { HandlerInfo, HandlerInfoParams, HandlerTarget } from '../../../shared/src/protocol/types';

function isHandlerTarget(x: unknown): x is HandlerTarget {
  const t = x as Partial<HandlerTarget> | null | undefined;
  return !!t && typeof t === 'object' && typeof t.appRootUri === 'string' && typeof t.fullName === 'string';
}

export function handlerParamsOf(arg: unknown): HandlerInfoParams | undefined {
  if (arg instanceof vscode.Uri) return { uri: arg.toString() };
  const run = (arg as { run?: unknown } | null | undefined)?.run;
  if (isHandlerTarget(run)) return { appRootUri: run.appRootUri, fullName: run.fullName };
  if (isHandlerTarget(arg)) return { appRootUri: arg.appRootUri, fullName: arg.fullName };
  return undefined;
}

export const targetOf = (info: HandlerInfo): HandlerTarget => ({ appRootUri: info.appRootUri, fullName: info.fullName });
export const appRootOf = (target: HandlerTarget): vscode.Uri => vscode.Uri.parse(target.appRootUri);
