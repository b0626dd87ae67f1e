/**
 * What a quick fix or "New Event Subscriber…" changes on disk, in engine terms (paths, line/character
 * ranges): files to create with their text, and text edits of existing files. The LSP layer turns
 * one list into one WorkspaceEdit (CreateFile + TextDocumentEdit, or plain changes).
 */
import type { Range } from '../../../../../shared/src/protocol/types';
import { LineIndex } from '../../text/lineIndex';

export interface TextEditAt { range: Range; newText: string }

export type FileChange =
  | { kind: 'create'; path: string; text: string }
  | { kind: 'edit'; path: string; edits: TextEditAt[] };

/** Offset-based edits of `text` as line/character edits. */
export function editOf(path: string, text: string, edits: { offset: number; length: number; content: string }[]): FileChange {
  const lines = new LineIndex(text);
  return { kind: 'edit', path, edits: edits.map((e) => ({ range: lines.range(e.offset, e.offset + e.length), newText: e.content })) };
}

/** Applies changes to texts held in a map (tests and previews); created files get their text. */
export function applyChanges(files: Map<string, string>, changes: readonly FileChange[]): void {
  for (const c of changes) {
    if (c.kind === 'create') { files.set(c.path, c.text); continue; }
    const text = files.get(c.path) ?? '';
    const lines = new LineIndex(text);
    const sorted = c.edits.map((e) => ({ s: lines.offsetAt(e.range.start), e: lines.offsetAt(e.range.end), t: e.newText })).sort((a, b) => b.s - a.s);
    let out = text;
    for (const e of sorted) out = out.slice(0, e.s) + e.t + out.slice(e.e);
    files.set(c.path, out);
  }
}
