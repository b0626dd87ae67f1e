/** Allowed values of the e.json settings every element shares, and which elements run backend code. */
import type { ElementRecord } from '../model/records';

/** Common e.json keys with a fixed value set (`protect` is the older spelling of `protected`). */
export const ELEMENT_SETTINGS: Readonly<Record<string, readonly (string | number)[]>> = {
  accessModifier: ['private', 'protected', 'public', 'protect'],
  cacheLevel: [0, 1],
  loadTime: ['startUp', 'afterStartUp'],
  backendLoadTime: ['afterAppInit', 'beforeHandleRequest'],
};

/** Older spellings that are accepted but never suggested (a correction names the documented form). */
export const LEGACY_SETTING_VALUES: ReadonlySet<string | number> = new Set(['protect']);

/** Implementation files of a backend element's Python package. */
export const BACKEND_FILES = ['service.py', 'model.py', 'inner.py'];

/** Elements whose backend entry is required: services, models, events (agent events default it), tasks. */
export function needsBackendEntry(el: ElementRecord): boolean {
  if (el.kind === 'event') return el.type !== 'events.AIAgentType';
  return el.kind === 'service' || el.kind === 'model' || el.kind === 'task';
}
