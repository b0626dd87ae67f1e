/**
 * Which flow facts a change altered: the merged payload of each custom event, the events each
 * Python file's functions handle, and the event loops through each file. Compares one snapshot
 * per index version with the previous one and names the dependency keys whose answer changed,
 * so the checker re-checks only the handlers and loop members affected.
 */
import { keys } from '../workspace/dependencyKeys';
import { flowGraph, type FlowSource } from '../domain/flowGraph';
import { payloadSignature } from '../domain/payloads';
import { eventLoops, loopSignature } from '../domain/eventLoops';

type Snapshot = Map<string, string>;

function snapshot(src: FlowSource): Snapshot {
  const graph = flowGraph(src);
  const snap: Snapshot = new Map();
  for (const key of graph.publishers.keys()) {
    const bar = key.indexOf('|');
    const appRoot = key.slice(0, bar), sender = key.slice(bar + 1);
    snap.set(keys.payload(appRoot, sender), payloadSignature(graph.customPayload(appRoot, sender)!));
  }
  for (const [path, hs] of graph.handlersByFile) {
    snap.set(keys.handlers(path), JSON.stringify(hs.map((h) => [h.el.path, h.fn.id, h.sender])));
  }
  for (const [path, list] of eventLoops(src).byPath) snap.set(keys.loop(path), loopSignature(list));
  return snap;
}

export class FlowChanges {
  private last: Snapshot | undefined;

  /** Takes the current state as the baseline (after a full index). */
  reset(src: FlowSource): void { this.last = snapshot(src); }

  /** Dependency keys whose flow facts differ from the previous call's. */
  changedKeys(src: FlowSource): string[] {
    const now = snapshot(src);
    const before = this.last ?? new Map<string, string>();
    this.last = now;
    const out: string[] = [];
    for (const [k, v] of now) if (before.get(k) !== v) out.push(k);
    for (const k of before.keys()) if (!now.has(k)) out.push(k);
    return out;
  }
}
