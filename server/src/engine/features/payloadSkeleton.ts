/**
 * The payload shape for Run handler: a skeleton payload (every key with a placeholder by type:
 * "" for strings, 0 for numbers, false, null) and the flat list of keys with types and always/sometimes.
 */
import type { PayloadKeyInfo } from '../../../../shared/src/protocol/types';
import { alwaysSent, skeletonOf, typeLabel, type Payload, type PayloadNode } from '../domain/payloads';

/** `{ args, kwargs }` with placeholders where the publishers' values go. */
export function payloadSkeleton(p: Payload): { args: unknown[]; kwargs: Record<string, unknown> } {
  return { args: p.args.items.map(skeletonOf), kwargs: skeletonOf(p.kwargs) as Record<string, unknown> };
}

function keysOf(prefix: string, parent: PayloadNode, out: PayloadKeyInfo[]): void {
  for (const [k, c] of parent.keys) {
    out.push({ path: `${prefix}.${k}`, type: typeLabel(c), always: alwaysSent(parent, c) });
    if (c.dicts > 0) keysOf(`${prefix}.${k}`, c, out);
  }
}

/** Every position and key of a payload, flattened: `args[0]`, `args[0].orderId`, `kwargs.source`. */
export function payloadKeyInfo(p: Payload): PayloadKeyInfo[] {
  const out: PayloadKeyInfo[] = [];
  p.args.items.forEach((n, i) => {
    out.push({ path: `args[${i}]`, type: typeLabel(n), always: alwaysSent(p.args, n) });
    if (n.dicts > 0) keysOf(`args[${i}]`, n, out);
  });
  keysOf('kwargs', p.kwargs, out);
  return out;
}
