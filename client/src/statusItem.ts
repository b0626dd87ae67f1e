/**
 * The language status item (shown for e.json and Python files) mirroring the server's index
 * status, and the context keys the views depend on.
 */
import * as vscode from 'vscode';
import type { IndexStatus } from '../../shared/src/protocol/types';

export class IndexStatusItem implements vscode.Disposable {
  private readonly item: vscode.LanguageStatusItem;
  private last: IndexStatus | undefined;

  constructor() {
    this.item = vscode.languages.createLanguageStatusItem('jitaiEvents.indexStatus', [
      { scheme: 'file', pattern: '**/e.json' },
      { scheme: 'file', pattern: '**/app.json' },
      { scheme: 'file', language: 'python' },
    ]);
    this.item.name = vscode.l10n.t('JitAi Events index');
    this.item.text = vscode.l10n.t('JitAi: starting…');
    this.item.busy = true;
    this.item.command = { command: 'jitaiEvents.showOutput', title: vscode.l10n.t('Show log') };
    void vscode.commands.executeCommand('setContext', 'jitaiEvents.indexReady', false);
  }

  get status(): IndexStatus | undefined {
    return this.last;
  }

  update(status: IndexStatus): void {
    this.last = status;
    const problems = status.errors + status.warnings;
    this.item.busy = status.state === 'indexing';
    if (status.state === 'indexing') {
      this.item.text = vscode.l10n.t('JitAi: indexing…');
    } else if (status.state === 'error') {
      this.item.text = vscode.l10n.t('JitAi: index failed');
    } else {
      this.item.text = vscode.l10n.t('JitAi: {0} apps · {1} events', status.apps, status.events);
    }
    const time = status.updatedAt ? new Date(status.updatedAt).toLocaleTimeString() : '';
    this.item.detail = [
      vscode.l10n.t('{0} elements', status.elements),
      vscode.l10n.t('{0} listeners', status.subscribers),
      vscode.l10n.t('{0} errors, {1} warnings', status.errors, status.warnings),
      time ? vscode.l10n.t('indexed at {0} in {1} ms', time, status.indexMs) : '',
      status.message ?? '',
    ].filter(Boolean).join(' · ');
    this.item.severity = status.state === 'error'
      ? vscode.LanguageStatusSeverity.Error
      : problems > 0 && status.errors > 0 ? vscode.LanguageStatusSeverity.Warning : vscode.LanguageStatusSeverity.Information;
    if (status.state !== 'indexing') {
      void vscode.commands.executeCommand('setContext', 'jitaiEvents.indexReady', true);
      void vscode.commands.executeCommand('setContext', 'jitaiEvents.hasApps', status.apps > 0);
    }
  }

  /** The server stopped: say so instead of showing stale numbers. */
  serverStopped(): void {
    this.item.busy = false;
    this.item.text = vscode.l10n.t('JitAi: server stopped');
    this.item.severity = vscode.LanguageStatusSeverity.Error;
    this.item.command = { command: 'jitaiEvents.restartServer', title: vscode.l10n.t('Restart server') };
  }

  serverStarted(): void {
    this.item.command = { command: 'jitaiEvents.showOutput', title: vscode.l10n.t('Show log') };
  }

  dispose(): void {
    this.item.dispose();
  }
}
