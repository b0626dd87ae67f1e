/** Command-line parsing for `jitai-events`: the raw parse, the usage text, and validated options per command. */
import { parsePayloadJson, type Payload } from '../../../shared/src/runner/payloadJson';
import type { Localize } from '../../../shared/src/l10n';
import { parseSeverityOverrides, SEVERITY_LEVELS } from '../engine';

declare const __VERSION__: string | undefined;
export const VERSION = typeof __VERSION__ === 'string' ? __VERSION__ : '0.0.0-dev';

/** Seconds a `run` may take unless --timeout says otherwise (the extension's runHandler.timeoutSeconds default). */
const DEFAULT_TIMEOUT_S = 30;

export interface ParsedArgs { command: string; positional: string[]; options: Map<string, string[]>; flags: Set<string> }

export type CheckFormat = 'text' | 'json' | 'sarif';

export interface CheckOptions {
  folders: string[]; format: CheckFormat; locale?: string; exclude: string[]; color: boolean; version: string;
  /** `--rule <code>=<level>`: the user's severity per diagnostic code. */
  severity: Record<string, string>;
}

export type GraphFormat = 'mermaid' | 'dot' | 'json';

export interface GraphOptions { folder: string; event?: string; depth?: number; format: GraphFormat; locale?: string }

export interface RunOptions {
  folder: string; fullName: string; payload: Payload; timeoutS: number; python?: string;
  format: 'text' | 'json'; locale?: string; color: boolean;
}

const WITH_VALUE = new Set(['--format', '--locale', '--exclude', '--payload', '--timeout', '--python', '--event', '--depth', '--rule']);

/** The usage text; the syntax lines stay as typed, the explanations are localized. */
export function usage(t: Localize): string {
  return [
    `jitai-events ${VERSION} — ${t('checks JitAi apps\' event wiring')}`,
    '',
    t('Usage:'),
    '  jitai-events check [folder ...] [--format text|json|sarif] [--locale en|zh-cn] [--exclude GLOB]... [--rule CODE=off|info|warning|error]... [--no-color]',
    `      ${t('Validates every e.json and Python publish call below the folders (default: the current folder).')}`,
    `      ${t('--rule changes the severity of one diagnostic code, or turns it off.')}`,
    `      ${t('Exit code: 1 when errors exist, 0 otherwise, 2 on usage errors.')}`,
    '  jitai-events run <app folder> <event element fullName> [--payload JSON] [--timeout SECONDS] [--python PATH] [--format text|json] [--locale en|zh-cn]',
    `      ${t('Runs the event\'s handler locally (Inner customFunc or Global service function) with a payload')}`,
    `      ${t('{"args": [...], "kwargs": {...}} and prints its output, return value and published events.')}`,
    `      ${t('Exit code: 1 when the handler raised, timed out or could not run.')}`,
    '  jitai-events graph [app folder] [--event SENDER] [--depth N] [--format mermaid|dot|json] [--locale en|zh-cn]',
    `      ${t('Prints the event flow (services → events → handlers → the events they publish, loops marked) for docs and CI;')}`,
    `      ${t('with --event only the part within N hops (default 2) of that event. Sorted, so the output is stable.')}`,
    '  jitai-events --version | --help',
    '',
  ].join('\n');
}

/** The last `--locale` value, found before parsing so that even parse errors are localized. */
export function localeOf(argv: string[]): string | undefined {
  let locale: string | undefined;
  argv.forEach((a, i) => {
    if (a === '--locale' && i + 1 < argv.length) locale = argv[i + 1];
    else if (a.startsWith('--locale=')) locale = a.slice('--locale='.length);
  });
  return locale;
}

/** Splits argv into the command, positional arguments, options with values and flags; a string is a usage error. */
export function parseArgs(argv: string[], t: Localize): ParsedArgs | string {
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
        if (value === undefined) return t('option {0} needs a value', name);
        options.set(name, [...(options.get(name) ?? []), value]);
      } else if (name === '--no-color' || name === '--color') flags.add(name);
      else return t('unknown option {0}', a);
    } else positional.push(a);
  }
  return { command, positional, options, flags };
}

