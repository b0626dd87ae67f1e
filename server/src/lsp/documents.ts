/**
 * Open documents: their unsaved text reaches the engine as an overlay after a debounce (closing
 * drops it), and `docAt` gives a request the path, text and position mapping of a document.
 */
import { TextDocuments } from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { normalizePath, type Engine } from '../engine';
import { uriToPath } from '../../../shared/src/protocol/uris';
import type { Indexing } from './indexing';

/** A document as a request sees it: the editor's unsaved text, else the file on disk. */
export interface DocAt { path: string; text: string; doc: TextDocument }

export class OpenDocuments {
  readonly documents = new TextDocuments(TextDocument);
  private readonly timers = new Map<string, NodeJS.Timeout>();

  constructor(private readonly engine: Engine, private readonly indexing: Indexing, private readonly debounceMs: () => number) {
    this.documents.onDidChangeContent((e) => this.schedule(e.document.uri));
    this.documents.onDidClose((e) => this.close(e.document.uri));
  }

  private schedule(uri: string): void {
    const path = uriToPath(uri);
    if (!path) return;
    clearTimeout(this.timers.get(uri));
    const apply = () => {
      this.timers.delete(uri);
      const doc = this.documents.get(uri);
      if (!doc) return;
      const text = doc.getText();
      void this.indexing.documentChanged(path, text);
    };
    const delay = this.debounceMs();
    if (delay <= 0) apply(); else this.timers.set(uri, setTimeout(apply, delay));
  }

  private close(uri: string): void {
    const path = uriToPath(uri);
    clearTimeout(this.timers.get(uri));
    this.timers.delete(uri);
    if (path) void this.indexing.documentChanged(path, undefined);
  }

  docAt(uri: string): DocAt | undefined {
    const path = uriToPath(uri);
    if (!path) return undefined;
    const p = normalizePath(path);
    let doc = this.documents.get(uri);
    if (!doc) {
      const read = this.engine.read(p);
      if (!('text' in read)) return undefined;
      doc = TextDocument.create(uri, '', 0, read.text);
    }
    return { path: p, text: doc.getText(), doc };
  }
}
