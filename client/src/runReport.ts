/**
 * The text of a Run-handler result as shown in the "JitAi Events: Run" output channel, and the
 * one-line summary notification. Pure (no vscode import). File locations are written as
 * `absolute/path:line` so the output channel makes them clickable.
 */
import { formatMessage, type Localize } from './localize';
import { describePayload, type Payload } from './payload';
import type { RunResult } from './runner';

export interface RunLabel {
  fullName: string;
  /** e.g. `Inner → inner.py customFunc`. */
  handler: string;
  appRoot: string;
}

function section(title: string, body: string): string[] {
  const text = body.replace(/\s+$/, '');
  return text ? [`── ${title} ──`, text] : [];
}

function statusText(result: RunResult, t: Localize): string {
  switch (result.status) {
    case 'ok': return t('finished');
    case 'error': return t('raised an exception');
    case 'timeout': return t('timed out');
    case 'cancelled': return t('was cancelled');
    default: return t('crashed');
  }
}

const STATUS_MARK: Record<RunResult['status'], string> = { ok: '✔', error: '✖', timeout: '⏱', cancelled: '■', crashed: '✖' };

/** The lines written before the handler runs. */
export function formatRunHeader(label: RunLabel, payload: Payload, python: { path: string; version?: string }, t: Localize = formatMessage): string[] {
  return [
    `▶ ${label.fullName}  (${label.handler})`,
    `  ${t('App')}: ${label.appRoot}`,
    `  ${t('Payload')}: ${describePayload(payload, 2000)}`,
    `  ${t('Python')}: ${python.path}${python.version ? ` (${python.version})` : ''}`,
  ];
}

/** Full report lines for the output channel. */
export function formatRunReport(label: RunLabel, payload: Payload, result: RunResult, t: Localize = formatMessage): string[] {
  return [...formatRunHeader(label, payload, { path: result.pythonPath, version: result.pythonVersion }, t), ...formatRunOutcome(label, result, t)];
}

/**
 * What happened: stand-ins, output (unless it was already streamed live), return value, published
 * events, the exception with clickable frames, and the final status line.
 */
export function formatRunOutcome(label: RunLabel, result: RunResult, t: Localize = formatMessage, includeOutput = true): string[] {
  const lines: string[] = [];
  if (result.standIns.length) {
    lines.push(`  ${t('Stand-ins (the JitAi runtime is not importable here)')}: ${result.standIns.join(', ')}`);
  }
  if (includeOutput) {
    lines.push(...section('stdout', result.stdout));
    lines.push(...section('stderr', result.stderr));
  }
  if (result.status === 'ok') {
    const value = result.returnRepr ?? (result.returnValue === undefined ? 'None' : JSON.stringify(result.returnValue));
    lines.push(`${t('Return value')}: ${value}`);
  }
  if (result.published.length) {
    lines.push(t('Published events ({0}):', result.published.length));
    for (const p of result.published) {
      const where = p.file ? `  ${t('at')} ${p.file}${p.line ? ':' + p.line : ''}` : '';
      lines.push(`  ${p.sender}  ${describePayload({ args: p.args ?? [], kwargs: p.kwargs ?? {} }, 400)}${where}`);
    }
  } else {
    lines.push(t('Published events: none'));
  }
  if (result.error) {
    lines.push(`${result.error.type}: ${result.error.message}`);
    for (const f of result.error.frames) lines.push(`  ${t('at')} ${f.file}:${f.line}  ${f.name}`);
    if (result.error.traceback && result.error.frames.length === 0) lines.push(...section(t('Traceback'), result.error.traceback));
  }
  lines.push(`${STATUS_MARK[result.status]} ${label.fullName} ${statusText(result, t)} ${t('in {0} ms', Math.round(result.durationMs))}`);
  return lines;
}

/** One-line summary for the notification. */
export function summarizeRun(fullName: string, result: RunResult, t: Localize = formatMessage): string {
  const published = result.published.length
    ? ' ' + (result.published.length === 1 ? t('Published 1 event.') : t('Published {0} events.', result.published.length))
    : '';
  const standIns = result.standIns.length ? ' ' + t('(JitAi stand-ins used)') : '';
  switch (result.status) {
    case 'ok': {
      const value = result.returnRepr ?? (result.returnValue === undefined ? 'None' : JSON.stringify(result.returnValue));
      const shown = value.length > 60 ? value.slice(0, 59) + '…' : value;
      return t('{0} returned {1} in {2} ms.', fullName, shown, Math.round(result.durationMs)) + published + standIns;
    }
    case 'error':
      return t('{0} raised {1}: {2}', fullName, result.error?.type ?? 'Exception', result.error?.message ?? '') + published;
    case 'timeout':
      return t('{0} timed out after {1} s and was stopped.', fullName, Math.round(result.durationMs / 1000));
    case 'cancelled':
      return t('{0} was cancelled.', fullName);
    default:
      return t('The Python process running {0} crashed: {1}', fullName, (result.error?.message ?? result.stderr.trim().split('\n').pop()) || '?');
  }
}
