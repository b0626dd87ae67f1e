/**
 * Names of the things a check can look up (an element, a Python file, an app, the elements of a
 * kind). The index reports which of them a change provides; the checker keys its reverse edges by them.
 */
import type { ElementKind } from '../model/records';

/**
 * Keys are interned: every file that looks the same thing up shares one string, and the
 * reverse-edge map holds each key once.
 */
const interned = new Map<string, string>();
function intern(s: string): string {
  const v = interned.get(s);
  if (v !== undefined) return v;
  const flat = s.length > 12 ? JSON.parse(JSON.stringify(s)) as string : s; // drop cons/sliced parents
  interned.set(flat, flat);
  return flat;
}

/** Forgets interned keys (a full re-index rebuilds every dependency; equal strings still match). */
export function resetInternedKeys(): void {
  interned.clear();
}

/** An element that joined or left the elements of its kind in an app. */
export interface NameChange { appRoot: string; kind: ElementKind; fullName: string }

export const keys = {
  element: (appRoot: string, fullName: string) => intern(`e:${appRoot}|${fullName}`),
  python: (path: string) => intern(`py:${path}`),
  app: (root: string) => intern(`app:${root}`),
  kind: (appRoot: string, kind: ElementKind) => intern(`k:${appRoot}|${kind}`),
  /** The merged payload of a custom event (changes when a publish site of it changes). */
  payload: (appRoot: string, sender: string) => intern(`pl:${appRoot}|${sender}`),
  /** Which event/task elements a Python file's functions handle. */
  handlers: (path: string) => intern(`h:${path}`),
  /** The event loops running through a file. */
  loop: (path: string) => intern(`lp:${path}`),
};
