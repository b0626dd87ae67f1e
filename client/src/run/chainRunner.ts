/**
 * "Run chain": run a handler, then dispatch every event it published to the local subscribers of
 * that sender, level by level up to a depth limit. Pure orchestration (no vscode import): running
 * a handler and asking the server who subscribes are injected.
 */
import { formatMessage, type Localize } from '../../../shared/src/l10n';
import type { Payload } from './payload';
import type { HandlerTarget } from '../../../shared/src/protocol/types';
import type { RunResult } from '../../../shared/src/runner';

export interface ChainStep {
  depth: number;
  target: HandlerTarget;
  payload: Payload;
  /** The published event that triggered this step (absent for the first handler). */
  trigger?: { sender: string; from: string };
  result?: RunResult;
  /** Set when the step could not run (e.g. the handler has a problem). */
  error?: string;
  children: ChainStep[];
  /** Published senders nobody subscribes to locally. */
  unhandled: string[];
  /** True when children were not dispatched because the depth or run limit was reached. */
  truncated: boolean;
}

export interface ChainDeps {
  run(target: HandlerTarget, payload: Payload): Promise<RunResult>;
  subscribersOf(appRootUri: string, sender: string): Promise<string[]>;
  /** Levels of dispatch after the first handler (1 = only its direct subscribers). */
  maxDepth: number;
  /** Safety net against fan-out; default 50 handler runs. */
  maxRuns?: number;
  isCancelled?(): boolean;
  onStep?(step: ChainStep): void;
}

/** Runs the chain breadth-first. Pass `firstResult` to start from a run that already happened. */
export async function runChain(target: HandlerTarget, payload: Payload, deps: ChainDeps, firstResult?: RunResult): Promise<ChainStep> {
  const maxRuns = deps.maxRuns ?? 50;
  let runs = 0;
  const root: ChainStep = { depth: 0, target, payload, children: [], unhandled: [], truncated: false };
  const execute = async (step: ChainStep, given?: RunResult) => {
    try {
      step.result = given ?? (runs++, await deps.run(step.target, step.payload));
    } catch (err) {
      step.error = err instanceof Error ? err.message : String(err);
    }
    deps.onStep?.(step);
  };
  await execute(root, firstResult);
  let level: ChainStep[] = [root];
  while (level.length) {
    const next: ChainStep[] = [];
    for (const step of level) {
      const published = step.result?.published ?? [];
      if (!published.length) continue;
      if (step.depth >= deps.maxDepth || deps.isCancelled?.()) { step.truncated = true; continue; }
      for (const event of published) {
        const subscribers = await deps.subscribersOf(step.target.appRootUri, event.sender);
        if (!subscribers.length) { step.unhandled.push(event.sender); continue; }
        for (const fullName of subscribers) {
          if (runs >= maxRuns || deps.isCancelled?.()) { step.truncated = true; break; }
          const child: ChainStep = {
            depth: step.depth + 1, target: { appRootUri: step.target.appRootUri, fullName },
            payload: { args: event.args ?? [], kwargs: event.kwargs ?? {} },
            trigger: { sender: event.sender, from: step.target.fullName }, children: [], unhandled: [], truncated: false,
          };
          step.children.push(child);
          await execute(child);
          next.push(child);
        }
      }
    }
    level = next;
  }
  return root;
}

function stepStatus(step: ChainStep, t: Localize): string {
  if (step.error) return t('not run: {0}', step.error);
  const r = step.result;
  if (!r) return t('not run');
  const base = r.status === 'ok' ? t('ok') : r.status === 'error' ? `${r.error?.type ?? 'Exception'}: ${r.error?.message ?? ''}`
    : r.status === 'timeout' ? t('timed out') : r.status === 'cancelled' ? t('was cancelled') : t('crashed');
  const published = r.published.length ? ' · ' + t('published {0}', r.published.length) : '';
  return `${base} · ${Math.round(r.durationMs)} ms${published}`;
}

/** The chain as an indented outline for the output channel. */
export function formatChain(root: ChainStep, maxDepth: number, t: Localize = formatMessage): string[] {
  const lines = [t('Chain from {0} (depth limit {1}):', root.target.fullName, maxDepth)];
  const walk = (step: ChainStep, indent: string) => {
    const via = step.trigger ? `${step.trigger.sender} → ` : '';
    lines.push(`${indent}└ ${via}${step.target.fullName}  ${stepStatus(step, t)}`);
    for (const sender of step.unhandled) lines.push(`${indent}    ${sender} → ${t('no local subscriber')}`);
    if (step.truncated) lines.push(`${indent}    … ${t('not dispatched further (limit reached)')}`);
    for (const child of step.children) walk(child, indent + '  ');
  };
  walk(root, '  ');
  return lines;
}

/** Every step, depth first (to write each run's report). */
export function chainSteps(root: ChainStep): ChainStep[] {
  return [root, ...root.children.flatMap(chainSteps)];
}
