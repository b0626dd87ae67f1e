/**
 * Reads the `jitaiEvents.*` settings for a resource (an app folder, a file): the one place the client
 * touches `workspace.getConfiguration`. Defaults and bounds are in configDefaults.ts.
 */
import * as vscode from 'vscode';
import { SECTION } from './ids';
import { clampSettings, SETTING_KEYS, type ClientSettings } from './configDefaults';

export function settingsFor(resource?: vscode.Uri): ClientSettings {
  const c = vscode.workspace.getConfiguration(SECTION, resource);
  return clampSettings({
    pythonPath: c.get(SETTING_KEYS.pythonPath),
    timeoutSeconds: c.get(SETTING_KEYS.timeoutSeconds),
    chainDepth: c.get(SETTING_KEYS.chainDepth),
  });
}

/** The whole `jitaiEvents` section as a plain object (what the server receives at initialize). */
export function settingsSnapshot(): unknown {
  return JSON.parse(JSON.stringify(vscode.workspace.getConfiguration(SECTION)));
}

