/**
 * "JitAi: New Event Subscriber…": asks which declared event, Inner or Global (and which function),
 * and the element name; the server computes the files (jitai/newSubscriberEdit); this applies them
 * as one WorkspaceEdit (one undo step), saves them as the JitAi IDE would, and opens the handler.
 */
import * as vscode from 'vscode';
import type { NewSubscriberArgs, SubscriberChoicesResult, SubscriberEventChoice } from '../../../shared/src/protocol/subscriber';
import type { JitaiLanguageClient } from '../lsp/languageClient';
import { vscodePrompts, type SubscriberPrompts } from './prompts';

/** What was created: the files and the handler opened. */
export interface NewSubscriberOutcome { files: string[]; opened: vscode.Location }

const NAME_RE = /^[A-Za-z_]\w*$/;

/** The event the command was started on: a lens argument `{ appRootUri, sender }` or an events-tree node `{ sender, location }`. */
function eventOfArg(choices: SubscriberChoicesResult, arg: unknown): SubscriberEventChoice | undefined {
  if (!arg || typeof arg !== 'object') return undefined;
  const a = arg as Partial<NewSubscriberArgs> & { location?: { uri?: string } };
  if (typeof a.sender !== 'string') return undefined;
  const within = a.appRootUri ?? a.location?.uri;
  const same = choices.events.filter((e) => e.sender === a.sender);
  return same.find((e) => within !== undefined && (within === e.appRootUri || within.startsWith(`${e.appRootUri}/`))) ?? same[0];
}

export function nameProblem(name: string, taken: readonly string[]): string | undefined {
  if (!NAME_RE.test(name)) return vscode.l10n.t('Use letters, digits and _, not starting with a digit.');
  if (taken.some((t) => t.toLowerCase() === name.toLowerCase())) return vscode.l10n.t('An event element named {0} already exists.', name);
  return undefined;
}

export async function newSubscriber(lsp: JitaiLanguageClient, arg: unknown, prompts: SubscriberPrompts = vscodePrompts): Promise<NewSubscriberOutcome | undefined> {
  const choices = await lsp.subscriberChoices({});
  if (!choices.events.length) {
    void vscode.window.showInformationMessage(vscode.l10n.t('No declared events yet: declare one in a service\'s eventDescs first.'));
    return undefined;
  }
  const event = eventOfArg(choices, arg) ?? await prompts.pickEvent(choices.events);
  if (!event) return undefined;
  const kind = await prompts.pickKind(event);
  if (!kind) return undefined;
  let func: string | undefined;
  if (kind === 'Global') {
    const answer = await prompts.pickFunction(event, choices.functions.filter((f) => f.appRootUri === event.appRootUri));
    if (!answer) return undefined;
    func = 'existing' in answer ? `${answer.existing.service}.${answer.existing.name}` : `${event.service}.${answer.newName}`;
  }
  const taken = choices.taken.find((t) => t.appRootUri === event.appRootUri)?.names ?? [];
  const name = await prompts.inputName(event.defaultName, (v) => nameProblem(v, taken));
  if (!name) return undefined;
  const r = await lsp.newSubscriberEdit({ appRootUri: event.appRootUri, sender: event.sender, name, funcType: kind, func });
  if ('error' in r) {
    void vscode.window.showErrorMessage(r.error);
    return undefined;
  }
  const edit = await lsp.asWorkspaceEdit(r.edit);
  if (!edit || !(await vscode.workspace.applyEdit(edit))) {
    void vscode.window.showErrorMessage(vscode.l10n.t('The new event subscriber could not be created.'));
    return undefined;
  }
  const files = edit.entries().map(([uri]) => uri);
  for (const uri of files) await vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString())?.save();
  const opened = new vscode.Location(vscode.Uri.parse(r.open.uri), new vscode.Range(r.open.range.start.line, r.open.range.start.character, r.open.range.end.line, r.open.range.end.character));
  await vscode.window.showTextDocument(opened.uri, { selection: opened.range });
  return { files: files.map((u) => u.fsPath), opened };
}
