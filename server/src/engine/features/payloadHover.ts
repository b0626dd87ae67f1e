/**
 * The payload shape as Markdown (each key with its types and whether every publisher sends it,
 * then the publish sites), for hovers on senders and on handler functions.
 */
import type { WorkspaceIndex } from '../workspace/workspaceIndex';
import type { ElementRecord } from '../model/records';
import type { OffsetRange } from '../python/types';
import { msg, type Locale } from '../i18n/messages';
import { alwaysSent, typeLabel, type Payload, type PayloadNode } from '../domain/payloads';
import { currentFunction, flowGraph, publishSitesIn, senderPayload, type PublishSite } from '../domain/flowGraph';
import { listenTarget } from '../domain/elementTypes';

function keyLines(L: Locale, parent: PayloadNode, indent: string, out: string[]): void {
  for (const [k, c] of parent.keys) {
    out.push(`${indent}- \`${k}\`: ${typeLabel(c)} — ${msg(L, alwaysSent(parent, c) ? 'hover-always' : 'hover-sometimes')}`);
    if (c.dicts > 0) keyLines(L, c, `${indent}  `, out);
  }
  if (parent.open) out.push(`${indent}- ${msg(L, 'hover-more-unknown')}`);
}

/** The shape of a payload as a Markdown list: `args[i]` positions, then `kwargs` keys. */
export function payloadLines(L: Locale, p: Payload): string[] {
  const out: string[] = [];
  p.args.items.forEach((n, i) => {
    out.push(`- \`args[${i}]\`: ${typeLabel(n)} — ${msg(L, alwaysSent(p.args, n) ? 'hover-always' : 'hover-sometimes')}`);
    if (n.dicts > 0) keyLines(L, n, '  ', out);
  });
  if (p.args.open) out.push(`- \`args\`: ${msg(L, 'hover-more-unknown')}`);
  if (p.kwargs.keys.size || p.kwargs.open) {
    out.push('- `kwargs`:');
    keyLines(L, p.kwargs, '  ', out);
  }
  return out;
}

function siteLines(index: WorkspaceIndex, appRoot: string, sites: readonly PublishSite[]): string[] {
  if (!sites.length) return [];
  return [msg(index.locale, 'hover-published-at'), ...sites.map((s) => {
    const line = s.py.lines.positionAt(s.call.range.start).line + 1;
    return `- ${s.py.path.slice(appRoot.length + 1)}:${line}${s.call.enclosingFunction ? ` (${s.call.enclosingFunction})` : ''}`;
  })];
}

/** Payload section of a custom event's hover (shape and publish sites). */
export function customPayloadMarkdown(index: WorkspaceIndex, appRoot: string, sender: string): string {
  // Straight from the index's wiring: a hover right after an edit builds no graph.
  const sites = publishSitesIn(index, appRoot, sender);
  const p = senderPayload(index, appRoot, sender);
  const L = index.locale;
  if (!p) return msg(L, 'hover-payload-unknown');
  return [msg(L, 'hover-payload', { count: sites.length }), payloadLines(L, p).join('\n'), siteLines(index, appRoot, sites).join('\n')]
    .filter(Boolean).join('\n\n');
}

/** Hover on the name of a function that handles events: which events, and the payload each receives. */
export function handlerHoverAt(index: WorkspaceIndex, path: string, offset: number): { markdown: string; range: OffsetRange } | undefined {
  const handlers = flowGraph(index).handlersByFile.get(path);
  let nameRange: OffsetRange | undefined;
  const h0 = handlers?.find((h) => {
    const r = currentFunction(index, h.fn)?.nameRange;
    if (r && offset >= r.start && offset <= r.end) nameRange = r;
    return !!nameRange;
  });
  if (!h0 || !nameRange) return undefined;
  const L = index.locale;
  const mine = handlers!.filter((h) => h.fn.id === h0.fn.id);
  const parts: string[] = [msg(L, 'hover-handler-of', { events: mine.map((h) => `\`${h.el.fullName}\``).join(', ') })];
  for (const h of mine) {
    const target = listenTarget(h.el)?.value;
    if (h.sender !== undefined) parts.push(`**${h.sender}**`, customPayloadMarkdown(index, h.el.appRoot, h.sender));
    else if (h.payload) parts.push(`**${target ?? h.el.fullName}**`, msg(L, 'hover-payload-fixed'), payloadLines(L, h.payload).join('\n'));
  }
  return { markdown: parts.filter(Boolean).join('\n\n'), range: nameRange };
}

/** The handler record of an element, if its function was found. */
export function handlerOf(index: WorkspaceIndex, el: ElementRecord) {
  return flowGraph(index).handlersByEl.get(el.path);
}
