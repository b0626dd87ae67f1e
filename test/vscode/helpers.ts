// Shared helpers of the extension-host suite: the extension's API, the workspace (a temp copy of
// examples/crm-demo), and waits on VS Code events (never fixed sleeps).
import fs from 'node:fs';
import path from 'node:path';
import * as vscode from 'vscode';
import type { JitaiEventsApi } from '../../client/src/extension';
import type { NodeOutline } from '../../client/src/tree/treeModel';

export type { JitaiEventsApi, NodeOutline };
export const EXTENSION_ID = 'jitai-tools.jitai-events';

/** A tree node's kind: the first word of its contextValue (`jitai.service`, `jitai.event runnable`…). */
export const nodeKind = (n: NodeOutline): string => n.contextValue.split(' ')[0].replace(/^jitai\./, '');

/** Activates the extension and waits for its first index. */
export async function activateExtension(): Promise<JitaiEventsApi> {
  const ext = vscode.extensions.getExtension<JitaiEventsApi>(EXTENSION_ID);
  if (!ext) throw new Error(`extension ${EXTENSION_ID} is not loaded (extensionDevelopmentPath / vsix?)`);
  const api = await ext.activate();
  if (!api) throw new Error(`${EXTENSION_ID} activate() returned no API`);
  await withTimeout(Promise.resolve(api.ready), 60_000, 'the extension API `ready` promise (first index)');
  return api;
}

export function appRoot(): string {
  const folder = vscode.workspace.workspaceFolders?.[0];
  if (!folder) throw new Error('no workspace folder is open (the runner opens a copy of examples/crm-demo)');
  return folder.uri.fsPath;
}
export const appFile = (rel: string): string => path.join(appRoot(), ...rel.split('/'));
export const appUri = (rel: string): vscode.Uri => vscode.Uri.file(appFile(rel));

export function withTimeout<T>(p: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`timed out after ${ms / 1000} s waiting for ${what}`)), ms);
  });
  return Promise.race([p, timeout]).finally(() => clearTimeout(timer));
}

/**
 * Resolves with check()'s first truthy value, re-checking each time `event` fires. Rejects after
 * `ms` with `describe()` (the state seen last) in the message.
 */
export function waitUntil<T>(check: () => T | undefined | null | false, event: vscode.Event<unknown>, ms: number,
  describe: () => string): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const first = check();
    if (first) { resolve(first); return; }
    const sub = event(() => {
      const v = check();
      if (v) { clearTimeout(timer); sub.dispose(); resolve(v); }
    });
    const timer = setTimeout(() => { sub.dispose(); reject(new Error(`timed out after ${ms / 1000} s: ${describe()}`)); }, ms);
  });
}

export const codeOf = (d: vscode.Diagnostic): string =>
  String(typeof d.code === 'object' && d.code !== null ? d.code.value : d.code ?? '');

export const severityName = (s: vscode.DiagnosticSeverity): string =>
  ['error', 'warning', 'info', 'hint'][s] ?? String(s);

export function describeDiagnostics(uri: vscode.Uri): string {
  const ds = vscode.languages.getDiagnostics(uri);
  return `${path.relative(appRoot(), uri.fsPath)} has [${ds.map((d) => `${codeOf(d)}@${d.range.start.line + 1}`).join(', ')}]`;
}

/** Waits until `uri`'s diagnostics satisfy `predicate` (re-checked on every onDidChangeDiagnostics). */
export function waitForDiagnostics(uri: vscode.Uri, predicate: (ds: readonly vscode.Diagnostic[]) => boolean, what: string,
  ms = 45_000): Promise<readonly vscode.Diagnostic[]> {
  return waitUntil(() => {
    const ds = vscode.languages.getDiagnostics(uri);
    return predicate(ds) ? ds : undefined;
  }, vscode.languages.onDidChangeDiagnostics, ms, () => `${what}; ${describeDiagnostics(uri)}`);
}

/** The text of a range read from disk (does not open a document). */
export function textAt(file: string, range: vscode.Range): string {
  const lines = fs.readFileSync(file, 'utf8').split(/\r?\n/);
  if (range.start.line === range.end.line) return lines[range.start.line]?.slice(range.start.character, range.end.character) ?? '';
  const parts = [lines[range.start.line]?.slice(range.start.character) ?? ''];
  for (let l = range.start.line + 1; l < range.end.line; l++) parts.push(lines[l] ?? '');
  parts.push(lines[range.end.line]?.slice(0, range.end.character) ?? '');
  return parts.join('\n');
}

/** Position inside the first string value after `lineMarker` on the first line that contains it. */
export function positionInString(file: string, lineMarker: string, offsetInValue = 3): { position: vscode.Position; valueStart: number; valueEnd: number; value: string } {
  const lines = fs.readFileSync(file, 'utf8').split(/\r?\n/);
  const line = lines.findIndex((l) => l.includes(lineMarker));
  if (line < 0) throw new Error(`${file} has no line containing ${lineMarker}`);
  const text = lines[line];
  const markerEnd = text.indexOf(lineMarker) + lineMarker.length;
  const open = text.indexOf('"', markerEnd);
  const close = text.indexOf('"', open + 1);
  if (open < 0 || close < 0) throw new Error(`no string value after ${lineMarker} on ${file}:${line + 1}`);
  return { position: new vscode.Position(line, open + 1 + offsetInValue), valueStart: open + 1, valueEnd: close, value: text.slice(open + 1, close) };
}

/** Target uri and range of a definition result (Location or LocationLink). */
export function definitionTarget(d: vscode.Location | vscode.LocationLink): { uri: vscode.Uri; range: vscode.Range } {
  if ('targetUri' in d) return { uri: d.targetUri, range: d.targetSelectionRange ?? d.targetRange };
  return { uri: d.uri, range: d.range };
}

export const labelOf = (item: vscode.CompletionItem): string => (typeof item.label === 'string' ? item.label : item.label.label);

export function replaceRangeOf(item: vscode.CompletionItem): vscode.Range | undefined {
  const r = item.range ?? (item.textEdit as vscode.TextEdit | undefined)?.range;
  if (!r) return undefined;
  return r instanceof vscode.Range ? r : (r as { replacing: vscode.Range }).replacing;
}
