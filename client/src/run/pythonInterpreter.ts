/**
 * Which Python runs a handler: `jitaiEvents.pythonPath` if set, else the Python extension's
 * active interpreter when that extension is installed, else python3/python on PATH (the runner's
 * findPython does the probing). Shows a clear error with an "Open Settings" action when none works.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as vscode from 'vscode';
import { expandPythonPath, interpreterCandidates } from './pythonPathSetting';
import { findPython } from '../../../shared/src/runner';
import { settingsFor } from '../config';

export interface Interpreter { path: string; version?: string; source: string }

interface PythonExtensionApi {
  environments?: {
    getActiveEnvironmentPath?(resource?: vscode.Uri): { id: string; path: string } | undefined;
    resolveEnvironment?(env: { id: string; path: string } | string): Promise<{ executable?: { uri?: vscode.Uri } } | undefined>;
  };
}

/** The Python extension's active interpreter for a resource, if the extension is installed. */
export async function pythonExtensionInterpreter(resource?: vscode.Uri): Promise<string | undefined> {
  const ext = vscode.extensions.getExtension<PythonExtensionApi>('ms-python.python');
  if (!ext) return undefined;
  try {
    const api = ext.isActive ? ext.exports : await ext.activate();
    const envPath = api?.environments?.getActiveEnvironmentPath?.(resource);
    if (!envPath) return undefined;
    const resolved = await api.environments?.resolveEnvironment?.(envPath);
    return resolved?.executable?.uri?.fsPath ?? envPath.path;
  } catch {
    return undefined;
  }
}

/** `jitaiEvents.pythonPath` for a resource, with `${workspaceFolder}`, `${userHome}` and `~` expanded. */
export function configuredPythonPath(resource?: vscode.Uri): string | undefined {
  const raw = settingsFor(resource).pythonPath;
  const folder = (resource && vscode.workspace.getWorkspaceFolder(resource)) ?? vscode.workspace.workspaceFolders?.[0];
  return expandPythonPath(raw, { workspaceFolder: folder?.uri.fsPath, home: os.homedir() });
}

export type InterpreterLookup = { ok: true; interpreter: Interpreter } | { ok: false; error: string; fix: string };

/**
 * Found interpreters by candidate set. Probing an interpreter spawns it (over a second with pyenv
 * shims), so a working answer is reused while the setting and the Python extension's choice stay
 * the same and the file still exists (a lookup in progress is shared); failures are not kept.
 */
const found = new Map<string, Promise<InterpreterLookup>>();

export async function resolveInterpreter(resource?: vscode.Uri): Promise<InterpreterLookup> {
  const candidates = await interpreterCandidates(configuredPythonPath(resource), () => pythonExtensionInterpreter(resource));
  const key = JSON.stringify(candidates);
  const pending = found.get(key);
  if (pending) {
    const lookup = await pending;
    if (lookup.ok && fs.existsSync(lookup.interpreter.path)) return lookup;
  }
  const lookup = findPython({ ...candidates, t: vscode.l10n.t }).then((answer): InterpreterLookup => 'error' in answer
    ? { ok: false, error: answer.error, fix: answer.fix }
    : { ok: true, interpreter: { path: answer.path, version: answer.version, source: answer.source } });
  found.set(key, lookup);
  const result = await lookup;
  if (!result.ok) found.delete(key);
  return result;
}

/** Shows the interpreter error with a way to fix it. */
export async function reportMissingInterpreter(lookup: { error: string; fix: string }): Promise<void> {
  const openSettings = vscode.l10n.t('Open Settings');
  const choice = await vscode.window.showErrorMessage(
    vscode.l10n.t('No Python interpreter to run the handler: {0} {1}', lookup.error, lookup.fix),
    openSettings,
  );
  if (choice === openSettings) {
    await vscode.commands.executeCommand('workbench.action.openSettings', 'jitaiEvents.pythonPath');
  }
}
