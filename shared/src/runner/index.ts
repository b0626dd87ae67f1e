/**
 * Run handler engine: run one JitAi event handler locally in Python and report what happened.
 * Pure Node (no vscode imports): used by the VS Code client and by `jitai-events run`.
 */
export type {
  FindPythonOptions, HarnessRequest, PublishedEvent, PythonFound, PythonMissing, RunRequest, RunResult, RunStatus, TraceFrame,
} from './types';
export { runHandler, harnessRequest } from './runHandler';
export type { RunInternals, ResultChannel } from './runHandler';
export { findPython, probePython, isSupportedVersion, MIN_PYTHON } from './findPython';
export type { PythonProbe } from './findPython';
export { defaultHarnessPath } from './harnessPath';
export { parseHarnessChannel, parseHarnessResult } from './harnessResult';
export type { HarnessChannel } from './harnessResult';
export { killProcessTree, spawnInOwnGroup } from './processTree';
export { OUTPUT_LIMIT_BYTES } from './cappedOutput';
export { debugLaunchConfig, writeDebugRequest, readDebugResult, removeDebugFiles, PYTHON_DEBUGGER_EXTENSION } from './debugLaunch';
export type { DebugLaunchConfig, DebugLaunchInput, DebugRunFiles } from './debugLaunch';

import type { PythonFound, PythonMissing } from './types';
/** Narrows findPython's answer. */
export function isPythonMissing(found: PythonFound | PythonMissing): found is PythonMissing {
  return 'error' in found;
}
