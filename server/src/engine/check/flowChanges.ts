/**
 * Which flow facts a change altered: the merged payload of each custom event, the events each
 * Python file's functions handle, and the event loops through each file. Keeps the last state and
 * names the dependency keys whose answer changed, so the checker re-checks only the handlers and
 * loop members affected. Payloads are compared only for events published in the touched files.
 */
import type { PythonRecord } from '../model/records';
import { keys } from '../workspace/dependencyKeys';
import { flowGraph, type FlowSource } from '../domain/flowGraph';
import { payloadSignature } from '../domain/payloads';
import { eventLoops, loopSignature } from '../domain/eventLoops';

/** `appRoot|sender` of every literal sender a Python file publishes. */
function sendersOf(py: PythonRecord | undefined): string[] {
  const out: string[] = [];
  for (const c of py?.scan.publishCalls ?? []) if (c.sender?.value !== undefined) out.push(`${py!.appRoot}|${c.sender.value}`);
  return out;
}

export class FlowChanges {
  private payloads = new Map<string, string>();
  private handlers = new Map<string, string>();
  private loops = new Map<string, string>();
  private sendersByFile = new Map<string, string[]>();

  /** Takes the current state as the baseline (after a full index or a structural change). */
  reset(src: FlowSource): void {
    this.payloads.clear();
    this.sendersByFile.clear();
    for (const py of src.allPython()) {
      const s = sendersOf(py);
      if (s.length) this.sendersByFile.set(py.path, s);
    }
    for (const key of flowGraph(src).publishers.keys()) this.payloadKey(src, key);
    this.handlers = this.handlerSigs(src);
    this.loops = this.loopSigs(src);
  }

  /** Dependency keys whose flow facts differ from the last state, after `touched` files changed. */
  changedKeys(src: FlowSource, touched: Iterable<string>): string[] {
    const out: string[] = [];
    const affected = new Set<string>();
    for (const p of touched) {
      for (const k of this.sendersByFile.get(p) ?? []) affected.add(k);
      const now = sendersOf(src.python(p));
      for (const k of now) affected.add(k);
      if (now.length) this.sendersByFile.set(p, now); else this.sendersByFile.delete(p);
    }
    for (const k of affected) if (this.payloadKey(src, k)) out.push(this.depKey(k));
    out.push(...diff(this.handlers, (this.handlers = this.handlerSigs(src))));
    out.push(...diff(this.loops, (this.loops = this.loopSigs(src))));
    return out;
  }

  private depKey(k: string): string {
    const bar = k.indexOf('|');
    return keys.payload(k.slice(0, bar), k.slice(bar + 1));
  }

  /** Recomputes one event's payload signature; true when it changed. */
  private payloadKey(src: FlowSource, k: string): boolean {
    const bar = k.indexOf('|');
    const p = flowGraph(src).customPayload(k.slice(0, bar), k.slice(bar + 1));
    const sig = p ? payloadSignature(p) : undefined;
    const before = this.payloads.get(k);
    if (sig === undefined) this.payloads.delete(k); else this.payloads.set(k, sig);
    return before !== sig;
  }

  private handlerSigs(src: FlowSource): Map<string, string> {
    const m = new Map<string, string>();
    for (const [path, hs] of flowGraph(src).handlersByFile) m.set(keys.handlers(path), JSON.stringify(hs.map((h) => [h.el.path, h.fn.id, h.sender])));
    return m;
  }

  private loopSigs(src: FlowSource): Map<string, string> {
    const m = new Map<string, string>();
    for (const [path, list] of eventLoops(src).byPath) m.set(keys.loop(path), loopSignature(list));
    return m;
  }
}

function diff(before: Map<string, string>, now: Map<string, string>): string[] {
  const out: string[] = [];
  for (const [k, v] of now) if (before.get(k) !== v) out.push(k);
  for (const k of before.keys()) if (!now.has(k)) out.push(k);
  return out;
}
