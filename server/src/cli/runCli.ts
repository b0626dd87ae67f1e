/** The `jitai-events run` command: resolve a handler with the engine, run it with the shared runner. */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { WorkspaceIndex, normalizePath } from '../engine';
import { handlerInfo } from '../engine/features/handlerInfo';
import { findPython, isPythonMissing, runHandler } from '../../../shared/src/runner';
import { formatRunResult, runResultToJson } from './runCommand';
import { parsePayloadJson, type Payload } from '../../../shared/src/runner/payloadJson';
import { handlerInfoToWire } from '../../../shared/src/protocol/uris';
import type { ParsedArgs } from './main';

/** `jitai-events run <app folder> <fullName> [--payload JSON]`: resolves the handler with the engine, runs it. */
export async function runCliCommand(a: ParsedArgs, o: { format: 'text' | 'json'; color: boolean },
  out: (s: string) => void, err: (s: string) => void): Promise<number> {
  const [folder, fullName] = a.positional;
  if (!folder || !fullName || a.positional.length > 2) { err('jitai-events run: expected <app folder> <event element fullName>\n'); return 2; }
  if (!fs.existsSync(folder) || !fs.statSync(folder).isDirectory()) { err(`jitai-events run: not a folder: ${folder}\n`); return 2; }
  let payload: Payload = { args: [], kwargs: {} };
  const raw = a.options.get('--payload')?.at(-1);
  if (raw !== undefined) {
    const parsed = parsePayloadJson(raw);
    if (!parsed.ok) { err(`jitai-events run: --payload is not valid: ${parsed.error}\n`); return 2; }
    payload = parsed.payload;
  }
  const timeoutRaw = a.options.get('--timeout')?.at(-1);
  const timeoutS = timeoutRaw === undefined ? 30 : Number(timeoutRaw);
  if (!Number.isFinite(timeoutS) || timeoutS <= 0) { err('jitai-events run: --timeout must be a positive number of seconds\n'); return 2; }

  const root = normalizePath(fs.realpathSync(path.resolve(folder)));
  const locale = a.options.get('--locale')?.at(-1);
  const index = new WorkspaceIndex({ locale });
  index.setFolders([root]);
  await index.indexAll(undefined, Number.MAX_SAFE_INTEGER);
  const candidates = [...index.allElements()].filter((e) => e.fullName === fullName);
  const el = candidates[0];
  if (!el) {
    const handlers = [...index.allElements()].filter((e) => e.kind === 'event' || e.kind === 'task').map((e) => e.fullName).sort();
    err(`jitai-events run: no element "${fullName}" in ${folder}. Event and task elements: ${handlers.join(', ') || '(none)'}\n`);
    return 2;
  }
  const info = handlerInfo(index, el);
  if (!info) { err(`jitai-events run: "${fullName}" is not an event or task element (its type is ${el.type ?? 'missing'})\n`); return 2; }
  if (info.problem) { err(`jitai-events run: cannot run "${fullName}": ${info.problem}\n`); return 1; }
  const py = await findPython({ configured: a.options.get('--python')?.at(-1) });
  if (isPythonMissing(py)) { err(`jitai-events run: ${py.error}\n${py.fix}\n`); return 1; }
  const ac = new AbortController();
  const onSig = () => ac.abort();
  process.once('SIGINT', onSig);
  try {
    const result = await runHandler({ handler: handlerInfoToWire(info), args: payload.args, kwargs: payload.kwargs, pythonPath: py.path, timeoutMs: timeoutS * 1000, signal: ac.signal });
    out(o.format === 'json' ? JSON.stringify(runResultToJson(result), null, 2) + '\n' : formatRunResult(result, { color: o.color, locale }));
    return result.status === 'ok' ? 0 : 1;
  } finally {
    process.off('SIGINT', onSig);
  }
}
