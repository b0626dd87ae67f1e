/** `jitai-events run`: finds the handler with the engine, runs it in Python, prints the shared run report or JSON. */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { createEngine, normalizePath, type Engine } from '../../engine';
import { handlerInfoToWire } from '../../../../shared/src/protocol/uris';
import { findPython, isPythonMissing, runHandler, type RunResult } from '../../../../shared/src/runner';
import { formatRunReport, runLabel } from '../../../../shared/src/runReport';
import type { RunOptions } from '../args';
import { ansiPaint, type CliIo } from '../output';

/**
 * The whole RunResult as a plain JSON-safe object (pass it to JSON.stringify to print): undefined
 * fields dropped, values that JSON cannot hold already turned into JSON by the harness.
 */
export function runResultToJson(result: RunResult): Record<string, unknown> {
  return JSON.parse(JSON.stringify(result)) as Record<string, unknown>;
}

/** Why there is no handler to run: no such element (with the ones there are), or an element of another kind. */
function notRunnable(engine: Engine, o: RunOptions, io: CliIo): string {
  for (const app of engine.apps()) {
    // Element folders follow their fullName (`services.NotifyService` is services/NotifyService/e.json).
    const el = engine.elementOwning(path.join(app.root, ...o.fullName.split('.'), 'e.json'));
    if (el && el.fullName === o.fullName) {
      return io.t('"{0}" is not an event or task element (its type is {1})', o.fullName, el.type ?? io.t('missing'));
    }
  }
  const handlers = engine.handlerElements().map((e) => e.fullName).sort();
  return io.t('no element "{0}" in {1}. Event and task elements: {2}', o.fullName, o.folder, handlers.join(', ') || io.t('(none)'));
}

/** Resolves and runs the handler; returns the exit code (0 ok, 1 the handler failed or cannot run, 2 usage errors). */
export async function runCommand(o: RunOptions, io: CliIo): Promise<number> {
  const fail = (message: string, code: number) => { io.err(`jitai-events run: ${message}\n`); return code; };
  if (!fs.existsSync(o.folder) || !fs.statSync(o.folder).isDirectory()) return fail(io.t('not a folder: {0}', o.folder), 2);

  const root = normalizePath(fs.realpathSync(path.resolve(o.folder)));
  const engine = createEngine({ locale: o.locale });
  engine.setFolders([root]);
  await engine.indexAll(undefined, Number.MAX_SAFE_INTEGER);
  const onDisk = engine.handlerInfo({ fullName: o.fullName });
  if (!onDisk) return fail(notRunnable(engine, o, io), 2);
  const info = handlerInfoToWire(onDisk);
  if (info.problem) return fail(io.t('cannot run "{0}": {1}', o.fullName, info.problem), 1);

  const py = await findPython({ configured: o.python, t: io.t });
  if (isPythonMissing(py)) return fail(`${py.error}\n${py.fix}`, 1);
  const ac = new AbortController();
  const onSig = () => ac.abort();
  process.once('SIGINT', onSig);
  try {
    const result = await runHandler({
      handler: info, args: o.payload.args, kwargs: o.payload.kwargs, pythonPath: py.path, timeoutMs: o.timeoutS * 1000, signal: ac.signal, t: io.t,
    });
    if (o.format === 'json') io.out(JSON.stringify(runResultToJson(result), null, 2) + '\n');
    else io.out(formatRunReport(runLabel(info), o.payload, result, io.t, { paint: ansiPaint(o.color) }).join('\n') + '\n');
    return result.status === 'ok' ? 0 : 1;
  } finally {
    process.off('SIGINT', onSig);
  }
}
