/** What "JitAi: Show Event Flow" was given, as jitai/flowGraph parameters. Pure (no vscode import). */
import type { FlowGraphParams } from '../../../shared/src/protocol/types';

/** An events-tree event node (its `sender` and `location`), `{ sender, uri?, depth? }`, or anything else (the whole workspace). */
export function flowParamsOf(arg: unknown, depth: number): FlowGraphParams {
  const a = arg as { sender?: unknown; uri?: unknown; depth?: unknown; location?: { uri?: unknown } } | null | undefined;
  if (!a || typeof a !== 'object' || typeof a.sender !== 'string') return {};
  const uri = typeof a.uri === 'string' ? a.uri : typeof a.location?.uri === 'string' ? a.location.uri : undefined;
  const d = typeof a.depth === 'number' && Number.isInteger(a.depth) && a.depth >= 1 ? a.depth : depth;
  return { sender: a.sender, depth: d, ...(uri ? { uri } : {}) };
}
