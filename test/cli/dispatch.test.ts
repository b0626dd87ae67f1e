/** The CLI modules run in-process: importing them runs nothing, and dispatch() maps a command line to output and an exit code. */
import test from 'node:test';
import assert from 'node:assert/strict';
import { dispatch, type CliHost } from '../../server/src/cli/dispatch';
import { VERSION, parseArgs, runOptions } from '../../server/src/cli/args';
import { formatMessage } from '../../shared/src/l10n';

function host(): CliHost & { written: { out: string; err: string } } {
  const written = { out: '', err: '' };
  return { written, out: (s) => { written.out += s; }, err: (s) => { written.err += s; }, stdoutIsTTY: false, env: {} };
}

test('dispatch: --version, a bad --format (message only) and an unknown command (message and usage)', async () => {
  const v = host();
  assert.equal(await dispatch(['--version'], v), 0);
  assert.equal(v.written.out, `${VERSION}\n`);
  const format = host();
  assert.equal(await dispatch(['check', '--format', 'xml'], format), 2);
  assert.equal(format.written.err, 'jitai-events: --format must be text, json or sarif\n');
  const unknown = host();
  assert.equal(await dispatch(['lint', '--locale', 'zh-cn'], unknown), 2);
  assert.match(unknown.written.err, /^jitai-events: 未知命令 "lint"\n\n[^]*用法：/);
});

test('run options are validated before anything runs: payload, timeout, arguments', () => {
  const parse = (...argv: string[]) => {
    const a = parseArgs(['run', ...argv], formatMessage);
    assert.ok(typeof a !== 'string', String(a));
    return runOptions(a, false, formatMessage);
  };
  const ok = parse('app', 'events.A', '--payload', '{"kwargs": {"n": 1}}', '--timeout', '2.5');
  assert.deepEqual(ok, { folder: 'app', fullName: 'events.A', payload: { args: [], kwargs: { n: 1 } }, timeoutS: 2.5, python: undefined, format: 'text', locale: undefined, color: false });
  assert.equal(parse('app'), 'expected <app folder> <event element fullName>');
  assert.equal(parse('app', 'events.A', '--timeout', '-1'), '--timeout must be a positive number of seconds');
  assert.match(String(parse('app', 'events.A', '--payload', '[]')), /^--payload is not valid: The payload must be a JSON object/);
});