const last = (a: ParsedArgs, name: string) => a.options.get(name)?.at(-1);

/** Colour: --color forces it, --no-color or NO_COLOR turn it off, otherwise only on a terminal. */
export function wantsColor(a: ParsedArgs, stdoutIsTTY: boolean, env: NodeJS.ProcessEnv): boolean {
  return a.flags.has('--color') || (!a.flags.has('--no-color') && stdoutIsTTY && !env.NO_COLOR);
}

export function checkOptions(a: ParsedArgs, color: boolean, t: Localize): CheckOptions | string {
  const format = last(a, '--format') ?? 'text';
  if (format !== 'text' && format !== 'json' && format !== 'sarif') return t('--format must be text, json or sarif');
  const severity = ruleOptions(a.options.get('--rule') ?? [], t);
  if (typeof severity === 'string') return severity;
  return { folders: a.positional, format, locale: last(a, '--locale'), exclude: a.options.get('--exclude') ?? [], color, version: VERSION, severity };
}

/** `--rule <code>=<level>` values as a severity map, or a usage error naming the first bad one. */
function ruleOptions(values: string[], t: Localize): Record<string, string> | string {
  const out: Record<string, string> = {};
  for (const v of values) {
    const m = /^([^=]+)=(.*)$/.exec(v);
    if (!m) return t('--rule {0} must be <code>=<level>, e.g. --rule event-unused=off', JSON.stringify(v));
    const [, code, level] = m;
    if (!(SEVERITY_LEVELS as readonly string[]).includes(level)) return t('--rule {0}: the level must be off, info, warning or error', JSON.stringify(v));
    const [problem] = parseSeverityOverrides({ [code]: level }).problems;
    if (problem?.kind === 'unknown-code') {
      const hint = problem.suggestion ? ` ${t('Did you mean {0}?', problem.suggestion)}` : '';
      return t('--rule: {0} is not a diagnostic code.', JSON.stringify(code)) + hint;
    }
    out[code] = level;
  }
  return out;
}

export function runOptions(a: ParsedArgs, color: boolean, t: Localize): RunOptions | string {
  const format = last(a, '--format') ?? 'text';
  if (format !== 'text' && format !== 'json') return t('--format must be text or json');
  const [folder, fullName] = a.positional;
  if (!folder || !fullName || a.positional.length > 2) return t('expected <app folder> <event element fullName>');
  let payload: Payload = { args: [], kwargs: {} };
  const raw = last(a, '--payload');
  if (raw !== undefined) {
    const parsed = parsePayloadJson(raw, t);
    if (!parsed.ok) return t('--payload is not valid: {0}', parsed.error);
    payload = parsed.payload;
  }
  const timeoutRaw = last(a, '--timeout');
  const timeoutS = timeoutRaw === undefined ? DEFAULT_TIMEOUT_S : Number(timeoutRaw);
  if (!Number.isFinite(timeoutS) || timeoutS <= 0) return t('--timeout must be a positive number of seconds');
  return { folder, fullName, payload, timeoutS, python: last(a, '--python'), format, locale: last(a, '--locale'), color };
}

export function graphOptions(a: ParsedArgs, t: Localize): GraphOptions | string {
  const format = last(a, '--format') ?? 'mermaid';
  if (format !== 'mermaid' && format !== 'dot' && format !== 'json') return t('--format must be mermaid, dot or json');
  if (a.positional.length > 1) return t('expected at most one app folder');
  const depthRaw = last(a, '--depth');
  const depth = depthRaw === undefined ? undefined : Number(depthRaw);
  if (depth !== undefined && (!Number.isInteger(depth) || depth < 1)) return t('--depth must be a whole number of at least 1');
  if (depth !== undefined && last(a, '--event') === undefined) return t('--depth needs --event');
  return { folder: a.positional[0] ?? '.', event: last(a, '--event'), depth, format, locale: last(a, '--locale') };
}
