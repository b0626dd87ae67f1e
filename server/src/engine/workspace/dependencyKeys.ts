/**
 * Names of the things a check can look up (an element, a Python file, an app, the elements of a
 * kind). The index reports which of them a change provides; the checker keys its reverse edges by them.
 */
import type { ElementKind } from '../model/records';

/**
 * Keys are interned: every file that looks the same thing up shares one string, and the
 * reverse-edge map holds each key once. Nested by part (prefix, then each part) so a lookup of a
 * known key builds no string and hashes only strings the records already hold.
 */
let one = new Map<string, Map<string, string>>();
let two = new Map<string, Map<string, Map<string, string>>>();
function flat(s: string): string {
  return s.length > 12 ? JSON.parse(JSON.stringify(s)) as string : s; // drop cons/sliced parents
}
function intern(prefix: string, a: string): string {
  let m = one.get(prefix);
  if (!m) one.set(prefix, (m = new Map()));
  let v = m.get(a);
  if (v === undefined) m.set(a, (v = flat(prefix + a)));
  return v;
}
function intern2(prefix: string, a: string, b: string): string {
  let byA = two.get(prefix);
  if (!byA) two.set(prefix, (byA = new Map()));
  let m = byA.get(a);
  if (!m) byA.set(a, (m = new Map()));
  let v = m.get(b);
  if (v === undefined) m.set(b, (v = flat(`${prefix}${a}|${b}`)));
  return v;
}

/** Forgets interned keys (a full re-index rebuilds every dependency; equal strings still match). */
export function resetInternedKeys(): void {
  one = new Map();
  two = new Map();
}

/** An element that joined or left the elements of its kind in an app. */
export interface NameChange { appRoot: string; kind: ElementKind; fullName: string }

export const keys = {
  element: (appRoot: string, fullName: string) => intern2('e:', appRoot, fullName),
  python: (path: string) => intern('py:', path),
  app: (root: string) => intern('app:', root),
  kind: (appRoot: string, kind: ElementKind) => intern2('k:', appRoot, kind),
  /** The merged payload of a custom event (changes when a publish site of it changes). */
  payload: (appRoot: string, sender: string) => intern2('pl:', appRoot, sender),
  /** Which event/task elements a Python file's functions handle. */
  handlers: (path: string) => intern('h:', path),
  /** The event loops running through a file. */
  loop: (path: string) => intern('lp:', path),
};
