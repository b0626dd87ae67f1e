/** A service function added where it is missing: its functionList entry in e.json and its method stub in service.py. */
import type { ElementRecord } from '../../model/records';
import type { WorkspaceIndex } from '../../workspace/workspaceIndex';
import type { Locale } from '../../i18n/messages';
import { implementationClass } from '../../domain/handlers';
import { editOf, type FileChange } from './fileChanges';
import { appendToTopLevelArray } from './jsonEdits';
import { appendToClass, methodIndentOf } from './pythonEdits';
import { functionEntry, methodSource, type HandlerFacts, type HandlerShape } from './handlerStubs';

/** A file's current text (the editor's when open), undefined when it cannot be read. */
export function textOf(index: WorkspaceIndex, path: string): string | undefined {
  const r = index.text(path);
  return 'text' in r ? r.text : undefined;
}

/**
 * A service function: its functionList entry (unless declared) and its method stub (unless defined),
 * for a handler when `facts` are given (its signature and docstring) or with `shape`.
 */
export function serviceFunctionChanges(index: WorkspaceIndex, L: Locale, service: ElementRecord, fn: string,
  facts: HandlerFacts | undefined, shape: HandlerShape, parts: { entry: boolean; method: boolean }): FileChange[] | undefined {
  const changes: FileChange[] = [];
  if (parts.entry) {
    const text = textOf(index, service.path);
    const edits = text === undefined ? undefined : appendToTopLevelArray(text, 'functionList', functionEntry(L, fn, shape));
    if (!edits || text === undefined) return undefined;
    changes.push(editOf(service.path, text, edits));
  }
  if (parts.method) {
    const impl = implementationClass(index, service);
    const text = impl && textOf(index, impl.file);
    if (!impl || text === undefined) return undefined;
    const block = methodSource(L, fn, facts, shape, methodIndentOf(text, impl.cls));
    changes.push(editOf(impl.file, text, [appendToClass(text, impl.cls, block)]));
  }
  return changes;
}

