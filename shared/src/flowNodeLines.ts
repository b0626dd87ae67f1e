/** The text lines of an event-flow node, the same in the webview boxes and in `jitai-events graph` output. */
import type { FlowNode } from './protocol/types';

/** Label, then the title when it differs, then the detail (not for events: their detail is the sender, shown by the graph). */
export function flowNodeLines(n: FlowNode, maxChars = Infinity): string[] {
  const lines = [n.label];
  if (n.title && n.title !== n.label) lines.push(n.title);
  if (n.detail && n.detail !== n.label && n.kind !== 'event') lines.push(n.detail);
  return lines.map((l) => (l.length > maxChars ? `${l.slice(0, maxChars - 1)}…` : l));
}
