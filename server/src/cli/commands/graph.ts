/** `jitai-events graph`: the engine's event flow graph of an app folder, printed as Mermaid, Graphviz DOT or JSON. */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { createEngine, normalizePath } from '../../engine';
import type { GraphOptions } from '../args';
import { formatDot, formatFlowJson, formatMermaid } from '../graphFormats';
import type { CliIo } from '../output';

/** Indexes the folder and prints its graph; returns the exit code (2: not a folder, no app, no such event). */
export async function graphCommand(o: GraphOptions, io: CliIo): Promise<number> {
  const fail = (message: string) => { io.err(`jitai-events graph: ${message}\n`); return 2; };
  if (!fs.existsSync(o.folder) || !fs.statSync(o.folder).isDirectory()) return fail(io.t('not a folder: {0}', o.folder));
  const root = normalizePath(fs.realpathSync(path.resolve(o.folder)));
  const engine = createEngine({ locale: o.locale });
  engine.setFolders([root]);
  await engine.indexAll(undefined, Number.MAX_SAFE_INTEGER);
  if (!engine.apps().length) return fail(io.t('no JitAi app (an app.json or element folders) in {0}', o.folder));
  const graphs = engine.flowGraph({ sender: o.event, depth: o.depth });
  if (o.event !== undefined && !graphs.length) return fail(io.t('no event "{0}" in {1}', o.event, o.folder));
  if (o.format === 'json') io.out(formatFlowJson(graphs));
  else if (o.format === 'dot') io.out(formatDot(graphs, io.t));
  else io.out(formatMermaid(graphs, io.t));
  return 0;
}
