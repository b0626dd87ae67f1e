import {
  CompletionItemKind, DiagnosticSeverity, DiagnosticTag, InsertTextFormat,
  type CompletionItem, type Diagnostic, type Range,
} from 'vscode-languageserver/node';
import type { EngineDiagnostic } from '../engine';
import type { EngineCompletion } from '../engine/features/completion';
import { pathToUri } from '../engine/features/locations';

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
