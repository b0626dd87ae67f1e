/**
 * Open documents: their unsaved text reaches the engine as an overlay after a debounce (closing
 * drops it), and `docAt` gives a request the path, text and position mapping of a document.
 * A document opened with the text its file has on disk changes nothing: it gets no overlay until it
 * is edited, or until its file changes on disk (then the editor's text wins, as for any open document).
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
  /** Open documents whose text is still their file's on disk (uri -> path): no overlay was applied. */
  private readonly asOnDisk = new Map<string, string>();

  constructor(private readonly engine: Engine, private readonly indexing: Indexing, private readonly debounceMs: () => number) {
    let opening: string | undefined;
    this.documents.onDidOpen((e) => { opening = e.document.uri; this.opened(e.document.uri, e.document.getText()); });
    // An open fires onDidChangeContent right after onDidOpen: that one is skipped when the text is the disk's.
    this.documents.onDidChangeContent((e) => {
      const uri = e.document.uri;
      const open = opening === uri;
      opening = undefined;
      if (open && this.asOnDisk.has(uri)) return;
      this.asOnDisk.delete(uri);
      this.schedule(uri);
    });
    this.documents.onDidClose((e) => this.close(e.document.uri));
  }

  /**
   * Opening a file as it is on disk re-reads nothing: the index already holds that text (an overlay
   * would re-check the file, bump the index version and refresh the events tree while the user starts
   * typing). Runs before onDidChangeContent for the same open.
   */
  private opened(uri: string, text: string): void {
    const path = uriToPath(uri);
    if (!path) return;
    const p = normalizePath(path);
    const read = this.engine.read(p);
    if ('text' in read && read.text === text) this.asOnDisk.set(uri, p);
  }

  /** Files changed on disk: open documents without an overlay get one now (the editor's text wins over the disk). */
  diskChanged(paths: readonly string[]): void {
    if (!this.asOnDisk.size) return;
    const changed = paths.map(normalizePath);
    for (const [uri, p] of [...this.asOnDisk]) {
      if (!changed.some((c) => p === c || p.startsWith(c + '/'))) continue;
      this.asOnDisk.delete(uri);
      const doc = this.documents.get(uri);
      if (doc) void this.indexing.documentChanged(p, doc.getText());
    }
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
    // A document that never got an overlay has none to drop.
    if (this.asOnDisk.delete(uri)) return;
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
