/**
 * Code lenses: "Run handler" on event/task elements and inner.py customFunc; listener/publisher counts
 * above eventDescs, and "＋ Add subscriber" above those nobody subscribes to (for clients that handle it).
 */
import type { ListHandlersOnDisk, Range } from '../../../../shared/src/protocol/types';
import type { WorkspaceIndex } from '../workspace/workspaceIndex';
import { msg } from '../i18n/messages';
import { stringProp } from '../elements/elementJson';
import { baseName, dirOf } from '../files/paths';
import { isListener } from '../domain/elementTypes';
import { listenersOf, publishSitesOf } from './eventGraph';
import { handlerInfo } from './handlerInfo';
import { toLocation } from './locations';

export interface EngineLens {
  range: Range; title: string;
  run?: { appRoot: string; fullName: string };
  /** "＋ Add subscriber" above an eventDescs entry nobody subscribes to: runs New Event Subscriber for it. */
  addSubscriber?: { appRoot: string; sender: string };
}

export interface LensOptions {
  /** The client handles the New Event Subscriber command (it said so at initialize). */
  addSubscriber?: boolean;
}

/** "Run handler" above `def customFunc` (inner.py) and above `sender` (event e.json); counts above eventDescs. */
export function codeLenses(index: WorkspaceIndex, path: string, opts: LensOptions = {}): EngineLens[] {
  const L = index.locale;
  const out: EngineLens[] = [];
  if (baseName(path) === 'inner.py') {
    const el = index.elementAt(`${dirOf(path)}/e.json`);
    const py = index.python(path);
    const fn = py?.scan.functions.find((f) => f.name === 'customFunc');
    if (el && py && fn && handlerInfo(index, el)) {
      out.push({ range: py.lines.range(fn.defRange.start, fn.defRange.start), title: msg(L, 'lens-run-handler'), run: { appRoot: el.appRoot, fullName: el.fullName } });
    }
    return out;
  }
  const el = index.elementAt(path);
  if (!el) return out;
  if (isListener(el)) {
    const info = handlerInfo(index, el);
    const anchor = stringProp(el.json, 'sender') ?? stringProp(el.json, 'model') ?? el.json.props.get('type');
    if (info && !info.problem && anchor) {
      const start = anchor.keyRange?.start ?? anchor.range.start;
      out.push({ range: el.lines.range(start, start), title: msg(L, 'lens-run-handler'), run: { appRoot: el.appRoot, fullName: el.fullName } });
    }
  }
  if (el.json.eventDescs) {
    for (const e of el.json.eventDescs.entries) {
      const name = e.name?.value;
      if (typeof name !== 'string') continue;
      const sender = `${el.fullName}.${name}`;
      const subs = listenersOf(index, el.appRoot, sender).length;
      const pubs = publishSitesOf(index, el.appRoot, sender).length;
      const subText = subs === 1 ? msg(L, 'lens-subscriber-one') : msg(L, 'lens-subscribers', { count: subs });
      const pubText = pubs === 1 ? msg(L, 'lens-publisher-one') : msg(L, 'lens-publishers', { count: pubs });
      const at = el.lines.range(e.range.start, e.range.start);
      out.push({ range: at, title: `${subText} · ${pubText}` });
      if (subs === 0 && opts.addSubscriber) out.push({ range: at, title: msg(L, 'lens-add-subscriber'), addSubscriber: { appRoot: el.appRoot, sender } });
    }
  }
  return out;
}

/** Every runnable handler of the workspace, for the command palette's quick pick. */
export function listHandlers(index: WorkspaceIndex): ListHandlersOnDisk {
  const handlers: ListHandlersOnDisk['handlers'] = [];
  for (const el of index.allElements()) {
    const info = handlerInfo(index, el);
    if (!info || info.problem) continue;
    handlers.push({
      appRoot: el.appRoot, fullName: el.fullName, title: el.title, kind: info.kind, funcType: info.funcType,
      label: info.funcType === 'Inner' ? 'inner.py customFunc' : `${info.serviceFullName}.${info.functionName}`,
      location: toLocation(el.path, el.lines, 0, 0),
    });
  }
  handlers.sort((a, b) => (a.fullName < b.fullName ? -1 : 1));
  return { handlers };
}
