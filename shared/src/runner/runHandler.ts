/**
 * Runs one event handler in a Python child process through the harness (shared/python/jitai_run.py)
 * and turns what happened into a RunResult. Timeout and cancel kill the whole process group.
 *
 * Channels: the request goes in on stdin; the handler's stdout/stderr are fds 1/2, captured as is;
 * the harness writes its result only to fd 3 (POSIX) or to a temp file (Windows, where extra pipes
 * are not reliably visible to Python), so handler output can never be mistaken for the result.
 */
import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import type { ChildProcess } from 'node:child_process';
import type { Readable } from 'node:stream';
import { formatMessage, type Localize } from '../l10n';
import { CappedOutput, OUTPUT_LIMIT_BYTES } from './cappedOutput';
import { defaultHarnessPath } from './harnessPath';
import { parseHarnessChannel } from './harnessResult';
import { killProcessTree, spawnInOwnGroup } from './processTree';
import { uriToPath } from '../protocol/uris';
import type { HarnessRequest, RunRequest, RunResult } from './types';

const RESULT_LIMIT_BYTES = 64 * 1024 * 1024;
/** After a kill, how long to wait for the pipes to close before giving up on them. */
const CLOSE_GRACE_MS = 3000;

export type ResultChannel = 'fd' | 'file';

export interface RunInternals {
  /** Forces the result channel (tests exercise the Windows file channel on Linux). */
  resultChannel?: ResultChannel;
}

/** The app folder of a request as a path (a non-`file:` URI is kept as is and fails checkSetup). */
function appRootOf(req: RunRequest): string {
  return uriToPath(req.handler.appRootUri) ?? req.handler.appRootUri;
}

/** The JSON request the harness reads on stdin: the wire HandlerInfo's URIs become paths here. */
export function harnessRequest(req: RunRequest, token?: string): HarnessRequest {
  const h = req.handler;
  return {
    token,
    appRoot: appRootOf(req),
    fullName: h.fullName,
    funcType: h.funcType,
    modulePath: h.moduleUri === undefined ? undefined : uriToPath(h.moduleUri) ?? h.moduleUri,
    functionName: h.functionName,
    className: h.className,
    serviceFullName: h.serviceFullName,
    kind: h.kind,
    args: req.args,
    kwargs: req.kwargs,
  };
}

/** Problems that would otherwise surface as a misleading spawn error (a missing cwd reads as ENOENT). */
function checkSetup(appRoot: string, harness: string, t: Localize): RunResult['error'] | undefined {
  let isDir = false;
  try { isDir = statSync(appRoot).isDirectory(); } catch { isDir = false; }
  if (!isDir) return { type: 'AppRootNotFound', message: t('App folder not found: {0}', appRoot), traceback: '', frames: [] };
  if (!existsSync(harness)) {
    return { type: 'HarnessNotFound', message: t('The Python harness is missing: {0} (reinstall the extension)', harness), traceback: '', frames: [] };
  }
  return undefined;
}

function baseResult(req: RunRequest, status: RunResult['status'], started: number): RunResult {
  return {
    status, stdout: '', stderr: '', published: [], standIns: [],
    durationMs: Math.round(performance.now() - started), pythonPath: req.pythonPath,
  };
}

