/**
 * The official Types an instance's `type` may name, per element family, and how an unknown
 * `type` is judged: a workspace Type element, a framework element, or a likely misspelling.
 */
import type { ElementRecord } from '../model/records';
import { closestName } from '../text/closestName';

/** Official Types per element family (the first segment of the Type's fullName). */
export const OFFICIAL_TYPES: Readonly<Record<string, readonly string[]>> = {
  events: ['events.NormalType', 'events.ModelType', 'events.WorkflowType', 'events.AIAssistantType', 'events.AIAgentType', 'events.UpdateProcessType'],
  services: ['services.NormalType'],
  models: ['models.NormalType', 'models.AggrType'],
  tasks: ['tasks.NormalType', 'tasks.DateFieldType'],
  workflows: ['workflows.NormalType'],
  aiagents: ['aiagents.ReActType'],
  aiassistants: ['aiassistants.NormalType'],
  interceptors: ['interceptors.Http'],
  apiAuths: ['apiAuths.NormalType'],
  auths: ['auths.loginTypes.PasswordType'],
};

const ALL_OFFICIAL = new Set(Object.values(OFFICIAL_TYPES).flat());

/** True for an official Type or a Meta element name (`<family>.Meta`). */
export function isOfficialType(type: string): boolean {
  return ALL_OFFICIAL.has(type) || /^[A-Za-z_]\w*\.Meta$/.test(type);
}

/** Families whose official Types are all known: an unknown Type there is worth a warning. */
export function isCheckedFamily(type: string): boolean {
  const family = type.slice(0, type.indexOf('.'));
  return family in OFFICIAL_TYPES;
}

/**
 * The official Type closest to a misspelled one, when it is plausibly a typo: searched in the
 * Type's own family, or in the family its first segment misspells (`evnets.ModelType`).
 */
export function closestOfficialType(type: string): string | undefined {
  if (ALL_OFFICIAL.has(type)) return undefined;
  const dot = type.indexOf('.');
  const written = dot < 0 ? type : type.slice(0, dot);
  const family = written in OFFICIAL_TYPES ? written : closestName(written, Object.keys(OFFICIAL_TYPES));
  if (!family) return undefined;
  const rest = dot < 0 ? '' : type.slice(dot);
  return closestName(family + rest, OFFICIAL_TYPES[family]);
}

/**
 * True when a workspace element can serve as a Type: its own `type` is a Meta (kind 'type'), or it
 * is named like a Type (`…Type`) or ships a loader.py (what Type elements provide).
 */
export function isTypeElement(el: ElementRecord, hasLoader: boolean): boolean {
  return el.kind === 'type' || /Type$/.test(el.name) || hasLoader;
}
