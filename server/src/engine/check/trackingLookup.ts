/**
 * The lookup rules use while checking one file: answers from the index and records every lookup
 * as a dependency of that file, so a later change to what was looked up re-checks it.
 */
import type { AppRecord, ElementKind, ElementRecord, PythonRecord } from '../model/records';
import type { Locale } from '../i18n/messages';
import type { Lookup } from '../domain/senders';
import { keys } from '../workspace/dependencyKeys';
import type { UsageLookup } from '../workspace/usageMaps';

export class TrackingLookup implements Lookup, UsageLookup {
  readonly deps = new Set<string>();
  constructor(private readonly view: Lookup & UsageLookup, readonly locale: Locale) {}

  namesakes(appRoot: string, fullName: string): ElementRecord[] {
    this.deps.add(keys.namesake(appRoot, fullName.toLowerCase()));
    return this.view.namesakes(appRoot, fullName);
  }
  subscriberCount(appRoot: string, sender: string): number {
    this.deps.add(keys.senderUse(appRoot, sender));
    return this.view.subscriberCount(appRoot, sender);
  }
  publisherCount(appRoot: string, sender: string): number {
    this.deps.add(keys.senderUse(appRoot, sender));
    return this.view.publisherCount(appRoot, sender);
  }

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
}
