/**
 * The payload editor of "Edit as JSON…": an in-memory `jitai-payload:` document named after the
 * handler (`ArchiveStatistics.payload.json`), bound to the handler it runs through its URI. Every
 * edit is saved to memory at once, so closing the editor never asks to save.
 */
import * as vscode from 'vscode';
import type { HandlerTarget } from '../../../shared/src/protocol/types';
import { ContextKeys, PAYLOAD_SCHEME } from '../ids';
import { parsePayloadJson, payloadToJson, type Payload } from './payload';

/** `jitai-payload:/ArchiveStatistics.payload.json?<app root uri>#<fullName>`: the name shows in the tab. */
export function payloadUri(target: HandlerTarget): vscode.Uri {
  const short = target.fullName.slice(target.fullName.lastIndexOf('.') + 1) || target.fullName;
  return vscode.Uri.from({ scheme: PAYLOAD_SCHEME, path: `/${short}.payload.json`, query: target.appRootUri, fragment: target.fullName });
}

/** The handler a payload document runs, if the URI is a payload document's. */
export function payloadTarget(uri: vscode.Uri): HandlerTarget | undefined {
  if (uri.scheme !== PAYLOAD_SCHEME || !uri.query || !uri.fragment) return undefined;
  return { appRootUri: uri.query, fullName: uri.fragment };
}

/** A flat in-memory file system holding the payload documents' text. */
class PayloadFileSystem implements vscode.FileSystemProvider {
  private readonly files = new Map<string, { data: Uint8Array; mtime: number; ctime: number }>();
  private readonly emitter = new vscode.EventEmitter<vscode.FileChangeEvent[]>();
  readonly onDidChangeFile = this.emitter.event;

  watch(): vscode.Disposable { return new vscode.Disposable(() => undefined); }
  stat(uri: vscode.Uri): vscode.FileStat {
    const f = this.files.get(uri.toString());
    if (!f) throw vscode.FileSystemError.FileNotFound(uri);
    return { type: vscode.FileType.File, ctime: f.ctime, mtime: f.mtime, size: f.data.byteLength };
  }
  readDirectory(): [string, vscode.FileType][] { return []; }
  createDirectory(): void { /* flat: nothing to create */ }
  readFile(uri: vscode.Uri): Uint8Array {
    const f = this.files.get(uri.toString());
    if (!f) throw vscode.FileSystemError.FileNotFound(uri);
    return f.data;
  }
  writeFile(uri: vscode.Uri, content: Uint8Array): void {
    const now = Date.now();
    const old = this.files.get(uri.toString());
    this.files.set(uri.toString(), { data: content, mtime: Math.max(now, (old?.mtime ?? 0) + 1), ctime: old?.ctime ?? now });
    this.emitter.fire([{ type: old ? vscode.FileChangeType.Changed : vscode.FileChangeType.Created, uri }]);
  }
  delete(uri: vscode.Uri): void { this.files.delete(uri.toString()); }
  rename(): void { throw vscode.FileSystemError.NoPermissions(); }
}

export class PayloadEditors implements vscode.Disposable {
  private readonly fs = new PayloadFileSystem();
  private readonly disposables: vscode.Disposable[] = [];

  constructor() {
    this.disposables.push(
      vscode.workspace.registerFileSystemProvider(PAYLOAD_SCHEME, this.fs, { isCaseSensitive: true }),
      vscode.window.onDidChangeActiveTextEditor((e) => this.updateContext(e)),
      // Saved at every edit (to memory): a payload document is never dirty when it is closed.
      vscode.workspace.onDidChangeTextDocument((e) => {
        if (e.document.uri.scheme === PAYLOAD_SCHEME && e.document.isDirty) void e.document.save();
      }),
    );
    this.updateContext(vscode.window.activeTextEditor);
  }

  private updateContext(editor: vscode.TextEditor | undefined): void {
    const active = !!editor && !!payloadTarget(editor.document.uri);
    void vscode.commands.executeCommand('setContext', ContextKeys.payloadEditorActive, active);
  }

  /** Opens the handler's payload editor with `payload` as its text; resolves to the document. */
  async open(target: HandlerTarget, payload: Payload): Promise<vscode.TextDocument> {
    const uri = payloadUri(target);
    this.fs.writeFile(uri, new TextEncoder().encode(payloadToJson(payload)));
    let doc = await vscode.workspace.openTextDocument(uri);
    if (doc.getText() !== payloadToJson(payload)) {
      // Already open: replace its text (then saved by the change listener).
      const edit = new vscode.WorkspaceEdit();
      edit.replace(uri, new vscode.Range(0, 0, doc.lineCount, 0), payloadToJson(payload));
      await vscode.workspace.applyEdit(edit);
      doc = await vscode.workspace.openTextDocument(uri);
    }
    if (doc.languageId !== 'json') doc = await vscode.languages.setTextDocumentLanguage(doc, 'json');
    const editor = await vscode.window.showTextDocument(doc, { preview: false });
    this.updateContext(editor);
    return doc;
  }

  /** Validates a payload document's text; shows the error and returns undefined when invalid. */
  static read(doc: vscode.TextDocument): Payload | undefined {
    const parsed = parsePayloadJson(doc.getText(), vscode.l10n.t);
    if (!parsed.ok) {
      void vscode.window.showErrorMessage(parsed.error);
      return undefined;
    }
    return parsed.payload;
  }

  dispose(): void {
    for (const d of this.disposables) d.dispose();
  }
}
