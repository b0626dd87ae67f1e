/** Wrappers every LSP handler runs in: errors logged and turned into a fallback answer, cancellation honoured. */
import { CancellationToken, LSPErrorCodes, ResponseError, type Connection } from 'vscode-languageserver/node';

/**
 * Wraps a request handler: a thrown error is logged and answered with `fallback` (never fatal),
 * except a thrown ResponseError, which is the intended answer;
 * a cancelled request is answered with the LSP "request cancelled" error.
 */
export function runSafe<T>(connection: Connection, name: string, fallback: T, token: CancellationToken | undefined, fn: () => T | Promise<T>): Promise<T | ResponseError<void>> {
  return new Promise((resolve) => {
    setImmediate(async () => {
      if (token?.isCancellationRequested) { resolve(new ResponseError(LSPErrorCodes.RequestCancelled, 'Request cancelled')); return; }
      try {
        const r = await fn();
        if (token?.isCancellationRequested) resolve(new ResponseError(LSPErrorCodes.RequestCancelled, 'Request cancelled'));
        else resolve(r);
      } catch (e) {
        // A deliberate protocol error (e.g. rename to an invalid name) is answered as that error.
        if (e instanceof ResponseError) { resolve(e as ResponseError<void>); return; }
        connection.console.error(`${name} failed: ${(e as Error)?.stack ?? e}`);
        resolve(fallback);
      }
    });
  });
}

/** The same for notifications: errors are logged, never thrown into the connection. */
export function runSafeNotification(connection: Connection, name: string, fn: () => void | Promise<void>): void {
  Promise.resolve().then(fn).catch((e) => connection.console.error(`${name} failed: ${(e as Error)?.stack ?? e}`));
}
