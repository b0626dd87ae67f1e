/**
 * Every command the extension registers, in one table: id → factory taking the extension's context
 * (in the style of rust-analyzer's createCommands). Commands marked `needsServer` say so and offer a
 * restart while the language server is down instead of failing with a request error.
 */
import * as vscode from 'vscode';
import type { IndexStatus } from '../../shared/src/protocol/types';
import { Commands, Views, type CommandId } from './ids';
import type { CommandSpec, Ctx } from './ctx';
import { showEventReferences } from './lsp/middleware';
import { treeCommands } from './tree/treeCommands';
import { newSubscriber } from './subscriber/newSubscriber';

async function restartServer(ctx: Ctx): Promise<void> {
  try {
    await ctx.lsp.restart();
  } catch (err) {
    ctx.status.serverStopped();
    void vscode.window.showErrorMessage(vscode.l10n.t('The JitAi Events language server did not start: {0}', err instanceof Error ? err.message : String(err)));
  }
}

async function reindex(ctx: Ctx): Promise<void> {
  await vscode.window.withProgress(
    { location: { viewId: Views.events }, title: vscode.l10n.t('Re-indexing JitAi apps…') },
    async () => {
      const result: IndexStatus = await ctx.lsp.reindex();
      ctx.status.update(result);
      await ctx.tree.refresh(true);
    },
  );
}

/** The table. */
export const COMMANDS: Record<CommandId, CommandSpec> = {
  ...treeCommands,
  [Commands.reindex]: { needsServer: true, create: (ctx) => () => reindex(ctx) },
  [Commands.restartServer]: { create: (ctx) => () => restartServer(ctx) },
  [Commands.showOutput]: { create: (ctx) => () => ctx.log.show() },
  [Commands.runHandler]: { needsServer: true, create: (ctx) => (arg) => ctx.runs.runHandler(arg) },
  [Commands.runHandlerWithPayload]: { needsServer: true, create: (ctx) => (arg) => ctx.runs.runWithPayload(arg) },
  [Commands.runChain]: { needsServer: true, create: (ctx) => (arg) => ctx.runs.runChain(arg) },
  [Commands.showFlow]: { needsServer: true, create: (ctx) => (arg) => ctx.flow.show(arg) },
  [Commands.debugHandler]: { needsServer: true, create: (ctx) => (arg) => ctx.runs.guard(() => ctx.debug.interactive(arg)) },
  [Commands.newSubscriber]: { needsServer: true, create: (ctx) => (arg) => newSubscriber(ctx.lsp, arg) },
  [Commands.showEventReferences]: { needsServer: true, create: () => (uri, position) => showEventReferences(uri, position) },
};

/** Tells the user the server is down and offers a restart. */
async function serverDown(ctx: Ctx): Promise<void> {
  const restart = vscode.l10n.t('Restart Language Server');
  const choice = await vscode.window.showWarningMessage(vscode.l10n.t('The JitAi Events language server is not running.'), restart);
  if (choice === restart) await restartServer(ctx);
}

export function registerCommands(ctx: Ctx, table: Record<string, CommandSpec> = COMMANDS): vscode.Disposable[] {
  return Object.entries(table).map(([id, spec]) => {
    const handler = spec.create(ctx);
    return vscode.commands.registerCommand(id, (...args: unknown[]) => {
      if (spec.needsServer && !ctx.lsp.isRunning) return serverDown(ctx);
      return handler(...args);
    });
  });
}
