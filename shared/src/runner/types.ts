/**
 * Types of the Run-handler runner: what to run (RunRequest), what happened (RunResult), and which
 * Python to run it with (PythonFound / PythonMissing). Pure data; no vscode imports anywhere in
 * shared/src/runner so the VS Code client and the CLI share the same runner.
 */
import type { HandlerInfo } from '../protocol/types';
import type { Localize } from '../l10n';

export interface RunRequest {
  /** As the server sends it (URIs); the runner turns it into a HarnessRequest (paths). */
  handler: HandlerInfo;
  args: unknown[];
  kwargs: Record<string, unknown>;
  pythonPath: string;
  /** Kills the run after this many ms; 0 (or not finite) means no timeout. */
  timeoutMs: number;
  signal?: AbortSignal;
  /** Defaults to defaultHarnessPath(). */
  harnessPath?: string;
  /** Environment of the Python process; defaults to process.env. */
  env?: NodeJS.ProcessEnv;
  /** Optional: called with each chunk of the handler's output as it arrives (live Output channel). */
  onOutput?: (stream: 'stdout' | 'stderr', text: string) => void;
  /** Localizes the runner's own messages (vscode.l10n.t, or loadBundle in the CLI); English by default. */
  t?: Localize;
}

/** The JSON the harness reads on stdin, as shared/python/jitai_run.py's docstring describes it. Paths, not URIs. */
export interface HarnessRequest {
  /** Proves a result line comes from the harness (see runHandler.ts). */
  token?: string;
  appRoot: string;
  fullName: string;
  funcType: 'Inner' | 'Global';
  modulePath?: string;
  functionName: string;
  className?: string;
  serviceFullName?: string;
  kind: HandlerInfo['kind'];
  args: unknown[];
  kwargs: Record<string, unknown>;
}

export interface PublishedEvent {
  sender: string;
  args: unknown[];
  kwargs: Record<string, unknown>;
  /** Where `app.event.publish` was called (absolute path, 1-based line). */
  file?: string;
  line?: number;
}

/** One traceback frame in user code (harness frames are left out), outermost first. */
export interface TraceFrame { file: string; line: number; name: string }

export type RunStatus = 'ok' | 'error' | 'timeout' | 'cancelled' | 'crashed';

export interface RunResult {
  status: RunStatus;
  /** The handler's return value when JSON-serializable. */
  returnValue?: unknown;
  /** repr() of the return value (always set when the handler returned). */
  returnRepr?: string;
  stdout: string;
  stderr: string;
  published: PublishedEvent[];
  error?: { type: string; message: string; traceback: string; frames: TraceFrame[] };
  /** Which JitAi modules/objects were emulated by stand-ins (only those imported or touched). */
  standIns: string[];
  durationMs: number;
  pythonPath: string;
  pythonVersion?: string;
}

export type PythonFound = { path: string; version: string; source: 'setting' | 'python-extension' | 'path' };
export type PythonMissing = { error: string; fix: string };

export interface FindPythonOptions {
  /** `jitaiEvents.pythonPath` when set. */
  configured?: string;
  /** The Python extension's active interpreter, when that extension is installed. */
  pythonExtensionPath?: string;
  env?: NodeJS.ProcessEnv;
  /** Localizes the error and fix messages; English by default. */
  t?: Localize;
}