export function runHandler(req: RunRequest, internals: RunInternals = {}): Promise<RunResult> {
  const started = performance.now();
  if (req.signal?.aborted) return Promise.resolve(baseResult(req, 'cancelled', started));

  const harness = req.harnessPath ?? defaultHarnessPath();
  const appRoot = appRootOf(req);
  const setupProblem = checkSetup(appRoot, harness, req.t ?? formatMessage);
  if (setupProblem) return Promise.resolve({ ...baseResult(req, 'crashed', started), error: setupProblem });

  const channel: ResultChannel = internals.resultChannel ?? (process.platform === 'win32' ? 'file' : 'fd');
  const tempDir = channel === 'file' ? mkdtempSync(join(tmpdir(), 'jitai-run-')) : undefined;
  const resultFile = tempDir ? join(tempDir, 'result.json') : undefined;
  const args = ['-B', '-u', harness, ...(resultFile ? ['--result-file', resultFile] : ['--result-fd', '3'])];

  // Only the real harness knows this token (it arrives on stdin): a result without it is not the result.
  const token = randomBytes(16).toString('hex');

  return new Promise<RunResult>((resolve) => {
    const stdout = new CappedOutput(OUTPUT_LIMIT_BYTES, req.onOutput && ((t) => req.onOutput!('stdout', t)));
    const stderr = new CappedOutput(OUTPUT_LIMIT_BYTES, req.onOutput && ((t) => req.onOutput!('stderr', t)));
    const resultBytes = new CappedOutput(RESULT_LIMIT_BYTES);
    let stopReason: 'timeout' | 'cancelled' | undefined;
    let spawnError: Error | undefined;
    let exit: { code: number | null; signal: NodeJS.Signals | null } | undefined;
    let settled = false;
    let graceTimer: NodeJS.Timeout | undefined;

    let child: ChildProcess;
    try {
      child = spawnInOwnGroup(req.pythonPath, args, {
        cwd: appRoot,
        env: { ...(req.env ?? process.env), PYTHONIOENCODING: 'utf-8' },
        stdio: channel === 'fd' ? ['pipe', 'pipe', 'pipe', 'pipe'] : ['pipe', 'pipe', 'pipe'],
      });
    } catch (e) {
      // Invalid arguments (an empty path, a NUL byte) throw instead of emitting 'error'.
      if (tempDir) rmSync(tempDir, { recursive: true, force: true });
      resolve(buildResult(req, started, { stdout: '', stderr: '', resultText: '', token, spawnError: e as Error, resultTruncated: false }));
      return;
    }

    const stop = (reason: 'timeout' | 'cancelled') => {
      if (stopReason || settled) return;
      // The harness already exited (its result is in): only the pipes are pending, stop waiting.
      if (exit) { finish(); return; }
      stopReason = reason;
      killProcessTree(child);
      // Pipes held open by a process outside the group must not hang the run.
      graceTimer = setTimeout(finish, CLOSE_GRACE_MS);
    };
    // timeoutMs <= 0, NaN or Infinity: no timeout (setTimeout would turn an overflow into 1 ms).
    const timer = Number.isFinite(req.timeoutMs) && req.timeoutMs > 0
      ? setTimeout(() => stop('timeout'), Math.min(req.timeoutMs, 2 ** 31 - 1)) : undefined;
    const onAbort = () => stop('cancelled');
    req.signal?.addEventListener('abort', onAbort, { once: true });

    function finish(): void {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      if (graceTimer) clearTimeout(graceTimer);
      req.signal?.removeEventListener('abort', onAbort);
      for (const s of child.stdio) (s as Readable | null)?.destroy?.();
      let resultText = resultBytes.buffer().toString('utf8');
      if (resultFile) {
        try { resultText = readFileSync(resultFile, 'utf8'); } catch { resultText = ''; }
      }
      if (tempDir) rmSync(tempDir, { recursive: true, force: true });
      resolve(buildResult(req, started, {
        stdout: stdout.text(req.t), stderr: stderr.text(req.t), resultText, token, stopReason, spawnError, exit,
        resultTruncated: resultBytes.truncatedBytes > 0,
      }));
    }

    child.stdout?.on('data', (c: Buffer) => stdout.push(c));
    child.stderr?.on('data', (c: Buffer) => stderr.push(c));
    (child.stdio[3] as Readable | undefined)?.on('data', (c: Buffer) => resultBytes.push(c));
    for (const s of child.stdio) (s as Readable | null)?.on?.('error', () => { /* EPIPE when python died early */ });
    child.on('error', (e) => { spawnError = e; finish(); });
    child.on('exit', (code, signal) => {
      exit = { code, signal };
      // Leftovers of the handler (background children) would keep the pipes open: end them too.
      // (POSIX only: the group outlives its leader; taskkill /T cannot walk a tree whose root exited.)
      if (process.platform !== 'win32') killProcessTree(child);
      // A process that left the group (setsid) may still hold a pipe: do not wait for it forever.
      if (!graceTimer) graceTimer = setTimeout(finish, CLOSE_GRACE_MS);
    });
    child.on('close', finish);

    child.stdin?.end(JSON.stringify(harnessRequest(req, token)), 'utf8');
  });
}

export interface Collected {
  stdout: string;
  stderr: string;
  resultText: string;
  token: string;
  stopReason?: 'timeout' | 'cancelled';
  spawnError?: Error;
  exit?: { code: number | null; signal: NodeJS.Signals | null };
  resultTruncated: boolean;
}

/** The RunResult from what a run collected (also used for a debug session's result file). */
export function buildResult(req: RunRequest, started: number, c: Collected): RunResult {
  const t = req.t ?? formatMessage;
  const result = baseResult(req, 'crashed', started);
  result.stdout = c.stdout;
  result.stderr = c.stderr;
  const channel = parseHarnessChannel(c.resultText, c.token, t);
  if (c.stopReason) {
    result.status = c.stopReason;
    result.published = channel.streamed;
    return result;
  }
  if (c.spawnError) {
    result.error = {
      type: 'PythonNotStarted',
      message: t('Could not start {0}: {1}', req.pythonPath, c.spawnError.message),
      traceback: '', frames: [],
    };
    return result;
  }
  const parsed = c.resultTruncated ? { ok: false as const, reason: t('the harness result is too large') } : channel.result;
  if (!parsed.ok) {
    const how = c.exit?.signal ? t('was killed by {0}', c.exit.signal) : t('exited with code {0}', c.exit?.code ?? '?');
    result.published = channel.streamed;
    result.error = {
      type: 'HarnessCrashed',
      message: t('Python {0} before reporting a result ({1})', how, parsed.reason),
      traceback: c.stderr, frames: [],
    };
    return result;
  }
  const o = parsed.outcome;
  result.status = o.status;
  result.published = o.published;
  result.standIns = o.standIns;
  if (o.returnValue !== undefined) result.returnValue = o.returnValue;
  if (o.returnRepr !== undefined) result.returnRepr = o.returnRepr;
  if (o.error) result.error = o.error;
  if (o.pythonVersion) result.pythonVersion = o.pythonVersion;
  return result;
}
