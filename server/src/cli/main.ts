import { checkCommand } from './checkCommand';
import { runCliCommand } from './runCli';

declare const __VERSION__: string | undefined;
const VERSION = typeof __VERSION__ === 'string' ? __VERSION__ : '0.0.0-dev';

const USAGE = `jitai-events ${VERSION} — checks JitAi apps' event wiring

Usage:
  jitai-events check [folder ...] [--format text|json|sarif] [--locale en|zh-cn] [--exclude GLOB]... [--no-color]
      Validates every e.json and Python publish call below the folders (default: the current folder).
      Exit code: 1 when errors exist, 0 otherwise, 2 on usage errors.
  jitai-events run <app folder> <event element fullName> [--payload JSON] [--timeout SECONDS] [--python PATH] [--format text|json] [--locale en|zh-cn]
      Runs the event's handler locally (Inner customFunc or Global service function) with a payload
      {"args": [...], "kwargs": {...}} and prints its output, return value and published events.
      Exit code: 1 when the handler raised, timed out or could not run.
  jitai-events --version | --help
`;

export interface ParsedArgs { command: string; positional: string[]; options: Map<string, string[]>; flags: Set<string> }

const WITH_VALUE = new Set(['--format', '--locale', '--exclude', '--payload', '--timeout', '--python']);

export function parseArgs(argv: string[]): ParsedArgs | string {
  const [command = '', ...rest] = argv;
  const positional: string[] = [];
  const options = new Map<string, string[]>();
  const flags = new Set<string>();
  for (let i = 0; i < rest.length; i++) {
    const a = rest[i];
    if (a.startsWith('--')) {
      const eq = a.indexOf('=');
      const name = eq > 0 ? a.slice(0, eq) : a;
      if (WITH_VALUE.has(name)) {
        const value = eq > 0 ? a.slice(eq + 1) : rest[++i];
        if (value === undefined) return `option ${name} needs a value`;
        options.set(name, [...(options.get(name) ?? []), value]);
      } else if (name === '--no-color' || name === '--color') flags.add(name);
      else return `unknown option ${a}`;
    } else positional.push(a);
  }
  return { command, positional, options, flags };
}

async function main(argv: string[]): Promise<number> {
  const out = (s: string) => process.stdout.write(s);
  const err = (s: string) => process.stderr.write(s);
  if (argv.length === 0 || argv[0] === '--help' || argv[0] === '-h' || argv[0] === 'help') { out(USAGE); return argv.length === 0 ? 2 : 0; }
  if (argv[0] === '--version' || argv[0] === '-v') { out(`${VERSION}\n`); return 0; }
  const parsed = parseArgs(argv);
  if (typeof parsed === 'string') { err(`jitai-events: ${parsed}\n\n${USAGE}`); return 2; }
  const format = parsed.options.get('--format')?.at(-1);
  const color = parsed.flags.has('--color') || (!parsed.flags.has('--no-color') && !!process.stdout.isTTY && !process.env.NO_COLOR);
  if (parsed.command === 'check') {
    if (format && !['text', 'json', 'sarif'].includes(format)) { err(`jitai-events: --format must be text, json or sarif\n`); return 2; }
    return checkCommand({
      folders: parsed.positional, format: (format ?? 'text') as 'text' | 'json' | 'sarif',
      locale: parsed.options.get('--locale')?.at(-1), exclude: parsed.options.get('--exclude') ?? [], color, version: VERSION,
    }, out, err);
  }
  if (parsed.command === 'run') {
    if (format && !['text', 'json'].includes(format)) { err(`jitai-events: --format must be text or json\n`); return 2; }
    return runCliCommand(parsed, { format: (format ?? 'text') as 'text' | 'json', color }, out, err);
  }
  err(`jitai-events: unknown command "${parsed.command}"\n\n${USAGE}`);
  return 2;
}

main(process.argv.slice(2)).then(
  (code) => { process.exitCode = code; },
  (e) => { process.stderr.write(`jitai-events: ${(e as Error)?.stack ?? e}\n`); process.exitCode = 2; },
);
