/**
 * Rows of the command table (commands.ts) for events-tree nodes and the view title: open, go to
 * declaration, copy sender, reveal in Explorer, filter / clear filter.
 */
import * as vscode from 'vscode';
import type { CommandSpec, Ctx } from '../ctx';
import { Commands } from '../ids';
import { openLocation } from './eventsTree';
import type { TreeNode } from './treeModel';

function isNode(value: unknown): value is TreeNode {
  return !!value && typeof value === 'object' && typeof (value as TreeNode).id === 'string' && Array.isArray((value as TreeNode).children);
}

const selected = (ctx: Ctx, arg: unknown): TreeNode | undefined => (isNode(arg) ? arg : ctx.tree.view.selection[0]);

export type TreeCommandId = typeof Commands.openNode | typeof Commands.goToDeclaration | typeof Commands.copySender
  | typeof Commands.revealInExplorer | typeof Commands.filterTree | typeof Commands.clearFilter;

export const treeCommands: Record<TreeCommandId, CommandSpec> = {
  [Commands.openNode]: {
    create: (ctx) => async (arg) => {
      const node = selected(ctx, arg);
      if (node?.location) await openLocation(node.location, true);
    },
  },
  [Commands.goToDeclaration]: {
    create: (ctx) => async (arg) => {
      const node = selected(ctx, arg);
      const target = node?.declaration ?? node?.location;
      if (!target) {
        void vscode.window.showInformationMessage(vscode.l10n.t('This item has no declaration to go to.'));
        return;
      }
      await openLocation(target);
    },
  },
  [Commands.copySender]: {
    create: (ctx) => async (arg) => {
      const node = selected(ctx, arg);
      if (!node?.sender) {
        void vscode.window.showInformationMessage(vscode.l10n.t('This item has no sender to copy.'));
        return;
      }
      await vscode.env.clipboard.writeText(node.sender);
      vscode.window.setStatusBarMessage(vscode.l10n.t('Copied {0}', node.sender), 3000);
    },
  },
  [Commands.revealInExplorer]: {
    create: (ctx) => async (arg) => {
      const node = selected(ctx, arg);
      const uri = node?.resourceUri ?? node?.location?.uri;
      if (uri) await vscode.commands.executeCommand('revealInExplorer', vscode.Uri.parse(uri));
    },
  },
  [Commands.filterTree]: {
    needsServer: true,
    create: (ctx) => async (text) => {
      const value = typeof text === 'string' ? text : await vscode.window.showInputBox({
        title: vscode.l10n.t('Filter the JitAi events tree'),
        prompt: vscode.l10n.t('Text to match in event names, titles, senders and element names (empty clears the filter)'),
        value: ctx.tree.filter,
      });
      if (value !== undefined) await ctx.tree.setFilter(value);
    },
  },
  [Commands.clearFilter]: { create: (ctx) => () => ctx.tree.setFilter('') },
};
