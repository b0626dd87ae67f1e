/**
 * The server's textDocument/publishDiagnostics, applied in batches. vscode-languageclient converts
 * and sets one file per turn of the event loop (its diagnostic queue), each set a message to the
 * workbench: the first index of a 10k-element app publishes ~1,150 files, which took the extension
 * host and the workbench ~0.5 s after the server had sent them. Here every notification that
 * arrived by the next turn is converted and set with one DiagnosticCollection.set call; batches are
 * applied in order, so a newer list for a file is never overwritten by an older one.
 */
import type * as vscode from 'vscode';
import { PublishDiagnosticsNotification, type BaseLanguageClient, type Diagnostic } from 'vscode-languageclient/node';

export function batchDiagnostics(client: BaseLanguageClient, onError: (err: unknown) => void): vscode.Disposable {
  const pending = new Map<string, Diagnostic[]>();
  let scheduled = false;
  let applied: Promise<void> = Promise.resolve();
  const apply = async (): Promise<void> => {
    const batch = [...pending];
    pending.clear();
    const c = client.protocol2CodeConverter;
    const entries = await Promise.all(batch.map(async ([uri, list]): Promise<[vscode.Uri, vscode.Diagnostic[]]> => [c.asUri(uri), await c.asDiagnostics(list)]));
    // Undefined once the client stopped (its collection is cleared and disposed then).
    client.diagnostics?.set(entries);
  };
  // Registered before start, this replaces the client's own handler once the connection exists.
  return client.onNotification(PublishDiagnosticsNotification.type, (params) => {
    pending.set(params.uri, params.diagnostics);
    if (scheduled) return;
    scheduled = true;
    setImmediate(() => {
      scheduled = false;
      applied = applied.then(apply).catch(onError);
    });
  });
}
