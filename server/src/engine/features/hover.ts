/** Hover over a custom event: its title, description and publisher/listener counts. */
import type { WorkspaceIndex } from '../workspace/workspaceIndex';
import { msg } from '../i18n/messages';
import { eventAt, eventOccurrences } from './eventReferences';
import type { OffsetRange } from '../python/types';

/** Markdown about the event under the cursor: title, description, where it is declared, counts. */
export function hoverAt(index: WorkspaceIndex, path: string, text: string, offset: number): { markdown: string; range: OffsetRange } | undefined {
  const ev = eventAt(index, path, text, offset);
  if (!ev) return undefined;
  const svc = index.element(ev.appRoot, ev.service);
  const entry = svc?.json.eventDescs?.entries.find((e) => e.name?.value === ev.event);
  if (!svc || !entry) return undefined;
  const L = index.locale;
  const occ = eventOccurrences(index, ev);
  const title = typeof entry.title?.value === 'string' ? entry.title.value : '';
  const desc = typeof entry.desc?.value === 'string' ? entry.desc.value : '';
  const lines = [
    `${msg(L, 'hover-event', { name: ev.event, service: ev.service })}${title ? ` — ${title}` : ''}`,
    desc,
    msg(L, 'hover-counts', { pub: occ.filter((o) => o.kind === 'publish').length, sub: occ.filter((o) => o.kind === 'subscriber').length }),
  ].filter(Boolean);
  return { markdown: lines.join('\n\n'), range: ev.range };
}
