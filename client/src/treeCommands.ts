/**
 * Commands on events-tree nodes and the view title: open, go to declaration, copy sender, reveal
 * in Explorer, filter / clear filter.
 */
import * as vscode from 'vscode';
import { openLocation, type EventsTreeProvider } from './eventsTree';
import type { TreeNode } from './treeModel';

function isNode(value: unknown): value is TreeNode {
  return !!value && typeof value === 'object' && typeof (value as TreeNode).id === 'string' && Array.isArray((value as TreeNode).children);
}

export function registerTreeCommands(tree: EventsTreeProvider): vscode.Disposable[] {
  const selected = (arg: unknown): TreeNode | undefined => (isNode(arg) ? arg : tree.view.selection[0]);
  return [
    vscode.commands.registerCommand('jitaiEvents.openNode', async (arg: unknown) => {
      const node = selected(arg);
      if (node?.location) await openLocation(node.location, true);
    }),
    vscode.commands.registerCommand('jitaiEvents.goToDeclaration', async (arg: unknown) => {
      const node = selected(arg);
      const target = node?.declaration ?? node?.location;
      if (!target) {
        void vscode.window.showInformationMessage(vscode.l10n.t('This item has no declaration to go to.'));
        return;
      }
      await openLocation(target);
    }),
    vscode.commands.registerCommand('jitaiEvents.copySender', async (arg: unknown) => {
      const node = selected(arg);
      if (!node?.sender) {
        void vscode.window.showInformationMessage(vscode.l10n.t('This item has no sender to copy.'));
        return;
      }
      await vscode.env.clipboard.writeText(node.sender);
      vscode.window.setStatusBarMessage(vscode.l10n.t('Copied {0}', node.sender), 3000);
    }),
    vscode.commands.registerCommand('jitaiEvents.revealInExplorer', async (arg: unknown) => {
      const node = selected(arg);
      const uri = node?.resourceUri ?? node?.location?.uri;
      if (!uri) return;
      await vscode.commands.executeCommand('revealInExplorer', vscode.Uri.parse(uri));
    }),
    vscode.commands.registerCommand('jitaiEvents.filterTree', async (text?: unknown) => {
      const value = typeof text === 'string' ? text : await vscode.window.showInputBox({
        title: vscode.l10n.t('Filter the JitAi events tree'),
        prompt: vscode.l10n.t('Text to match in event names, titles, senders and element names (empty clears the filter)'),
        value: tree.filter,
      });
      if (value === undefined) return;
      await tree.setFilter(value);
    }),
    vscode.commands.registerCommand('jitaiEvents.clearFilter', () => tree.setFilter('')),
  ];
}
