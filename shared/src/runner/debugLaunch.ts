/**
 * Debug handler: the same harness and payload as Run handler, started under debugpy. Pure Node (no
 * vscode import): builds the launch configuration for the Python Debugger extension (`debugpy`),
 * writes the request file the harness reads with `--request-file`, and turns the result file the
 * harness wrote into the RunResult the run report shows.
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { formatMessage, type Localize } from '../l10n';
import { uriToPath } from '../protocol/uris';
import { buildResult, harnessRequest } from './runHandler';
import type { RunRequest, RunResult } from './types';

/** The extension that provides the `debugpy` debug type. */
export const PYTHON_DEBUGGER_EXTENSION = 'ms-python.debugpy';

/** A debugpy `launch` configuration (the fields the Python Debugger extension and debugpy's adapter read). */
export interface DebugLaunchConfig {
  type: 'debugpy';
  request: 'launch';
  name: string;
  program: string;
  args: string[];
  cwd: string;
  python: string;
  justMyCode: true;
  console: 'internalConsole';
  env: Record<string, string>;
}

/** Where one debug run keeps its request and result, and the token only the real harness echoes. */
export interface DebugRunFiles { dir: string; requestFile: string; resultFile: string; token: string }

export interface DebugLaunchInput {
  /** As for Run: the handler, payload and interpreter (timeoutMs and signal are not used: the user stops a debug session). */
  request: Pick<RunRequest, 'handler' | 'args' | 'kwargs' | 'pythonPath'>;
  harnessPath: string;
  files: Pick<DebugRunFiles, 'requestFile' | 'resultFile'>;
}

/** The launch configuration: the harness as `program`, the request and result files as its arguments, the app root as cwd. */
export function debugLaunchConfig(i: DebugLaunchInput): DebugLaunchConfig {
  const h = i.request.handler;
  return {
    type: 'debugpy',
    request: 'launch',
    name: `Debug ${h.fullName}`,
    program: i.harnessPath,
    args: ['--request-file', i.files.requestFile, '--result-file', i.files.resultFile],
    cwd: uriToPath(h.appRootUri) ?? h.appRootUri,
    python: i.request.pythonPath,
    justMyCode: true,
    console: 'internalConsole',
    env: { PYTHONIOENCODING: 'utf-8' },
  };
}

/** Writes the harness request (same JSON Run sends on stdin) to a fresh temp folder. */
export function writeDebugRequest(request: Pick<RunRequest, 'handler' | 'args' | 'kwargs' | 'pythonPath'>): DebugRunFiles {
  const dir = mkdtempSync(join(tmpdir(), 'jitai-debug-'));
  const token = randomBytes(16).toString('hex');
  const files = { dir, requestFile: join(dir, 'request.json'), resultFile: join(dir, 'result.json'), token };
  writeFileSync(files.requestFile, JSON.stringify(harnessRequest({ ...request, timeoutMs: 0 }, token)), 'utf8');
  return files;
}

/**
 * The RunResult of a finished debug session from its result file (a session stopped before the
 * handler finished has none: a crash result says so). The handler's output went to the Debug Console.
 */
export function readDebugResult(files: DebugRunFiles, request: Pick<RunRequest, 'pythonPath'>, startedAt: number, t: Localize = formatMessage): RunResult {
  let resultText = '';
  try { resultText = readFileSync(files.resultFile, 'utf8'); } catch { resultText = ''; }
  const req = { ...request, t } as RunRequest;
  return buildResult(req, startedAt, { stdout: '', stderr: '', resultText, token: files.token, resultTruncated: false });
}

/** Removes the request and result files. */
export function removeDebugFiles(files: DebugRunFiles): void {
  rmSync(files.dir, { recursive: true, force: true });
}
