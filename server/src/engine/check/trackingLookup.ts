/**
 * The lookup rules use while checking one file: answers from the index and records every lookup
 * as a dependency of that file, so a later change to what was looked up re-checks it. Untracked
 * (a one-shot check that is never updated, e.g. the CLI) it records nothing and answers the same.
 */
import type { AppRecord, ElementKind, ElementRecord, PythonRecord } from '../model/records';
import type { Locale } from '../i18n/messages';
import type { Lookup } from '../domain/senders';
import { keys } from '../workspace/dependencyKeys';
import { flowGraph, type FlowSource, type Handler } from '../domain/flowGraph';
import type { Payload } from '../domain/payloads';
import { eventLoops, type LoopFinding } from '../domain/eventLoops';
import type { UsageLookup } from '../workspace/usageMaps';

/**
 * A "did you mean" question a check asked and the answer it got: it changes only when the answer
 * leaves the kind, or a name joins that beats the answer (see Checker.invalidate).
 */
export interface NearQuery { kindKey: string; name: string; answer: string | undefined }

export class TrackingLookup implements Lookup, UsageLookup {
  readonly deps = new Set<string>();
  readonly nears: NearQuery[] = [];
  constructor(private readonly view: Lookup & FlowSource & UsageLookup, readonly locale: Locale, private readonly track = true) {}

  /** Event/task elements handled by functions of a Python file. */
  handlersIn(path: string): Handler[] {
    if (this.track) this.deps.add(keys.handlers(path));
    return flowGraph(this.view).handlersByFile.get(path) ?? [];
  }
  /** What a handler receives (custom events: merged over the event's publish sites). */
  payloadOf(h: Handler): Payload | undefined {
    if (h.sender !== undefined && this.track) this.deps.add(keys.payload(h.el.appRoot, h.sender));
    return h.payload;
  }
  /** Event loops running through a file (subscriber senders in an e.json, publish sites in Python). */
  loopsAt(path: string): LoopFinding[] {
    if (this.track) this.deps.add(keys.loop(path));
    return eventLoops(this.view).byPath.get(path) ?? [];
  }

  // The usage lookups record no dependency: the index itself checks again the files whose answer
  // changed (see UsageMaps.drain and the __init__.py note in WorkspaceIndex.update).
  namesakes(appRoot: string, fullName: string): ElementRecord[] { return this.view.namesakes(appRoot, fullName); }
  subscriberCount(appRoot: string, sender: string): number { return this.view.subscriberCount(appRoot, sender); }
  publisherCount(appRoot: string, sender: string): number { return this.view.publisherCount(appRoot, sender); }
  hasPythonFile(path: string): boolean { return this.view.hasPythonFile(path); }
  /** An element without recording the lookup: for a first look whose answer changes only with the element's kind (see WorkspaceIndex.update). */
  peekElement(appRoot: string, fullName: string): ElementRecord | undefined { return this.view.element(appRoot, fullName); }

  app(root: string): AppRecord | undefined {
    if (this.track) this.deps.add(keys.app(root));
    return this.view.app(root);
  }
  element(appRoot: string, fullName: string): ElementRecord | undefined {
    if (this.track) this.deps.add(keys.element(appRoot, fullName));
    return this.view.element(appRoot, fullName);
  }
  python(path: string): PythonRecord | undefined {
    if (this.track) this.deps.add(keys.python(path));
    return this.view.python(path);
  }
  elementsOfKind(appRoot: string, kind: ElementKind): ElementRecord[] {
    if (this.track) this.deps.add(keys.kind(appRoot, kind));
    return this.view.elementsOfKind(appRoot, kind);
  }
  closestOfKind(appRoot: string, kind: ElementKind, name: string): ElementRecord | undefined {
    const found = this.view.closestOfKind(appRoot, kind, name);
    if (!this.track) return found;
    this.nears.push({ kindKey: keys.kind(appRoot, kind), name, answer: found?.fullName });
    // The suggestion may quote the found element's contents (its events): a change to it re-checks.
    if (found) this.deps.add(keys.element(appRoot, found.fullName));
    return found;
  }
}
