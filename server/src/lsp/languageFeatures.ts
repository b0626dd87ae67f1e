/**
 * The standard LSP requests. Each reads the same way: runSafe -> resolve the document (./documents)
 * -> one engine call with path, text and offset -> convert the answer (./convert).
 */
import {
  CodeActionKind, ErrorCodes, ResponseError,
  type CodeAction, type Connection, type Position, type Range,
} from 'vscode-languageserver/node';
import type { Engine } from '../engine';
import { uriToPath } from '../../../shared/src/protocol/uris';
import { RUN_HANDLER_COMMAND } from '../../../shared/src/protocol/messages';
import { toCompletionList } from './completionList';
import { toLspCodeLens, toWorkspaceEdit } from './convert';
import type { DocAt, OpenDocuments } from './documents';
import type { Indexing } from './indexing';
import { runSafe } from './runSafe';
import { REFERENCES_LIMIT } from './responseLimits';
import { toLspEdit, type EditCapabilities } from './workspaceEdits';
import { NEW_SUBSCRIBER_COMMAND } from '../../../shared/src/protocol/subscriber';

/** What the client told us at initialize that changes the shape of answers. */
export interface ClientFlags {
  /** The client completes enum values itself (VS Code, from schemas/e.schema.json). */
  schemaEnums: boolean;
  /** The client accepts CompletionList.itemDefaults.editRange. */
  completionItemDefaults: boolean;
  /** How the client applies workspace edits (files created by quick fixes need resource operations). */
  edits: EditCapabilities;
  /** Commands the client runs itself (initializationOptions.commands): lenses naming others are not offered. */
  commands: ReadonlySet<string>;
  /** The client shows a lens without a command as plain text (initializationOptions.titleOnlyLenses). */
  titleOnlyLenses: boolean;
}

const offsetOf = (d: DocAt, pos: Position) => d.doc.offsetAt(pos);
const rangeOf = (d: DocAt, r: { start: number; end: number }): Range => ({ start: d.doc.positionAt(r.start), end: d.doc.positionAt(r.end) });

export function registerLanguageFeatures(c: Connection, engine: Engine, docs: OpenDocuments, indexing: Indexing, flags: ClientFlags): void {
  c.onCompletion((p, token) => runSafe(c, 'completion', null, token, () => {
    const d = docs.docAt(p.textDocument.uri);
    if (!d) return null;
    const offset = offsetOf(d, p.position);
    const items = engine.complete(d.path, d.text, offset, { schemaEnums: flags.schemaEnums });
    if (!items) return null;
    if (!items.length) return { isIncomplete: false, items: [] };
    // Every item of one request replaces the same range (the string content or the insertion point).
    const r = items[0].replace;
    const typed = d.text.slice(r.start, Math.max(r.start, offset)).replace(/^"/, '');
    return toCompletionList(items, typed, rangeOf(d, r), flags.completionItemDefaults);
  }));
  c.onDefinition((p, token) => runSafe(c, 'definition', [], token, async () => {
    await indexing.firstIndex;
    const d = docs.docAt(p.textDocument.uri);
    return d ? engine.definition(d.path, d.text, offsetOf(d, p.position)) : [];
  }));
  c.onReferences((p, token) => runSafe(c, 'references', [], token, async () => {
    await indexing.firstIndex;
    const d = docs.docAt(p.textDocument.uri);
    return d ? engine.references(d.path, d.text, offsetOf(d, p.position), p.context.includeDeclaration).slice(0, REFERENCES_LIMIT) : [];
  }));
  c.onPrepareRename((p, token) => runSafe(c, 'prepareRename', null, token, () => {
    const d = docs.docAt(p.textDocument.uri);
    const r = d && engine.prepareRename(d.path, d.text, offsetOf(d, p.position));
    if (r && 'error' in r) throw new ResponseError(ErrorCodes.InvalidRequest, r.error);
    return r && d ? { range: rangeOf(d, r.range), placeholder: r.placeholder } : null;
  }));
  c.onRenameRequest((p, token) => runSafe(c, 'rename', null, token, () => {
    const d = docs.docAt(p.textDocument.uri);
    if (!d) return null;
    const r = engine.rename(d.path, d.text, offsetOf(d, p.position), p.newName);
    if ('error' in r) throw new ResponseError(ErrorCodes.InvalidParams, r.error);
    return toWorkspaceEdit(r.edits);
  }));
  c.onHover((p, token) => runSafe(c, 'hover', null, token, () => {
    const d = docs.docAt(p.textDocument.uri);
    const h = d && engine.hover(d.path, d.text, offsetOf(d, p.position));
    return h && d ? { contents: { kind: 'markdown' as const, value: h.markdown }, range: rangeOf(d, h.range) } : null;
  }));
  c.onCodeLens((p, token) => runSafe(c, 'codeLens', [], token, async () => {
    await indexing.firstIndex;
    const path = uriToPath(p.textDocument.uri);
    if (!path) return [];
    // Only lenses the client can act on (see LensInitializationOptions).
    return engine.codeLenses(path, { addSubscriber: flags.commands.has(NEW_SUBSCRIBER_COMMAND) })
      .filter((l) => (l.run ? flags.commands.has(RUN_HANDLER_COMMAND) : l.addSubscriber ? true : flags.titleOnlyLenses)).map(toLspCodeLens);
  }));
  c.onCodeAction((p, token) => runSafe<CodeAction[]>(c, 'codeAction', [], token, () => {
    const d = docs.docAt(p.textDocument.uri);
    const ours = p.context.diagnostics.filter((x) => x.source === 'jitai');
    if (!d || !ours.length) return [];
    const sent = ours.map((x) => ({ code: x.code, range: x.range, fix: (x.data as { fix?: { range: Range; newText: string } } | undefined)?.fix }));
    const out: CodeAction[] = [];
    for (const a of engine.codeActions(d.path, d.text, p.range, sent)) {
      const edit = toLspEdit(a.changes, flags.edits);
      if (edit) out.push({ title: a.title, kind: CodeActionKind.QuickFix, diagnostics: [ours[a.diagnostic]], isPreferred: a.preferred, edit });
    }
    return out;
  }));
}
