/**
 * The extension's context as command factories see it (commands.ts): the language client, the
 * events tree, the Run commands, the status item, the log, the event-flow view and the debugger.
 */
import type * as vscode from 'vscode';
import type { JitaiLanguageClient } from './lsp/languageClient';
import type { RunCommands } from './run/commands';
import type { IndexStatusItem } from './status/indexStatusItem';
import type { EventsTreeProvider } from './tree/eventsTree';
import type { FlowGraphView } from './graph/showFlowCommand';
import type { HandlerDebugger } from './debug/debugHandler';

/** What a command factory gets. */
export interface Ctx {
  readonly lsp: JitaiLanguageClient;
  readonly tree: EventsTreeProvider;
  readonly runs: RunCommands;
  readonly status: IndexStatusItem;
  readonly log: vscode.LogOutputChannel;
  readonly flow: FlowGraphView;
  readonly debug: HandlerDebugger;
}

export type CommandHandler = (...args: unknown[]) => unknown;
export interface CommandSpec {
  create(ctx: Ctx): CommandHandler;
  /** Sends requests to the language server: refused with a message while it is not running. */
  needsServer?: boolean;
}

