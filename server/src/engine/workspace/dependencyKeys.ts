/**
 * Names of the things a check can look up (an element, a Python file, an app, the elements of a
 * kind). The index reports which of them a change provides; the checker keys its reverse edges by them.
 */
import type { ElementKind } from '../model/records';

/**
 * Keys are interned: every file that looks the same thing up shares one string, and the
 * reverse-edge map holds each key once. Nested by part (prefix, then each part) so a lookup of a
 * known key builds no string and hashes only strings the records already hold.
 *
 * Keys are short: a key named by a path is its prefix and a number (`py:3f`), and an app root goes
 * into a key as a number (`e:2|events.X`). A 10k-element app has ~40k keys, ~30k of them named by a
 * path of ~90 characters. A path's key stays the same for as long as it may be in use: the keys of
 * the index being replaced are forgotten only once a full index has been adopted (forgetOldKeyIds),
 * so a re-index running in the background and the edits applied meanwhile name a file alike.
 */
let one = new Map<string, Map<string, string>>();
/** Path keys handed out before the running full index started (still used by the index it replaces). */
let oldOne: Map<string, Map<string, string>> | undefined;
let two = new Map<string, Map<string, Map<string, string>>>();
/** App roots by number (never forgotten: a workspace has few). */
const appIds = new Map<string, string>();
let nextId = 0;
let resets = 0;

function intern(prefix: string, a: string): string {
  let m = one.get(prefix);
  if (!m) one.set(prefix, (m = new Map()));
  let v = m.get(a);
  if (v === undefined) m.set(a, (v = oldOne?.get(prefix)?.get(a) ?? prefix + (nextId++).toString(36)));
  return v;
}
function appId(root: string): string {
  let v = appIds.get(root);
  if (v === undefined) appIds.set(root, (v = String(appIds.size)));
  return v;
}
function intern2(prefix: string, a: string, b: string): string {
  let byA = two.get(prefix);
  if (!byA) two.set(prefix, (byA = new Map()));
  let m = byA.get(a);
  if (!m) byA.set(a, (m = new Map()));
  let v = m.get(b);
  if (v === undefined) m.set(b, (v = flat(`${prefix}${appId(a)}|${b}`)));
  return v;
}
function flat(s: string): string {
  return s.length > 12 ? JSON.parse(JSON.stringify(s)) as string : s; // drop cons/sliced parents
}

/**
 * A full re-index starts: the key maps start empty (keys of deleted files and old app roots do not
 * pile up), while the path keys in use so far stay known until the new index is adopted.
 */
export function resetInternedKeys(): number {
  if (oldOne) { // an earlier re-index was not adopted: keep both
    for (const [prefix, m] of one) {
      const old = oldOne.get(prefix);
      if (!old) oldOne.set(prefix, m); else for (const [k, v] of m) old.set(k, v);
    }
  } else oldOne = one;
  one = new Map();
  two = new Map();
  return ++resets;
}

/**
 * The full index that started with `reset` (what resetInternedKeys returned) was adopted: keys only
 * the replaced index used are dropped, unless another full index has started since.
 */
export function forgetOldKeyIds(reset: number): void {
  if (reset === resets) oldOne = undefined;
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
