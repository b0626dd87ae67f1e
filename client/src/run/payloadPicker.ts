/**
 * Choosing a handler's payload: a quick pick of publish-site literals, a skeleton from the payload
 * shape, payloads used before (remembered per workspace, newest first), the empty payload and
 * "Edit as JSON…" (which opens run/payloadEditors.ts).
 */
import * as vscode from 'vscode';
import type { HandlerInfo, HandlerTarget } from '../../../shared/src/protocol/types';
import {
  historyKey, payloadChoices, recentPayloads, rememberPayload,
  type Payload, type PayloadHistory,
} from './payload';

const HISTORY_STATE_KEY = 'jitaiEvents.payloadHistory';

/** Payloads used before, per handler, in workspaceState (keyed by the app folder's path, as they always were). */
export class PayloadHistoryStore {
  constructor(private readonly state: vscode.Memento) {}
  recent(target: HandlerTarget): Payload[] {
    return recentPayloads(this.state.get<PayloadHistory>(HISTORY_STATE_KEY), keyOf(target));
  }
  async remember(target: HandlerTarget, payload: Payload): Promise<void> {
    const history = this.state.get<PayloadHistory>(HISTORY_STATE_KEY) ?? {};
    await this.state.update(HISTORY_STATE_KEY, rememberPayload(history, keyOf(target), payload));
  }
}

function keyOf(t: HandlerTarget): string {
  return historyKey(vscode.Uri.parse(t.appRootUri).fsPath, t.fullName);
}

export type PayloadPick = { kind: 'run'; payload: Payload } | { kind: 'edit'; payload: Payload };

interface PayloadItem extends vscode.QuickPickItem { pick?: PayloadPick }

/** Asks which payload to run the handler with; undefined when the user dismissed the pick. */
export async function pickPayload(info: HandlerInfo, history: PayloadHistoryStore): Promise<PayloadPick | undefined> {
  const recent = history.recent(info);
  const choices = payloadChoices(info.payloads.map((p) => ({ label: p.label, args: p.args, kwargs: p.kwargs, source: p.source })), recent, vscode.l10n.t);
  // Publish calls that pass variables give payloads with nulls in their places: edit those first.
  const partial = new Set(info.payloads.filter((p) => p.partial).map((p) => JSON.stringify({ args: p.args, kwargs: p.kwargs })));
  const items: PayloadItem[] = [];
  const section = (label: string) => items.push({ label, kind: vscode.QuickPickItemKind.Separator });
  let lastSource = '';
  for (const c of choices) {
    if (c.source !== lastSource) {
      lastSource = c.source;
      if (c.source === 'publish') section(vscode.l10n.t('Published with'));
      else if (c.source === 'skeleton') section(vscode.l10n.t('From the payload shape'));
      else if (c.source === 'history') section(vscode.l10n.t('Used before'));
      else section(vscode.l10n.t('Other'));
    }
    const icon = c.source === 'publish' ? '$(broadcast)' : c.source === 'skeleton' ? '$(symbol-structure)' : c.source === 'history' ? '$(history)' : '$(circle-large-outline)';
    const needsEdit = c.source === 'skeleton' || (c.source === 'publish' && partial.has(JSON.stringify({ args: c.payload.args, kwargs: c.payload.kwargs })));
    const editHint = c.source === 'skeleton' ? vscode.l10n.t('Placeholders by type: edit, then run') : vscode.l10n.t('Variables are null here: edit, then run');
    items.push({
      label: `${icon} ${c.label}`,
      detail: needsEdit ? `${editHint} · ${c.detail ?? ''}` : c.detail,
      pick: { kind: needsEdit ? 'edit' : 'run', payload: c.payload },
    });
  }
  const first = choices[0]?.payload ?? { args: [], kwargs: {} };
  items.push({
    label: `$(json) ${vscode.l10n.t('Edit as JSON…')}`,
    detail: vscode.l10n.t('Open the payload in an editor, change it, then run it'),
    pick: { kind: 'edit', payload: first },
  });
  const picked = await vscode.window.showQuickPick(items, {
    title: vscode.l10n.t('Run {0}: choose a payload', info.title ? `${info.title} (${info.fullName})` : info.fullName),
    placeHolder: vscode.l10n.t('args and kwargs passed to the handler'),
    matchOnDetail: true,
  });
  return picked?.pick;
}
