/** Shared helpers for the runner tests: the fixture app, HandlerInfo builders and the test Python. */
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { HandlerInfo } from '../../../shared/src/protocol/types';
import { findPython, isPythonMissing } from '../../../shared/src/runner';
import { pathToUri } from '../../../shared/src/protocol/uris';

function repoRoot(): string {
  let dir = __dirname;
  while (!existsSync(join(dir, 'test', 'fixtures-run'))) {
    const parent = dirname(dir);
    if (parent === dir) throw new Error('repository root not found from ' + __dirname);
    dir = parent;
  }
  return dir;
}

export const REPO = repoRoot();
export const APP = join(REPO, 'test', 'fixtures-run', 'crm-run');

export function innerHandler(eventName: string, kind: HandlerInfo['kind'] = 'custom'): HandlerInfo {
  return {
    appRootUri: pathToUri(APP),
    fullName: `events.${eventName}`,
    type: kind === 'model' ? 'events.ModelType' : 'events.NormalType',
    kind,
    funcType: 'Inner',
    moduleUri: pathToUri(join(APP, 'events', eventName, 'inner.py')),
    functionName: 'customFunc',
    payloads: [],
  };
}

export function globalHandler(eventName: string, service: string, method: string): HandlerInfo {
  const short = service.split('.').pop()!;
  return {
    appRootUri: pathToUri(APP),
    fullName: `events.${eventName}`,
    type: 'events.NormalType',
    kind: 'custom',
    funcType: 'Global',
    moduleUri: pathToUri(join(APP, ...service.split('.'), 'service.py')),
    functionName: method,
    serviceFullName: service,
    className: short,
    payloads: [],
  };
}

let cached: Promise<string> | undefined;
/** The interpreter the tests run with (real python3 from PATH, as users without settings get). */
export function testPython(): Promise<string> {
  cached ??= findPython({}).then((found) => {
    if (isPythonMissing(found)) throw new Error(`tests need python3: ${found.error}`);
    return found.path;
  });
  return cached;
}

/** True when the process is gone (or a zombie nobody has reaped yet: it no longer runs). */
/**
 * SIGKILL is delivered asynchronously: poll (bounded) until the process is gone, so a loaded
 * machine does not turn a killed process into a false failure. Resolves false at the deadline.
 */
export async function processEnds(pid: number, deadlineMs = 5000): Promise<boolean> {
  const end = Date.now() + deadlineMs;
  while (!processIsGone(pid)) {
    if (Date.now() > end) return false;
    await new Promise((r) => setTimeout(r, 20));
  }
  return true;
}

export function processIsGone(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch {
    return true;
  }
  try {
    const stat = require('node:fs').readFileSync(`/proc/${pid}/stat`, 'utf8') as string;
    return stat.slice(stat.lastIndexOf(')') + 2).startsWith('Z');
  } catch {
    return true;
  }
}
