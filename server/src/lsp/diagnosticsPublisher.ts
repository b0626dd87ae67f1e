/** Pushes the engine's diagnostics to the client, only for files whose problems changed. */
import type { Connection } from 'vscode-languageserver/node';
import type { Engine } from '../engine';
import { pathToUri } from '../../../shared/src/protocol/uris';
import { toLspDiagnostic } from './convert';

/** Publishes diagnostics for exactly the files whose problems changed, and clears vanished ones. */
export class DiagnosticsPublisher {
  private readonly published = new Set<string>();
  constructor(private readonly connection: Connection, private readonly engine: Engine) {}

  publish(paths: Iterable<string>): void {
    for (const p of paths) {
      const list = this.engine.diagnosticsOf(p);
      if (!list.length && !this.published.has(p)) continue;
      if (list.length) this.published.add(p); else this.published.delete(p);
      void this.connection.sendDiagnostics({ uri: pathToUri(p), diagnostics: list.map(toLspDiagnostic) });
    }
  }

  /** After a full re-index: every file with problems now, plus every file that had some before. */
  publishAll(): void {
    this.publish(new Set([...this.published, ...this.engine.allDiagnostics().keys()]));
  }
}
