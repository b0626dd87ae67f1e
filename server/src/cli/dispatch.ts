/** `jitai-events` from argv to exit code: help and version, parsing, then the `check`, `run` or `graph` command. */
import { loadBundle } from '../../../shared/src/l10n';
import { VERSION, checkOptions, graphOptions, localeOf, parseArgs, runOptions, usage, wantsColor } from './args';
import { checkCommand } from './commands/check';
import { graphCommand } from './commands/graph';
import { runCommand } from './commands/run';
import type { CliIo } from './output';

/** The process around the command: its output streams, whether stdout is a terminal, its environment. */
export interface CliHost {
  out: (s: string) => void;
  err: (s: string) => void;
  stdoutIsTTY: boolean;
  env: NodeJS.ProcessEnv;
}

/** Runs one command line; returns the exit code (2 on usage errors). */
export async function dispatch(argv: string[], host: CliHost): Promise<number> {
  const t = loadBundle(localeOf(argv));
  const io: CliIo = { out: host.out, err: host.err, t };
  const first = argv[0];
  if (first === undefined || first === '--help' || first === '-h' || first === 'help') {
    io.out(usage(t));
    return first === undefined ? 2 : 0;
  }
  if (first === '--version' || first === '-v') { io.out(`${VERSION}\n`); return 0; }
  // A command line that cannot be read gets the usage text; a wrong option value gets its message only.
  const usageError = (message: string) => { io.err(`jitai-events: ${message}\n\n${usage(t)}`); return 2; };
  const optionError = (prefix: string, message: string) => { io.err(`${prefix}: ${message}\n`); return 2; };

  const parsed = parseArgs(argv, t);
  if (typeof parsed === 'string') return usageError(parsed);
  const color = wantsColor(parsed, host.stdoutIsTTY, host.env);
  if (parsed.command === 'check') {
    const o = checkOptions(parsed, color, t);
    return typeof o === 'string' ? optionError('jitai-events', o) : checkCommand(o, io);
  }
  if (parsed.command === 'run') {
    const o = runOptions(parsed, color, t);
    return typeof o === 'string' ? optionError('jitai-events run', o) : runCommand(o, io);
  }
  if (parsed.command === 'graph') {
    const o = graphOptions(parsed, t);
    return typeof o === 'string' ? optionError('jitai-events graph', o) : graphCommand(o, io);
  }
  return usageError(t('unknown command "{0}"', parsed.command));
}
