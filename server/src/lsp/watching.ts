/**
 * What changes on disk: the file watchers the server registers, the watched-file events it keeps
 * (created files only of the kinds the engine indexes, and folders), and workspace-folder changes.
 */
import * as fs from 'node:fs';
import {
  DidChangeWatchedFilesNotification, FileChangeType, WatchKind, type Connection, type DidChangeWatchedFilesParams,
  type WorkspaceFoldersChangeEvent,
} from 'vscode-languageserver/node';
import { fileKind, normalizePath, type Engine } from '../engine';
import { uriToPath } from '../../../shared/src/protocol/uris';

export function registerWatchers(connection: Connection): Promise<unknown> {
  return connection.client.register(DidChangeWatchedFilesNotification.type, {
    watchers: [
      { globPattern: '**/e.json' }, { globPattern: '**/*.py' }, { globPattern: '**/app.json' }, { globPattern: '**/config.json' },
      // Folder deletions, renames and moves (git checkout, rm -r, mv) arrive as one event for the folder.
      { globPattern: '**/*', kind: WatchKind.Create | WatchKind.Delete },
    ],
  });
}

/** The paths of a watched-files event the engine should look at. */
export function changedPaths(p: DidChangeWatchedFilesParams): string[] {
  const paths: string[] = [];
  for (const c of p.changes) {
    const path = uriToPath(c.uri);
    if (!path) continue;
    // `**/*` also reports every created file: keep the kinds we index, and folders (a moved-in folder is one event).
    if (c.type === FileChangeType.Created && !fileKind(path) && !isDirectory(path)) continue;
    paths.push(path);
  }
  return paths;
}

/** The workspace folders (normalised paths) after a change event. */
export function foldersAfter(engine: Engine, e: WorkspaceFoldersChangeEvent): string[] {
  const current = new Set(engine.workspaceFolders);
  for (const r of e.removed) current.delete(normalizePath(uriToPath(r.uri) ?? ''));
  for (const a of e.added) { const p = uriToPath(a.uri); if (p) current.add(normalizePath(p)); }
  return [...current];
}

function isDirectory(path: string): boolean {
  try { return fs.statSync(path).isDirectory(); } catch { return false; }
}
