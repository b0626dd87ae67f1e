/**
 * Which flow facts a change altered: the merged payload of each custom event, the events each
 * Python file's functions handle, and the event loops through each file. Brings the flow graph and
 * the loops up to date incrementally and names the dependency keys whose answer changed, so the
 * checker re-checks only the handlers and loop members affected. Payloads are compared only for
 * events published in the touched files; handlers and loops only where the update changed them.
 */
import { intern } from '../text/intern';
import type { PythonRecord } from '../model/records';
import { keys } from '../workspace/dependencyKeys';
import { flowGraph, payloadOfSites, updateFlowGraph, type FlowSource, type PublishSite } from '../domain/flowGraph';
import { payloadSignature } from '../domain/payloads';
import { eventLoops, updateEventLoops } from '../domain/eventLoops';

/** `appRoot|sender` of every literal sender a Python file publishes. */
function sendersOf(py: PythonRecord | undefined): string[] {
  const out: string[] = [];
  for (const c of py?.scan.publishCalls ?? []) if (c.sender?.value !== undefined) out.push(intern(`${py!.appRoot}|${c.sender.value}`));
  return out;
}

export class FlowChanges {
  /**
   * Each sender's publish-site list as last seen. Lists never change (see EventWiring), so the
   * baseline costs no payload merging: a payload is merged only for a sender a change touched.
   */
  private sites = new Map<string, readonly PublishSite[]>();
  private sendersByFile = new Map<string, string[]>();

  /** Takes the current state as the baseline (after a full index or a structural change). */
  reset(src: FlowSource): void {
    this.sites.clear();
    this.sendersByFile.clear();
    for (const py of src.allPython()) {
      const s = sendersOf(py);
      if (s.length) this.sendersByFile.set(py.path, s);
    }
    for (const [appRoot, sender, list] of src.wiring.publishers.all()) this.sites.set(intern(`${appRoot}|${sender}`), list);
    // Built now (free when the full check already built them): later changes update them in place.
    eventLoops(src);
  }

  /** Dependency keys whose flow facts differ from flow version `fromVersion`, after `touched` files changed. */
  changedKeys(src: FlowSource, touched: Iterable<string>, fromVersion: number): string[] {
    const out: string[] = [];
    const affected = new Set<string>();
    for (const p of touched) {
      for (const k of this.sendersByFile.get(p) ?? []) affected.add(k);
      const now = sendersOf(src.python(p));
      for (const k of now) affected.add(k);
      if (now.length) this.sendersByFile.set(p, now); else this.sendersByFile.delete(p);
    }
    for (const k of affected) if (this.payloadKey(src, k)) out.push(this.depKey(k));
    const paths = [...touched];
    const u = updateFlowGraph(src, fromVersion, paths);
    const loopFiles = u && updateEventLoops(src, fromVersion, paths.filter((p) => p.endsWith('.py')), u.events);
    // Without the previous graph (never built) nothing is known to be unchanged: every handler and loop file is re-checked.
    for (const f of u ? u.handlerFiles : flowGraph(src).handlersByFile.keys()) out.push(keys.handlers(f));
    for (const f of loopFiles ?? eventLoops(src).byPath.keys()) out.push(keys.loop(f));
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
}
