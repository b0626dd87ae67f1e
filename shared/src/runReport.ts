/**
 * The one renderer of a Run-handler result: the "JitAi Events: Run" output channel and `jitai-events run`
 * both print these lines, and the notification uses the one-line summary. Pure (no vscode import);
 * `t` localizes, `paint` styles (ANSI colours in a terminal, nothing in the output channel). File
 * locations are written as `absolute/path:line` so the output channel and terminals make them clickable.
 */
import type { HandlerInfo } from './protocol/types';
import { uriToPath } from './protocol/uris';
import { formatMessage, type Localize } from './l10n';
import { describePayload, type Payload } from './runner/payloadJson';
import type { RunResult } from './runner/types';

export interface RunLabel {
  fullName: string;
  /** e.g. `Inner → inner.py customFunc`. */
  handler: string;
  appRoot: string;
}

/** What a piece of the report is, for `paint`. */
export type ReportStyle = 'heading' | 'ok' | 'warning' | 'error' | 'sender';
export type Paint = (style: ReportStyle, text: string) => string;

export interface ReportOptions {
  /** Write stdout/stderr sections (false when the output was already streamed live). Default true. */
  includeOutput?: boolean;
  /** Styles a piece of text; plain text by default. */
  paint?: Paint;
}

const plain: Paint = (_style, text) => text;

/** The label of a handler: its fullName, what runs (`Inner → inner.py customFunc`) and its app. */
export function runLabel(info: HandlerInfo): RunLabel {
  const where = info.funcType === 'Inner' ? `inner.py ${info.functionName}` : `${info.serviceFullName ?? '?'}.${info.functionName}`;
  return { fullName: info.fullName, handler: `${info.funcType} → ${where}`, appRoot: uriToPath(info.appRootUri) ?? info.appRootUri };
}

function section(title: string, body: string, paint: Paint): string[] {
  const text = body.replace(/\s+$/, '');
  return text ? [paint('heading', `── ${title} ──`), text] : [];
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
const STATUS_STYLE: Record<RunResult['status'], ReportStyle> = { ok: 'ok', error: 'error', timeout: 'warning', cancelled: 'warning', crashed: 'error' };

function returnText(result: RunResult): string {
  return result.returnRepr ?? (result.returnValue === undefined ? 'None' : JSON.stringify(result.returnValue));
}

/** The lines written before the handler runs. */
export function formatRunHeader(label: RunLabel, payload: Payload, python: { path: string; version?: string }, t: Localize = formatMessage,
  paint: Paint = plain): string[] {
  return [
    paint('heading', `▶ ${label.fullName}  (${label.handler})`),
    `  ${t('App')}: ${label.appRoot}`,
    `  ${t('Payload')}: ${describePayload(payload, 2000)}`,
    `  ${t('Python')}: ${python.path}${python.version ? ` (${python.version})` : ''}`,
  ];
}

/** Full report lines: the header, then the outcome. */
export function formatRunReport(label: RunLabel, payload: Payload, result: RunResult, t: Localize = formatMessage, opts: ReportOptions = {}): string[] {
  return [...formatRunHeader(label, payload, { path: result.pythonPath, version: result.pythonVersion }, t, opts.paint), ...formatRunOutcome(label, result, t, opts)];
}

/**
 * What happened: stand-ins, output (unless it was already streamed live), return value, published
 * events, the exception with clickable frames, and the final status line.
 */
export function formatRunOutcome(label: RunLabel, result: RunResult, t: Localize = formatMessage, opts: ReportOptions = {}): string[] {
  const paint = opts.paint ?? plain;
  const lines: string[] = [];
  if (result.standIns.length) {
    lines.push(`  ${t('Stand-ins (the JitAi runtime is not importable here)')}: ${result.standIns.join(', ')}`);
  }
  if (opts.includeOutput ?? true) {
    lines.push(...section('stdout', result.stdout, paint));
    lines.push(...section('stderr', result.stderr, paint));
  }
  if (result.status === 'ok') lines.push(`${t('Return value')}: ${returnText(result)}`);
  if (result.published.length) {
    lines.push(paint('heading', t('Published events ({0}):', result.published.length)));
    for (const p of result.published) {
      const where = p.file ? `  ${t('at')} ${p.file}${p.line ? ':' + p.line : ''}` : '';
      lines.push(`  ${paint('sender', p.sender)}  ${describePayload({ args: p.args ?? [], kwargs: p.kwargs ?? {} }, 400)}${where}`);
    }
  } else {
    lines.push(t('Published events: none'));
  }
  if (result.error) {
    lines.push(paint('error', `${result.error.type}: ${result.error.message}`));
    for (const f of result.error.frames) lines.push(`  ${t('at')} ${f.file}:${f.line}  ${f.name}`);
    if (result.error.traceback && result.error.frames.length === 0) lines.push(...section(t('Traceback'), result.error.traceback, paint));
  }
  const status = `${STATUS_MARK[result.status]} ${label.fullName} ${statusText(result, t)} ${t('in {0} ms', Math.round(result.durationMs))}`;
  lines.push(paint(STATUS_STYLE[result.status], status));
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
      const value = returnText(result);
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
