/**
 * The Run-handler runner lives with the server code (pure Node, shared with the CLI); the client
 * reaches it only through this module.
 */
export { runHandler, findPython, defaultHarnessPath } from '../../shared/src/runner';
export type { RunResult } from '../../shared/src/runner';
