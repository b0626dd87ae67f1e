/**
 * Wire types of "New Event Subscriber…": the choices the client shows (declared events, service
 * functions, names taken), the request computing the new element's files as one WorkspaceEdit, and
 * the command (with its argument) the server's "＋ Add subscriber" lens and the events tree run.
 */
import type { WorkspaceEdit } from 'vscode-languageserver-protocol';
import type { DocumentUri, Location } from './types';

/** The command the client registers; the server offers its lens only to clients that list it in initializationOptions.commands. */
export const NEW_SUBSCRIBER_COMMAND = 'jitaiEvents.newSubscriber';
/** The command's optional argument: the event to subscribe to (else the client asks). */
export interface NewSubscriberArgs { appRootUri: DocumentUri; sender: string }
export interface NewSubscriberCommand { command: typeof NEW_SUBSCRIBER_COMMAND; arguments: [NewSubscriberArgs] }

export interface SubscriberChoicesParams { appRootUri?: DocumentUri }
export interface SubscriberEventChoice {
  appRootUri: DocumentUri;
  sender: string;
  service: string;
  event: string;
  title?: string;
  /** How many elements subscribe to it now. */
  subscribers: number;
  /** The suggested element name (OnOrderPaid), not taken yet. */
  defaultName: string;
}
export interface SubscriberChoicesResult {
  events: SubscriberEventChoice[];
  functions: { appRootUri: DocumentUri; service: string; name: string }[];
  taken: { appRootUri: DocumentUri; names: string[] }[];
}

export interface NewSubscriberEditParams {
  appRootUri: DocumentUri;
  sender: string;
  /** Folder name under events/. */
  name: string;
  funcType: 'Inner' | 'Global';
  /** Global: `<service fullName>.<function>`; a function the service lacks is added to it. */
  func?: string;
  title?: string;
}
/** The edit creating the element (apply it as one undo step) and where its handler is; or why not. */
export type NewSubscriberEditResult = { edit: WorkspaceEdit; open: Location } | { error: string };
