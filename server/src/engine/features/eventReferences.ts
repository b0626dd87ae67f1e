/** Custom events at the cursor, their occurrences (declaration, subscribers, publish sites), references and rename. */
import type { Location } from '../../../../shared/src/protocol/types';
import type { WorkspaceIndex } from '../workspace/workspaceIndex';
import type { ElementRecord } from '../model/records';
import type { OffsetRange } from '../python/types';
import { splitSender } from '../domain/senders';
import { EVENT_TYPES, listenTarget } from '../domain/elementTypes';
import { jsonCursorAt } from './jsonCursor';
import { listenersOf, publishSitesOf } from './eventGraph';
import { toLocation } from './locations';

/** A custom event identified at the cursor: which app, which service, which event name. */
export interface EventAtCursor { appRoot: string; service: string; event: string; /** Range of the text under the cursor naming the event. */ range: OffsetRange }

/** The event named under the cursor: an eventDescs name, an e.json sender, or a publish sender literal. */
export function eventAt(index: WorkspaceIndex, path: string, text: string, offset: number): EventAtCursor | undefined {
  if (path.endsWith('.py')) {
    const py = index.python(path);
    for (const call of py?.scan.publishCalls ?? []) {
      const s = call.sender;
      if (!s || s.value === undefined || offset < s.range.start || offset > s.range.end) continue;
      const parts = splitSender(s.value);
      return parts ? { appRoot: py!.appRoot, ...parts, range: s.contentRange } : undefined;
    }
    return undefined;
  }
  const el = index.elementAt(path);
  if (!el) return undefined;
  const cur = jsonCursorAt(text, offset);
  if (!cur.string) return undefined;
  if (cur.path.length === 1 && cur.path[0] === 'sender' && el.type === EVENT_TYPES.custom) {
    const parts = splitSender(cur.string.value);
    return parts ? { appRoot: el.appRoot, ...parts, range: cur.string.contentRange } : undefined;
  }
  if (cur.path[0] === 'eventDescs' && cur.path[2] === 'name') {
    return { appRoot: el.appRoot, service: el.fullName, event: cur.string.value, range: cur.string.contentRange };
  }
  return undefined;
}

export interface EventOccurrence {
  path: string;
  /** Range of the whole sender string content, or of the declared name. */
  range: OffsetRange;
  /** For senders: where the event-name part starts inside `range`. */
  kind: 'declaration' | 'subscriber' | 'publish';
  lines: ElementRecord['lines'];
}

/** Declaration, subscribers and publish sites of one event. */
export function eventOccurrences(index: WorkspaceIndex, ev: { appRoot: string; service: string; event: string }): EventOccurrence[] {
  const out: EventOccurrence[] = [];
  const sender = `${ev.service}.${ev.event}`;
  const svc = index.element(ev.appRoot, ev.service);
  for (const e of svc?.json.eventDescs?.entries ?? []) {
    if (e.name?.value === ev.event) out.push({ path: svc!.path, range: e.name.contentRange, kind: 'declaration', lines: svc!.lines });
  }
  for (const { el } of listenersOf(index, ev.appRoot, sender)) {
    const s = listenTarget(el);
    if (s) out.push({ path: el.path, range: s.contentRange, kind: 'subscriber', lines: el.lines });
  }
  for (const site of publishSitesOf(index, ev.appRoot, sender)) {
    const s = site.call.sender!;
    out.push({ path: site.py.path, range: s.contentRange, kind: 'publish', lines: site.py.lines });
  }
  return out;
}

export function eventReferences(index: WorkspaceIndex, path: string, text: string, offset: number, includeDeclaration: boolean): Location[] {
  const ev = eventAt(index, path, text, offset);
  if (!ev) return [];
  return eventOccurrences(index, ev)
    .filter((o) => includeDeclaration || o.kind !== 'declaration')
    .map((o) => toLocation(o.path, o.lines, o.range.start, o.range.end));
}

export interface TextEditByFile { path: string; edits: { range: Location['range']; newText: string }[] }

/** Renames an event everywhere: its eventDescs name, every subscriber sender and every publish literal. */
export function renameEvent(index: WorkspaceIndex, path: string, text: string, offset: number, newName: string): TextEditByFile[] | { error: 'invalid' | 'not-here' | 'exists' } {
  const ev = eventAt(index, path, text, offset);
  if (!ev) return { error: 'not-here' };
  if (!/^[A-Za-z_]\w*$/.test(newName)) return { error: 'invalid' };
  if (newName !== ev.event && index.element(ev.appRoot, ev.service)?.json.eventDescs?.entries.some((e) => e.name?.value === newName)) return { error: 'exists' };
  const byFile = new Map<string, TextEditByFile>();
  for (const o of eventOccurrences(index, ev)) {
    let f = byFile.get(o.path);
    if (!f) byFile.set(o.path, (f = { path: o.path, edits: [] }));
    if (o.kind === 'declaration') f.edits.push({ range: o.lines.range(o.range.start, o.range.end), newText: newName });
    else {
      // Only the event-name part after the last dot changes.
      const start = o.range.start + ev.service.length + 1;
      f.edits.push({ range: o.lines.range(start, o.range.end), newText: newName });
    }
  }
  return [...byFile.values()];
}
