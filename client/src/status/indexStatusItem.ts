/**
 * The language status item (shown for e.json, app.json and Python files) mirroring the server's
 * index status, and the context keys the views depend on (indexReady, hasApps). The detail line is
 * kept short so the popup shows the item's "Show log" link.
 */
import * as vscode from 'vscode';
import { plural, type Localize } from '../../../shared/src/l10n';
import type { IndexStatus } from '../../../shared/src/protocol/types';
import { Commands, ContextKeys, STATUS_ITEM_ID } from '../ids';

/** "JitAi: 1 app · 12 events" (one colon per language: the bundle gives Chinese its full-width one). */
export function statusText(status: IndexStatus, t: Localize): string {
  if (status.state === 'indexing') return t('JitAi: indexing…');
  if (status.state === 'error') return t('JitAi: index failed');
  return t('JitAi: {0}', `${plural(status.apps, '{0} app', '{0} apps', t)} · ${plural(status.events, '{0} event', '{0} events', t)}`);
}

export class IndexStatusItem implements vscode.Disposable {
  private readonly item: vscode.LanguageStatusItem;
  private last: IndexStatus | undefined;

  constructor() {
    this.item = vscode.languages.createLanguageStatusItem(STATUS_ITEM_ID, [
      { scheme: 'file', pattern: '**/e.json' },
      { scheme: 'file', pattern: '**/app.json' },
      { scheme: 'file', language: 'python' },
    ]);
    this.item.name = vscode.l10n.t('JitAi Events index');
    this.item.text = vscode.l10n.t('JitAi: starting…');
    this.item.busy = true;
    this.item.command = { command: Commands.showOutput, title: vscode.l10n.t('Show log') };
    void vscode.commands.executeCommand('setContext', ContextKeys.indexReady, false);
  }

  get status(): IndexStatus | undefined {
    return this.last;
  }

  /** What the item shows now (for tests). */
  get shown(): { text: string; detail?: string; command?: string } {
    return { text: this.item.text, detail: this.item.detail, command: this.item.command?.command };
  }

  update(status: IndexStatus): void {
    this.last = status;
    const t = vscode.l10n.t;
    this.item.busy = status.state === 'indexing';
    this.item.text = statusText(status, t);
    const time = status.updatedAt ? new Date(status.updatedAt).toLocaleTimeString(vscode.env.language) : '';
    this.item.detail = [
      plural(status.errors, '{0} error', '{0} errors', t),
      plural(status.warnings, '{0} warning', '{0} warnings', t),
      time,
    ].filter(Boolean).join(' · ');
    this.item.severity = status.state === 'error' ? vscode.LanguageStatusSeverity.Error
      : status.errors > 0 ? vscode.LanguageStatusSeverity.Warning : vscode.LanguageStatusSeverity.Information;
    if (status.state !== 'indexing') {
      void vscode.commands.executeCommand('setContext', ContextKeys.indexReady, true);
      void vscode.commands.executeCommand('setContext', ContextKeys.hasApps, status.apps > 0);
    }
  }

  /** The server stopped: say so instead of showing stale numbers. */
  serverStopped(): void {
    this.item.busy = false;
    this.item.text = vscode.l10n.t('JitAi: server stopped');
    this.item.severity = vscode.LanguageStatusSeverity.Error;
    this.item.command = { command: Commands.restartServer, title: vscode.l10n.t('Restart server') };
  }

  serverStarted(): void {
    this.item.command = { command: Commands.showOutput, title: vscode.l10n.t('Show log') };
  }

  dispose(): void {
    this.item.dispose();
  }
}
