/**
 * What Python code may name through `app`: the element namespaces of `app.<namespace>.<Name>`
 * chains, and elements the platform itself provides (never in the app's folder).
 */
import { isOfficialType } from './officialTypes';

/** Element namespaces (first fullName segment) an `app.<namespace>.<Name>` chain may start with. */
export const APP_NAMESPACES: ReadonlySet<string> = new Set([
  'models', 'databases', 'caches', 'storages', 'services', 'workflows', 'tasks', 'events', 'pages', 'components', 'shells',
  'themes', 'roles', 'auths', 'apiAuths', 'corps', 'interceptors', 'externalAPIs', 'messages', 'aiagents', 'aiassistants',
  'llms', 'fileTmpls', 'datatypes',
]);

/** Framework elements documented by name (inherited through the framework apps). */
const FRAMEWORK_ELEMENTS = new Set([
  'events.services.EventSvc', 'events.models.EventLogModel', 'pages.models.ComponentStorageModel', 'databases.Default',
  'caches.Default', 'storages.Default',
]);

/** True when a fullName names a platform element rather than one of the app's own. */
export function isFrameworkElement(fullName: string): boolean {
  return FRAMEWORK_ELEMENTS.has(fullName) || isOfficialType(fullName) || fullName.startsWith('datatypes.');
}

/**
 * The fullName a chain `app.<ns>.<a>.<b>…` names: the namespace plus the segments up to the first
 * one that starts with a capital (element folders are capitalised, methods are not), e.g.
 * `app.auths.loginTypes.MyAuth.login` -> `auths.loginTypes.MyAuth`. Undefined when no segment is capitalised.
 */
export function chainFullNameLength(segments: readonly string[]): number | undefined {
  for (let k = 1; k < segments.length; k++) if (/^[A-Z]/.test(segments[k])) return k + 1;
  return undefined;
}
