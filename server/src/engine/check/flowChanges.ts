/**
 * Which flow facts a change altered: the merged payload of each custom event, the events each
 * Python file's functions handle, and the event loops through each file. Keeps the last state and
 * names the dependency keys whose answer changed, so the checker re-checks only the handlers and
 * loop members affected. Payloads are compared only for events published in the touched files.
 */
import type { PythonRecord } from '../model/records';
import { keys } from '../workspace/dependencyKeys';
import { flowGraph, payloadOfSites, type FlowSource, type PublishSite } from '../domain/flowGraph';
import { payloadSignature } from '../domain/payloads';
import { eventLoops, loopSignature } from '../domain/eventLoops';

/** `appRoot|sender` of every literal sender a Python file publishes. */
function sendersOf(py: PythonRecord | undefined): string[] {
  const out: string[] = [];
  for (const c of py?.scan.publishCalls ?? []) if (c.sender?.value !== undefined) out.push(`${py!.appRoot}|${c.sender.value}`);
  return out;
}

export class FlowChanges {
  /**
   * Each sender's publish-site list as last seen. Lists never change (see EventWiring), so the
   * baseline costs no payload merging: a payload is merged only for a sender a change touched.
   */
  private sites = new Map<string, readonly PublishSite[]>();
  private handlers = new Map<string, string>();
  private loops = new Map<string, string>();
  private sendersByFile = new Map<string, string[]>();

  /** Takes the current state as the baseline (after a full index or a structural change). */
  reset(src: FlowSource): void {
    this.sites.clear();
    this.sendersByFile.clear();
    for (const py of src.allPython()) {
      const s = sendersOf(py);
      if (s.length) this.sendersByFile.set(py.path, s);
    }
    for (const [appRoot, sender, list] of src.wiring.publishers.all()) this.sites.set(`${appRoot}|${sender}`, list);
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

  /** Compares one event's merged payload with its last state; true when it changed. */
  private payloadKey(src: FlowSource, k: string): boolean {
    const bar = k.indexOf('|');
    const now = src.wiring.publishers.get(k.slice(0, bar), k.slice(bar + 1));
    const before = this.sites.get(k);
    if (now.length) this.sites.set(k, now); else this.sites.delete(k);
    if (before === now) return false;
    const sig = (l: readonly PublishSite[] | undefined) => { const p = l && payloadOfSites(l); return p ? payloadSignature(p) : undefined; };
    return sig(before) !== sig(now);
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
