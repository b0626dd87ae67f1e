/**
 * The harness's result object (one JSON document on the result channel) and its validation into
 * the parts of a RunResult. Anything malformed is reported as a parse failure, never thrown.
 */
import { formatMessage, type Localize } from '../l10n';
import type { PublishedEvent, RunResult, TraceFrame } from './types';

export type HarnessOutcome = Pick<RunResult, 'returnValue' | 'returnRepr' | 'published' | 'error' | 'standIns' | 'pythonVersion'> & {
  status: 'ok' | 'error';
};

export type ParsedHarnessResult = { ok: true; outcome: HarnessOutcome } | { ok: false; reason: string };

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function asString(value: unknown, fallback = ''): string {
  return typeof value === 'string' ? value : fallback;
}

function toFrame(value: unknown): TraceFrame | undefined {
  if (!isRecord(value) || typeof value.file !== 'string' || typeof value.line !== 'number') return undefined;
  return { file: value.file, line: value.line, name: asString(value.name, '?') };
}

function toEvent(value: unknown): PublishedEvent | undefined {
  if (!isRecord(value)) return undefined;
  const event: PublishedEvent = {
    sender: typeof value.sender === 'string' ? value.sender : JSON.stringify(value.sender ?? null),
    args: Array.isArray(value.args) ? value.args : [],
    kwargs: isRecord(value.kwargs) ? value.kwargs : {},
  };
  if (typeof value.file === 'string') event.file = value.file;
  if (typeof value.line === 'number') event.line = value.line;
  return event;
}

/**
 * `token`, when given, must equal the result's token (the one sent to the harness on stdin).
 * `t` localizes the reasons (they end up in the HarnessCrashed message).
 */
export function parseHarnessResult(text: string, token?: string, t: Localize = formatMessage): ParsedHarnessResult {
  if (!text.trim()) return { ok: false, reason: t('the harness wrote no result') };
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (e) {
    return { ok: false, reason: t('the harness result is not JSON ({0})', (e as Error).message) };
  }
  if (!isRecord(data) || (data.status !== 'ok' && data.status !== 'error')) {
    return { ok: false, reason: t('the harness result has no valid status') };
  }
  if (token !== undefined && data.token !== token) return { ok: false, reason: t('the result does not carry the run token') };
  const outcome: HarnessOutcome = {
    status: data.status,
    published: Array.isArray(data.published) ? data.published.map(toEvent).filter((e): e is PublishedEvent => !!e) : [],
    standIns: Array.isArray(data.standIns) ? data.standIns.filter((s): s is string => typeof s === 'string') : [],
  };
  if ('returnValue' in data) outcome.returnValue = data.returnValue;
  if (typeof data.returnRepr === 'string') outcome.returnRepr = data.returnRepr;
  if (typeof data.pythonVersion === 'string') outcome.pythonVersion = data.pythonVersion;
  if (data.status === 'error') {
    const err = isRecord(data.error) ? data.error : {};
    outcome.error = {
      type: asString(err.type, 'Exception'),
      message: asString(err.message),
      traceback: asString(err.traceback),
      frames: Array.isArray(err.frames) ? err.frames.map(toFrame).filter((f): f is TraceFrame => !!f) : [],
    };
  }
  return { ok: true, outcome };
}

export interface HarnessChannel {
  /** The final result line, parsed (or why there is none). */
  result: ParsedHarnessResult;
  /** Events streamed while the handler ran: what a run that timed out or was cancelled published. */
  streamed: PublishedEvent[];
}

/** Reads the result channel: JSON lines of `{token, published}` events, then one `{token, status…}` result. */
export function parseHarnessChannel(text: string, token?: string, t: Localize = formatMessage): HarnessChannel {
  const streamed: PublishedEvent[] = [];
  let last = '';
  for (const line of text.split('\n')) {
    if (!line.trim()) continue;
    let data: unknown;
    try { data = JSON.parse(line); } catch { last = line; continue; }
    if (isRecord(data) && 'published' in data && !('status' in data)) {
      if (token === undefined || data.token === token) {
        const event = toEvent(data.published);
        if (event) streamed.push(event);
      }
      continue;
    }
    last = line;
  }
  return { result: parseHarnessResult(last, token, t), streamed };
}
