/** `jitai-events` on hostile input and output: a closed pipe, a full device, a bad glob, a too-deep payload, and --locale zh-cn everywhere. */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { repoRoot, tempCopy } from '../helpers/repo';
import { cliPath, runCli, show, type CliResult } from './cliUtil';

const VALID_APP = () => path.join(repoRoot(), 'test/fixtures/valid-app');
/** What Node prints for an uncaught error: a stack frame line or the error class. */
const STACK = /^\s+at |Error: |RangeError|node:internal/m;

/** Runs the CLI with its stdout on a pipe whose reading end is closed before the CLI writes anything. */
function runIntoClosedPipe(args: string[]): Promise<CliResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [cliPath(), ...args], { env: { ...process.env, NO_COLOR: '' }, stdio: ['ignore', 'pipe', 'pipe'] });
    child.stdout.destroy();
    let stderr = '';
    child.stderr.setEncoding('utf8').on('data', (s: string) => { stderr += s; });
    child.on('error', reject);
    child.on('close', (code, signal) => resolve({ code, signal, stdout: '', stderr }));
  });
}

describe('jitai-events robustness', () => {
  let app: { dir: string; cleanup: () => void };
  before(() => { app = tempCopy('examples/crm-demo'); });
  after(() => app?.cleanup());

  it('a reader that closes early (EPIPE): the usual exit code, nothing on stderr', async () => {
    const clean = await runIntoClosedPipe(['check', VALID_APP(), '--format', 'json']);
    assert.equal(clean.code, 0, show(clean));
    assert.equal(clean.stderr, '');
    const withErrors = await runIntoClosedPipe(['check', app.dir, '--format', 'json']);
    assert.equal(withErrors.code, 1, show(withErrors));
    assert.equal(withErrors.stderr, '');
  });

  it('`| head -c 100`: the first bytes arrive, the CLI ends with its usual exit code and no stack trace', async () => {
    const r = await new Promise<{ head: string; status: string; stderr: string }>((resolve, reject) => {
      const script = `"${process.execPath}" "${cliPath()}" check "${app.dir}" --format json | head -c 100; echo "\${PIPESTATUS[0]}" >&2`;
      const sh = spawn('bash', ['-c', script], { stdio: ['ignore', 'pipe', 'pipe'] });
      let head = '', stderr = '';
      sh.stdout.setEncoding('utf8').on('data', (s: string) => { head += s; });
      sh.stderr.setEncoding('utf8').on('data', (s: string) => { stderr += s; });
      sh.on('error', reject);
      sh.on('close', () => resolve({ head, status: stderr.trim().split('\n').pop() ?? '', stderr }));
    });
    assert.equal(r.head.length, 100);
    assert.ok(r.head.startsWith('{'), r.head);
    assert.equal(r.status, '1', r.stderr);
    assert.doesNotMatch(r.stderr, STACK);
  });

  it('a full device (> /dev/full): the usual exit code and one line saying the output was not written', { skip: !fs.existsSync('/dev/full') }, async () => {
    const fd = fs.openSync('/dev/full', 'w');
    try {
      const r = await new Promise<CliResult>((resolve, reject) => {
        const child = spawn(process.execPath, [cliPath(), 'check', VALID_APP(), '--format', 'json'], { stdio: ['ignore', fd, 'pipe'] });
        let stderr = '';
        child.stderr!.setEncoding('utf8').on('data', (s: string) => { stderr += s; });
        child.on('error', reject);
        child.on('close', (code, signal) => resolve({ code, signal, stdout: '', stderr }));
      });
      assert.equal(r.code, 0, show(r));
      assert.equal(r.stderr, 'jitai-events: output not written (ENOSPC)\n');
    } finally {
      fs.closeSync(fd);
    }
  });

  it('an invalid --exclude glob: exit 2, names the glob, no stack trace', async () => {
    const r = await runCli(['check', app.dir, '--exclude', 'events/**', '--exclude', '[z-a]']);
    assert.equal(r.code, 2, show(r));
    assert.match(r.stderr, /^jitai-events: --exclude "\[z-a\]" is not a valid glob \(.+\)\n$/);
    assert.doesNotMatch(r.stderr, STACK);
  });

  it('a 5,000-deep --payload: exit 2 with "nested too deeply", no RangeError', async () => {
    const deep = `{"args": [${'['.repeat(5000)}${']'.repeat(5000)}]}`;
    const r = await runCli(['run', app.dir, 'events.ArchiveStatistics', '--payload', deep]);
    assert.equal(r.code, 2, show(r));
    assert.match(r.stderr, /^jitai-events run: --payload is not valid: The payload is nested too deeply: at most 200 levels/);
    assert.doesNotMatch(r.stderr, STACK);
  });
});

describe('jitai-events --locale zh-cn: the whole output in Chinese', () => {
  let app: { dir: string; cleanup: () => void };
  before(() => { app = tempCopy('examples/crm-demo'); });
  after(() => app?.cleanup());

  it('check: problems, the summary and the stats line', async () => {
    const r = await runCli(['check', '--locale', 'zh-cn', '--no-color'], { cwd: app.dir });
    assert.equal(r.code, 1, show(r));
    assert.equal(r.stdout.trimEnd().split('\n').pop(), '7 个错误，12 个警告，2 个提示');
    assert.match(r.stderr, /^已检查 1 个应用中的 \d+ 个元素和 \d+ 个 Python 文件，耗时 \d+ ms\n$/);
  });

  it('usage errors and the usage text', async () => {
    const r = await runCli(['check', '--bogus', '--locale=zh-cn']);
    assert.equal(r.code, 2, show(r));
    assert.match(r.stderr, /^jitai-events: 未知选项 --bogus\n\n/);
    assert.match(r.stderr, /用法：/);
    assert.match(r.stderr, /退出码：有错误时为 1/);
    const help = await runCli(['--help', '--locale', 'zh-cn']);
    assert.match(help.stdout, /检查 JitAi 应用的事件关联/);
  });

  it('run: --payload errors, the report labels and the status line', async () => {
    const bad = await runCli(['run', app.dir, 'events.ArchiveStatistics', '--locale', 'zh-cn', '--payload', '{"args": {}}']);
    assert.equal(bad.code, 2, show(bad));
    assert.equal(bad.stderr, 'jitai-events run: --payload 无效："args" 必须是 JSON 数组（位置参数），而不是 object。\n');
    const r = await runCli(['run', app.dir, 'events.NotifySalesOnProcessed', '--locale', 'zh-cn', '--no-color', '--payload', '{"args": [{"processedCount": 7}]}']);
    assert.equal(r.code, 0, show(r));
    for (const label of ['  应用: ', '  参数: ', '返回值: None', '发布的事件（1 个）：']) assert.ok(r.stdout.includes(label), `${label}\n${show(r)}`);
    assert.match(r.stdout, /\n✔ events\.NotifySalesOnProcessed 已完成 （耗时 \d+ ms）\n$/);
  });

  it('run: Python not found', async () => {
    const r = await runCli(['run', app.dir, 'events.ArchiveStatistics', '--locale', 'zh-cn', '--python', path.join(app.dir, 'no-such-python')]);
    assert.equal(r.code, 1, show(r));
    assert.match(r.stderr, /^jitai-events run: 无法运行 jitaiEvents\.pythonPath 指定的 ".*no-such-python"（找不到）\n请/);
  });
});
