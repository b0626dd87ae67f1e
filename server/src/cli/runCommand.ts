/**
 * Output of `jitai-events run`: a RunResult as human text (English or Simplified Chinese) or JSON.
 * The CLI main resolves the handler, calls runHandler, then prints one of these.
 */
import * as path from 'node:path';
import type { RunResult } from '../../../shared/src/runner';

export interface FormatRunOptions {
  color: boolean;
  /** `zh-cn` (any `zh…`) for Chinese labels; English otherwise. */
  locale?: string;
  /** Paths under this folder are shown relative to it (default: process.cwd()). */
  cwd?: string;
}

const LABELS = {
  en: {
    ok: 'OK', error: 'handler raised an exception', timeout: 'timed out, process tree killed',
    cancelled: 'cancelled, process tree killed', crashed: 'the Python process failed',
    python: 'Python', stdout: 'stdout', stderr: 'stderr', returned: 'Return value', noReturn: '(none)',
    published: 'Published events', none: 'none', at: 'at', error_: 'Error', traceback: 'Python traceback',
    standIns: 'Stand-ins used (JitAi runtime emulated locally)', noStandIns: 'Stand-ins used: none',
  },
  zh: {
    ok: '成功', error: '处理函数抛出异常', timeout: '超时，已终止整个进程树',
    cancelled: '已取消，已终止整个进程树', crashed: 'Python 进程异常退出',
    python: 'Python', stdout: '标准输出', stderr: '标准错误', returned: '返回值', noReturn: '（无）',
    published: '发布的事件', none: '无', at: '位于', error_: '错误', traceback: 'Python 调用栈',
    standIns: '使用的替身（本地模拟的 JitAi 运行时）', noStandIns: '使用的替身：无',
  },
};

function labelsFor(locale: string | undefined) {
  return locale && locale.toLowerCase().startsWith('zh') ? LABELS.zh : LABELS.en;
}

function displayPath(file: string, cwd: string): string {
  const r = path.relative(cwd, file);
  return r && !r.startsWith('..') && !path.isAbsolute(r) ? r.split(path.sep).join('/') : file;
}

function showValue(value: unknown): string {
  const compact = JSON.stringify(value);
  if (compact === undefined) return String(value);
  return compact.length <= 100 ? compact : JSON.stringify(value, null, 2);
}

function indent(text: string, prefix = '  '): string {
  return text.replace(/\n$/, '').split('\n').map((l) => prefix + l).join('\n');
}

export function formatRunResult(result: RunResult, opts: FormatRunOptions): string {
  const L = labelsFor(opts.locale);
  const cwd = opts.cwd ?? process.cwd();
  const paint = (code: string, s: string) => (opts.color ? `\x1b[${code}m${s}\x1b[0m` : s);
  const bold = (s: string) => paint('1', s);
  const out: string[] = [];

  const statusColor = result.status === 'ok' ? '32' : result.status === 'cancelled' ? '33' : '31';
  const version = result.pythonVersion ? ` ${result.pythonVersion}` : '';
  out.push(`${paint(statusColor, `${result.status}: ${L[result.status]}`)} · ${result.durationMs} ms · ${L.python}${version} (${result.pythonPath})`);

  for (const stream of ['stdout', 'stderr'] as const) {
    if (result[stream]) {
      out.push(bold(`── ${L[stream]} ──`));
      out.push(result[stream].replace(/\n$/, ''));
    }
  }

  if (result.status === 'ok') {
    const shown = result.returnValue !== undefined ? showValue(result.returnValue) : result.returnRepr ?? L.noReturn;
    out.push(`${bold(L.returned)}: ${shown}`);
  }

  if (result.published.length) {
    out.push(bold(`${L.published} (${result.published.length}):`));
    for (const e of result.published) {
      out.push(`  ${paint('36', e.sender)}  args=${JSON.stringify(e.args)} kwargs=${JSON.stringify(e.kwargs)}`);
      if (e.file) out.push(`    ${L.at} ${displayPath(e.file, cwd)}:${e.line ?? 1}`);
    }
  } else if (result.status === 'ok' || result.status === 'error') {
    out.push(`${bold(L.published)}: ${L.none}`);
  }

  if (result.error) {
    const message = result.error.message ? `${result.error.type}: ${result.error.message}` : result.error.type;
    out.push(paint('31', `${L.error_}: ${message}`));
    for (const f of [...result.error.frames].reverse()) out.push(`  ${L.at} ${displayPath(f.file, cwd)}:${f.line} (${f.name})`);
    if (result.error.traceback && result.status !== 'crashed') {
      out.push(bold(`${L.traceback}:`));
      out.push(indent(result.error.traceback));
    } else if (result.error.traceback && !result.stderr.includes(result.error.traceback)) {
      out.push(indent(result.error.traceback));
    }
  }

  out.push(result.standIns.length ? `${bold(L.standIns)}: ${result.standIns.join(', ')}` : L.noStandIns);
  return out.join('\n') + '\n';
}

/**
 * The whole RunResult as a plain JSON-safe object (pass it to JSON.stringify to print): undefined
 * fields dropped, values that JSON cannot hold already turned into JSON by the harness.
 */
export function runResultToJson(result: RunResult): Record<string, unknown> {
  return JSON.parse(JSON.stringify(result)) as Record<string, unknown>;
}

/** Process exit code for `jitai-events run`: 0 ok, 1 the handler raised, 2 timeout / cancelled / crashed. */
export function runExitCode(result: RunResult): number {
  return result.status === 'ok' ? 0 : result.status === 'error' ? 1 : 2;
}
