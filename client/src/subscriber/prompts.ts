/**
 * The questions "New Event Subscriber…" asks, as one interface: quick picks for the event, the
 * handler kind and the service function, an input box for the element name. The default answers
 * come from VS Code's UI; the extension-host tests pass their own (JitaiEventsApi.newSubscriber).
 */
import * as vscode from 'vscode';
import type { SubscriberChoicesResult, SubscriberEventChoice } from '../../../shared/src/protocol/subscriber';

export type FunctionChoice = SubscriberChoicesResult['functions'][number];
/** A Global handler: an existing service function, or a new name on the event's service. */
export type FunctionAnswer = { existing: FunctionChoice } | { newName: string };

export interface SubscriberPrompts {
  pickEvent(events: readonly SubscriberEventChoice[]): Promise<SubscriberEventChoice | undefined>;
  pickKind(event: SubscriberEventChoice): Promise<'Inner' | 'Global' | undefined>;
  pickFunction(event: SubscriberEventChoice, functions: readonly FunctionChoice[]): Promise<FunctionAnswer | undefined>;
  /** `validate` answers an error message, or undefined when the name is fine. */
  inputName(defaultName: string, validate: (name: string) => string | undefined): Promise<string | undefined>;
}

type Item<T> = vscode.QuickPickItem & { value: T };

async function pick<T>(items: Item<T>[], title: string, placeHolder: string): Promise<T | undefined> {
  return (await vscode.window.showQuickPick(items, { title, placeHolder, matchOnDescription: true, matchOnDetail: true }))?.value;
}

const NEW_FUNCTION = Symbol('new function');

export const vscodePrompts: SubscriberPrompts = {
  pickEvent: (events) => pick(events.map((e) => ({
    label: e.event, description: [e.title, e.service].filter(Boolean).join(' · '),
    detail: e.subscribers === 0 ? vscode.l10n.t('No subscribers yet') : vscode.l10n.t('{0} subscriber(s)', e.subscribers), value: e,
  })), vscode.l10n.t('New Event Subscriber'), vscode.l10n.t('Pick the declared event to subscribe to')),
  pickKind: () => pick<'Inner' | 'Global'>([
    { label: 'Inner', description: vscode.l10n.t('customFunc in the element\'s inner.py'), value: 'Inner' },
    { label: 'Global', description: vscode.l10n.t('a function of a service (func)'), value: 'Global' },
  ], vscode.l10n.t('New Event Subscriber'), vscode.l10n.t('Where does the handler live?')),
  pickFunction: async (event, functions) => {
    const chosen = await pick<FunctionChoice | typeof NEW_FUNCTION>([
      { label: `$(add) ${vscode.l10n.t('New function on {0}…', event.service)}`, value: NEW_FUNCTION },
      ...functions.map((f) => ({ label: f.name, description: f.service, value: f })),
    ], vscode.l10n.t('New Event Subscriber'), vscode.l10n.t('Pick the service function that handles the event'));
    if (chosen === undefined) return undefined;
    if (chosen !== NEW_FUNCTION) return { existing: chosen };
    const name = await vscode.window.showInputBox({
      title: vscode.l10n.t('New Event Subscriber'), prompt: vscode.l10n.t('Name of the new function on {0}', event.service),
      value: `on${event.event.charAt(0).toUpperCase()}${event.event.slice(1)}`,
      validateInput: (v) => (/^[A-Za-z_]\w*$/.test(v) ? undefined : vscode.l10n.t('Use letters, digits and _, not starting with a digit.')),
    });
    return name ? { newName: name } : undefined;
  },
  inputName: (defaultName, validate) => Promise.resolve(vscode.window.showInputBox({
    title: vscode.l10n.t('New Event Subscriber'), prompt: vscode.l10n.t('Name of the new event element (its folder under events/)'),
    value: defaultName, validateInput: validate,
  })),
};
