/**
 * What the client changes in the server's answers before VS Code shows them: in Restricted Mode the
 * "Run handler" lenses are dropped (running executes workspace code); the count lens above an
 * eventDescs entry ("4 subscribers · 1 publish site"), which the server sends without a command,
 * opens the references peek of that event; the first index's work-done progress goes to
 * status/indexProgress.ts as well.
 */
import * as vscode from 'vscode';
import type { Middleware } from 'vscode-languageclient/node';
import { Commands } from '../ids';

/** Where the references of the event declared at `from` are asked: inside the value of its `"name"`. */
export function eventNamePosition(doc: vscode.TextDocument, from: vscode.Position): vscode.Position | undefined {
  const start = doc.offsetAt(from);
  const text = doc.getText().slice(start, start + 4000);
  const m = /"name"\s*:\s*"/.exec(text);
  return m ? doc.positionAt(start + m.index + m[0].length + 1) : undefined;
}

/** Lens rewriting shared by the middleware and tests: trust filter, count lens → references peek. */
export function adaptLenses(doc: vscode.TextDocument, lenses: vscode.CodeLens[], trusted: boolean): vscode.CodeLens[] {
  const out: vscode.CodeLens[] = [];
  for (const lens of lenses) {
    const command = lens.command;
    if (command?.command === Commands.runHandler && !trusted) continue;
    if (command && !command.command) {
      const at = eventNamePosition(doc, lens.range.start);
      if (!at) continue;
      lens.command = { title: command.title, command: Commands.showEventReferences, arguments: [doc.uri, at] };
    }
    out.push(lens);
  }
  return out;
}

export interface MiddlewareHooks {
  onWorkDoneProgress(params: { kind: string; title?: string; message?: string }): void;
}

export function createMiddleware(hooks: MiddlewareHooks): Middleware {
  return {
    provideCodeLenses: async (doc, token, next) => {
      const lenses = await next(doc, token);
      return lenses ? adaptLenses(doc, lenses, vscode.workspace.isTrusted) : lenses;
    },
    handleWorkDoneProgress: (progressToken, params, next) => {
      hooks.onWorkDoneProgress(params);
      next(progressToken, params);
    },
  };
}

/** `jitaiEvents.showEventReferences`: the references peek of the event whose name is at `position`. */
export async function showEventReferences(uri: unknown, position: unknown): Promise<void> {
  if (!(uri instanceof vscode.Uri) || !(position instanceof vscode.Position)) return;
  const locations = await vscode.commands.executeCommand<vscode.Location[]>('vscode.executeReferenceProvider', uri, position) ?? [];
  // The declaration itself is not one of the event's subscribers or publish sites.
  const others = locations.filter((l) => !(l.uri.toString() === uri.toString() && l.range.start.line === position.line));
  await vscode.commands.executeCommand('editor.action.showReferences', uri, position, others);
}
