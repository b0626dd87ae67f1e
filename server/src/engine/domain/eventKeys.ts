/**
 * The documented e.json keys of each official event and task Type (plus the fields every element
 * may carry), approval and task option values, and the element namespaces Python imports start with.
 */
import { EVENT_TYPES, TASK_TYPES } from './elementTypes';

/** Fields any element may carry (the common element table and fields seen in generated files). */
export const COMMON_ELEMENT_KEYS = [
  'title', 'type', 'icon', 'description', 'desc', 'tag', 'backendBundleEntry', 'frontBundleEntry', 'frontMobileBundleEntry',
  'loadTime', 'backendLoadTime', 'cacheLevel', 'accessModifier', 'functionList', 'variables',
  'backendEpath', 'extendType', 'path', 'returnType', 'name', 'fullName',
];

/** Keys every event and task handler shares. */
const HANDLER_KEYS = ['funcType', 'func', 'asyncType', 'enable'];

/** Documented keys of each official event/task Type, besides the common ones. */
export const TYPE_KEYS: Readonly<Record<string, readonly string[]>> = {
  [EVENT_TYPES.custom]: [...HANDLER_KEYS, 'sender', 'objMode'],
  [EVENT_TYPES.model]: [...HANDLER_KEYS, 'sender', 'operate', 'filter', 'fields'],
  [EVENT_TYPES.workflow]: [...HANDLER_KEYS, 'model', 'operate', 'triggerNode', 'handleNode', 'handleType'],
  [EVENT_TYPES.assistant]: [...HANDLER_KEYS, 'sender', 'operate'],
  [EVENT_TYPES.agent]: [...HANDLER_KEYS, 'sender', 'stage'],
  [TASK_TYPES.timer]: [...HANDLER_KEYS, 'taskFunc', 'timerCfg'],
  [TASK_TYPES.dateField]: [...HANDLER_KEYS, 'taskFunc', 'modelPath', 'timerCfg'],
};

/** `handleType` of a NodeHandled approval event (start node, approval nodes, legacy `transfer`). */
export const HANDLE_TYPES = ['submit', 'manualEnd', 'agree', 'refuse', 'reject', 'transmit', 'transfer'];

/** `repeat.repeatType` of a timer task. */
export const TIMER_REPEAT_TYPES = ['year', 'month', 'week', 'day', 'hour', 'minute', 'normal'];
/** `repeat.repeatType` of a date-field task (`day` appears in the date-field task page's example). */
export const DATE_REPEAT_TYPES = ['normal', 'year', 'day'];
/** `startOffset.offsetUnit` of a date-field task, both documented spellings. */
export const OFFSET_UNITS = ['minute', 'hour', 'day', 'seconds', 'minutes', 'hours', 'days'];
export const OFFSET_TYPES = [-1, 0, 1];
/** Model field data types a date-field task can run at. */
export const DATE_FIELD_TYPES = ['Date', 'Datetime', 'DateTime'];

/** Everyday words for repeat types, so `daily` suggests `day`. */
export const REPEAT_SYNONYMS: Readonly<Record<string, string>> = {
  daily: 'day', weekly: 'week', monthly: 'month', yearly: 'year', annually: 'year', hourly: 'hour', once: 'normal', none: 'normal',
};

/** First segments of element fullNames (app folder namespaces); `commons` is shared code, not elements. */
export const ELEMENT_NAMESPACES = new Set([
  'models', 'databases', 'caches', 'storages', 'services', 'workflows', 'tasks', 'events', 'pages', 'components', 'shells',
  'themes', 'roles', 'auths', 'apiAuths', 'corps', 'interceptors', 'externalAPIs', 'messages', 'aiagents', 'aiassistants',
  'llms', 'fileTmpls', 'datatypes',
]);

/** Framework modules imported by element code in the docs (provided by the inherited framework apps). */
export const FRAMEWORK_MODULES = new Set([
  'events.services.EventSvc', 'events.models.EventLogModel', 'pages.models.ComponentStorageModel', 'interceptors.Http',
]);

/** A framework Type module (`services.NormalType`, `tasks.Meta`, `aiagents.ReActType`, …). */
export function isFrameworkTypeModule(fullName: string): boolean {
  return FRAMEWORK_MODULES.has(fullName) || /^[A-Za-z]+\.(Meta|[A-Z]\w*Type)$/.test(fullName);
}
