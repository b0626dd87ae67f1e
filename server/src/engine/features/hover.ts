/** Hover over a custom event (title, description, counts, payload shape) or over a handler function. */
import type { WorkspaceIndex } from '../workspace/workspaceIndex';
import { msg } from '../i18n/messages';
import { eventAt, eventOccurrences } from './eventReferences';
import type { OffsetRange } from '../python/types';
import { customPayloadMarkdown, handlerHoverAt } from './payloadHover';

/**
 * Markdown about the event under the cursor (title, description, counts, payload shape and
 * publish sites), or about the handler function whose name is under the cursor.
 */
export function hoverAt(index: WorkspaceIndex, path: string, text: string, offset: number): { markdown: string; range: OffsetRange } | undefined {
  const ev = eventAt(index, path, text, offset);
  if (!ev) return path.endsWith('.py') ? handlerHoverAt(index, path, offset) : undefined;
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
    customPayloadMarkdown(index, ev.appRoot, `${ev.service}.${ev.event}`),
  ].filter(Boolean);
  return { markdown: lines.join('\n\n'), range: ev.range };
}
