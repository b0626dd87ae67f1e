/** The records the index keeps: apps, elements (one e.json each), Python files, app.json. */
import type { ElementJson, StringValue } from '../elements/elementJson';
import type { PythonScan } from '../python/types';
import type { LineIndex } from '../text/lineIndex';

/** An application: a folder holding app.json, or a workspace folder with e.json files but no app.json. */
export interface AppRecord {
  root: string;
  appJsonPath?: string;
  appId?: string;
  title?: string;
  /** True when app.json lists parent apps: unresolved references may be inherited, so they are warnings. */
  hasParents: boolean;
  /** True when no app.json exists and the workspace folder stands in for the app root. */
  implicit: boolean;
}

export type ElementKind =
  | 'service' | 'model' | 'event' | 'task' | 'workflow' | 'assistant' | 'agent' | 'type' | 'other';

/** One element: a folder with an e.json. */
export interface ElementRecord {
  path: string;
  dir: string;
  appRoot: string;
  fullName: string;
  /** Last segment of the fullName (the folder name). */
  name: string;
  json: ElementJson;
  lines: LineIndex;
  type?: string;
  title?: string;
  kind: ElementKind;
  /** For event/task elements: the resolved subscriber facts. */
  sender?: StringValue;
  /** True when the file could not be read as text (binary, too large). */
  unreadable?: string;
  /** For workflow elements: the node ids (`name`/`id` of nodeList entries in e.json or config.json). */
  workflowNodes?: string[];
}

export interface PythonRecord {
  path: string;
  appRoot: string;
  scan: PythonScan;
  lines: LineIndex;
  unreadable?: string;
}

export interface AppJsonRecord {
  path: string;
  root: string;
  appId?: string;
  title?: string;
  hasParents: boolean;
  /** An object with JitAi app keys (workspace/appRoots.ts). */
  manifest: boolean;
  /** An element e.json lies below its folder (set by the index). */
  hasElements: boolean;
  lines: LineIndex;
  syntaxErrors: { message: string; start: number; end: number }[];
  /** JSON type of the root value ("none" for an empty file). */
  rootKind: string;
  rootRange: { start: number; end: number };
  /** `extends` when it is not an array (its range), and entries lacking appId/version. */
  extendsNotArray?: { start: number; end: number };
  extendsIncomplete: { start: number; end: number; missing: string[] }[];
}
