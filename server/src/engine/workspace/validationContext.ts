import type { AppRecord, ElementKind, ElementRecord, PythonRecord } from '../model/records';
import type { Locale } from '../i18n/messages';

/** What a rule may look up. Every lookup is recorded as a dependency of the file being validated. */
export interface IndexView {
  app(root: string): AppRecord | undefined;
  element(appRoot: string, fullName: string): ElementRecord | undefined;
  python(path: string): PythonRecord | undefined;
  elementsOfKind(appRoot: string, kind: ElementKind): ElementRecord[];
}

/**
 * Dependency keys are interned: every file that looks the same thing up shares one string, and
 * the reverse-edge map holds each key once.
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

export const keys = {
  element: (appRoot: string, fullName: string) => intern(`e:${appRoot}|${fullName}`),
  python: (path: string) => intern(`py:${path}`),
  app: (root: string) => intern(`app:${root}`),
  kind: (appRoot: string, kind: ElementKind) => intern(`k:${appRoot}|${kind}`),
};

export class ValidationContext {
  readonly deps = new Set<string>();
  constructor(private readonly view: IndexView, readonly locale: Locale) {}

  app(root: string): AppRecord | undefined {
    this.deps.add(keys.app(root));
    return this.view.app(root);
  }
  element(appRoot: string, fullName: string): ElementRecord | undefined {
    this.deps.add(keys.element(appRoot, fullName));
    return this.view.element(appRoot, fullName);
  }
  python(path: string): PythonRecord | undefined {
    this.deps.add(keys.python(path));
    return this.view.python(path);
  }
  elementsOfKind(appRoot: string, kind: ElementKind): ElementRecord[] {
    this.deps.add(keys.kind(appRoot, kind));
    return this.view.elementsOfKind(appRoot, kind);
  }
  /** True when unresolved references may live in a parent app (warnings instead of errors). */
  mayInherit(appRoot: string): boolean {
    return this.app(appRoot)?.hasParents ?? false;
  }
}
