/** Engine results (paths, offsets, engine records) to LSP and protocol values (URIs, positions). */
import {
  CompletionItemKind, DiagnosticSeverity, DiagnosticTag, InsertTextFormat,
  type CodeLens, type CompletionItem, type Diagnostic, type Range, type WorkspaceEdit,
} from 'vscode-languageserver/node';
import type { EngineCompletion, EngineDiagnostic, EngineLens, TextEditByFile } from '../engine';
import type { HandlerTarget, ListHandlersOnDisk, ListHandlersResult } from '../../../shared/src/protocol/types';
import { RUN_HANDLER_COMMAND, type RunHandlerCommand } from '../../../shared/src/protocol/messages';
import { pathToUri } from '../../../shared/src/protocol/uris';
import { NEW_SUBSCRIBER_COMMAND, type NewSubscriberCommand } from '../../../shared/src/protocol/subscriber';

export function toLspDiagnostic(d: EngineDiagnostic): Diagnostic {
  const out: Diagnostic = {
    range: d.range, severity: d.severity as DiagnosticSeverity, code: d.code, source: 'jitai', message: d.message,
  };
  if (d.related) out.relatedInformation = d.related.map((r) => ({ location: { uri: pathToUri(r.path), range: r.range }, message: r.message }));
  if (d.fix) out.data = { fix: d.fix };
  if (d.unnecessary) out.tags = [DiagnosticTag.Unnecessary];
  return out;
}

const KINDS: Record<EngineCompletion['kind'], CompletionItemKind> = {
  event: CompletionItemKind.Event,
  function: CompletionItemKind.Function,
  value: CompletionItemKind.EnumMember,
  element: CompletionItemKind.Module,
  field: CompletionItemKind.Field,
};

export function toLspCompletion(c: EngineCompletion, range: Range): CompletionItem {
  const item: CompletionItem = {
    label: c.label,
    kind: KINDS[c.kind],
    textEdit: { range, newText: c.insertText },
    insertTextFormat: InsertTextFormat.PlainText,
    // Filtering works on the text inside the quotes, so the typed prefix matches the label.
    filterText: c.insertText.startsWith('"') ? c.insertText : c.label,
  };
  if (c.detail) item.detail = c.detail;
  if (c.documentation) item.documentation = { kind: 'markdown', value: c.documentation };
  if (c.sortText) item.sortText = c.sortText;
  return item;
}

export function toHandlerTarget(appRoot: string, fullName: string): HandlerTarget {
  return { appRootUri: pathToUri(appRoot), fullName };
}

/** A lens with a Run target carries the client's Run-handler command; "＋ Add subscriber" New Event Subscriber; a count lens has no command id. */
export function toLspCodeLens(l: EngineLens): CodeLens {
  if (l.addSubscriber) {
    const add: NewSubscriberCommand = { command: NEW_SUBSCRIBER_COMMAND, arguments: [{ appRootUri: pathToUri(l.addSubscriber.appRoot), sender: l.addSubscriber.sender }] };
    return { range: l.range, command: { title: l.title, ...add } };
  }
  if (!l.run) return { range: l.range, command: { title: l.title, command: '' } };
  const run: RunHandlerCommand = { command: RUN_HANDLER_COMMAND, arguments: [toHandlerTarget(l.run.appRoot, l.run.fullName)] };
  return { range: l.range, command: { title: l.title, ...run } };
}

export function toListHandlersResult(r: ListHandlersOnDisk): ListHandlersResult {
  return { handlers: r.handlers.map(({ appRoot, ...entry }) => ({ ...entry, appRootUri: pathToUri(appRoot) })) };
}

export function toWorkspaceEdit(edits: TextEditByFile[]): WorkspaceEdit {
  const changes: WorkspaceEdit['changes'] = {};
  for (const f of edits) changes[pathToUri(f.path)] = f.edits;
  return { changes };
}
