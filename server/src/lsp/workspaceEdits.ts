/**
 * Engine file changes to one LSP WorkspaceEdit, shaped by what the client said it applies:
 * documentChanges with CreateFile + TextDocumentEdit when it supports resource operations "create",
 * else a plain `changes` map (undefined when the changes create files: that client cannot).
 */
import type { CreateFile, TextDocumentEdit, WorkspaceEdit } from 'vscode-languageserver/node';
import type { FileChange } from '../engine';
import { pathToUri } from '../../../shared/src/protocol/uris';

/** What the client applies (from its initialize capabilities). */
export interface EditCapabilities {
  /** workspace.workspaceEdit.documentChanges */
  documentChanges: boolean;
  /** workspace.workspaceEdit.resourceOperations includes "create" */
  createFiles: boolean;
}

const START = { line: 0, character: 0 };

export function toLspEdit(changes: readonly FileChange[], caps: EditCapabilities): WorkspaceEdit | undefined {
  const creates = changes.some((c) => c.kind === 'create');
  if (creates && !(caps.createFiles && caps.documentChanges)) return undefined;
  if (caps.documentChanges) {
    const documentChanges: (CreateFile | TextDocumentEdit)[] = [];
    for (const c of changes) {
      const uri = pathToUri(c.path);
      if (c.kind === 'create') {
        // No overwrite and no ignoreIfExists: a file that appeared meanwhile makes the whole edit fail instead of doubling its text.
        documentChanges.push({ kind: 'create', uri, options: { overwrite: false } });
        documentChanges.push({ textDocument: { uri, version: null }, edits: [{ range: { start: START, end: START }, newText: c.text }] });
      } else {
        documentChanges.push({ textDocument: { uri, version: null }, edits: c.edits });
      }
    }
    return { documentChanges };
  }
  const map: NonNullable<WorkspaceEdit['changes']> = {};
  for (const c of changes) if (c.kind === 'edit') (map[pathToUri(c.path)] ??= []).push(...c.edits);
  return { changes: map };
}

export function editCapabilities(caps: { workspace?: { workspaceEdit?: { documentChanges?: boolean; resourceOperations?: string[] } } }): EditCapabilities {
  const we = caps.workspace?.workspaceEdit;
  return { documentChanges: !!we?.documentChanges, createFiles: !!we?.resourceOperations?.includes('create') };
}
