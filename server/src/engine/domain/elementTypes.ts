/**
 * The official event and task Types and what follows from an element's Type: which kind of
 * subscriber it is, which key names what it listens to, and whether it subscribes to custom events.
 */
import type { SubscriberKind } from '../../../../shared/src/protocol/types';
import type { ElementRecord } from '../model/records';
import { stringProp, type StringValue } from '../elements/elementJson';

/** Official event Types (the `type` of an event element). */
export const EVENT_TYPES = {
  custom: 'events.NormalType',
  model: 'events.ModelType',
  workflow: 'events.WorkflowType',
  assistant: 'events.AIAssistantType',
  agent: 'events.AIAgentType',
} as const;

/** Official task Types. */
export const TASK_TYPES = {
  timer: 'tasks.NormalType',
  dateField: 'tasks.DateFieldType',
} as const;

const KIND_OF_TYPE = new Map<string, SubscriberKind>(
  (Object.entries(EVENT_TYPES) as [SubscriberKind, string][]).map(([kind, type]) => [type, kind]),
);

/** True for event and task elements: the ones that listen to something and run a handler. */
export function isListener(el: ElementRecord): boolean {
  return el.kind === 'event' || el.kind === 'task';
}

/** What kind of listener an event/task element is, from its Type. */
export function subscriberKind(el: ElementRecord): SubscriberKind {
  return KIND_OF_TYPE.get(el.type ?? '') ?? (el.kind === 'task' ? 'task' : 'other');
}

/**
 * True for an event element that subscribes to a custom event `<service>.<event>`: an
 * events.NormalType event, or an event of a Type that is not one of the official model / approval /
 * assistant / agent Types (custom event Types are custom-event subscribers too).
 */
export function isCustomSubscriber(el: ElementRecord): boolean {
  if (el.kind !== 'event') return false;
  const kind = subscriberKind(el);
  return kind === 'custom' || kind === 'other';
}

/** AI assistant events always call a service function, whatever funcType says. */
export function alwaysGlobal(el: ElementRecord): boolean {
  return el.type === EVENT_TYPES.assistant;
}

/** The e.json key naming what a listener of this Type refers to, and the kind of element it must be. */
export const REFERENCE_KEYS: Readonly<Record<string, { key: string; kind: 'model' | 'assistant' | 'agent' }>> = {
  [EVENT_TYPES.model]: { key: 'sender', kind: 'model' },
  [EVENT_TYPES.workflow]: { key: 'model', kind: 'model' },
  [EVENT_TYPES.assistant]: { key: 'sender', kind: 'assistant' },
  [EVENT_TYPES.agent]: { key: 'sender', kind: 'agent' },
  [TASK_TYPES.dateField]: { key: 'modelPath', kind: 'model' },
};

/** What an event or task element listens to: `sender`, else `model` (approval), else `modelPath` (date task). */
export function listenTarget(el: ElementRecord): StringValue | undefined {
  return stringProp(el.json, 'sender') ?? stringProp(el.json, 'model') ?? stringProp(el.json, 'modelPath');
}
