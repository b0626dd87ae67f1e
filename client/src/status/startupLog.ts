/**
 * What the "JitAi Events" log says at start, at the default (info) level: the extension version and
 * workspace folders, then after the first index the apps and files found and the index time, then
 * which Python Run handler would use (or why there is none).
 */
import * as vscode from 'vscode';
import { formatMessage as t, plural } from '../../../shared/src/l10n';
import type { IndexStatus } from '../../../shared/src/protocol/types';
import { resolveInterpreter } from '../run/pythonInterpreter';

/** The start lines written so far (the extension API gives them to tests). */
export const startLines: string[] = [];

function info(log: vscode.LogOutputChannel, line: string, level: 'info' | 'warn' = 'info'): void {
  startLines.push(line);
  log[level](line);
}

export function logActivation(log: vscode.LogOutputChannel, version: string): void {
  info(log, `JitAi Events ${version} (VS Code ${vscode.version}, ${vscode.env.language})`);
  const folders = vscode.workspace.workspaceFolders ?? [];
  info(log, folders.length ? `Workspace folders: ${folders.map((f) => f.uri.fsPath).join(', ')}` : 'No workspace folder is open');
}

/** How long after the first index the interpreter lookup starts. */
const INTERPRETER_LOOKUP_DELAY_MS = 1500;

/** After the first index: apps, elements, files read, duration; then the interpreter lookup (a little later). */
export async function logFirstIndex(log: vscode.LogOutputChannel, status: IndexStatus, filesRead: number | undefined): Promise<void> {
  // The log is English (what a bug report quotes).
  const files = filesRead === undefined ? '' : `, ${plural(filesRead, '{0} file', '{0} files', t)} read`;
  info(log, `First index ${status.state === 'error' ? 'failed' : 'done'} in ${status.indexMs} ms: `
    + `${plural(status.apps, '{0} app', '{0} apps', t)}, ${plural(status.elements, '{0} element', '{0} elements', t)}${files}; `
    + `${plural(status.errors, '{0} error', '{0} errors', t)}, ${plural(status.warnings, '{0} warning', '{0} warnings', t)}`);
  if (status.apps === 0) info(log, 'No JitAi app found (a folder with a JitAi app.json or element e.json files)');
  // The lookup starts Python processes (through a pyenv shim: ~0.5 s): not while the extension host and the
  // workbench take in the first index's problems (10k elements: 1,155 files, ~2,000 problems).
  await new Promise((r) => setTimeout(r, INTERPRETER_LOOKUP_DELAY_MS));
  const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
  const lookup = await resolveInterpreter(folder).catch((err: unknown) => ({ ok: false as const, error: String(err), fix: '' }));
  if (lookup.ok) {
    const i = lookup.interpreter;
    info(log, `Python for Run handler: ${i.path}${i.version ? ` (${i.version})` : ''} from ${i.source}`);
  } else {
    info(log, `No Python for Run handler: ${lookup.error} ${lookup.fix}`.trim(), 'warn');
  }
}
