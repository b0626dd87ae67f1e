/**
 * The lookup rules use while checking one file: answers from the index and records every lookup
 * as a dependency of that file, so a later change to what was looked up re-checks it.
 */
import type { AppRecord, ElementKind, ElementRecord, PythonRecord } from '../model/records';
import type { Locale } from '../i18n/messages';
import type { Lookup } from '../domain/senders';
import { keys } from '../workspace/dependencyKeys';

/**
 * A "did you mean" question a check asked and the answer it got: it changes only when the answer
 * leaves the kind, or a name joins that beats the answer (see Checker.invalidate).
 */
export interface NearQuery { kindKey: string; name: string; answer: string | undefined }

export class TrackingLookup implements Lookup {
  readonly deps = new Set<string>();
  readonly nears: NearQuery[] = [];
  constructor(private readonly view: Lookup, readonly locale: Locale) {}

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
  closestOfKind(appRoot: string, kind: ElementKind, name: string): ElementRecord | undefined {
    const found = this.view.closestOfKind(appRoot, kind, name);
    this.nears.push({ kindKey: keys.kind(appRoot, kind), name, answer: found?.fullName });
    // The suggestion may quote the found element's contents (its events): a change to it re-checks.
    if (found) this.deps.add(keys.element(appRoot, found.fullName));
    return found;
  }
}
