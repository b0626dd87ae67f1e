/**
 * `jitai-events check` never passes silently over what it could not read: a folder it cannot list
 * is named on stderr with the count, and the exit code is 3 (distinct from errors found, 1).
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { repoRoot, tempCopy } from '../helpers/repo';
import { runCli, show } from './cliUtil';

describe('check on an app with a folder it cannot read', () => {
  let app: { dir: string; cleanup: () => void };
  before(() => {
    app = tempCopy('test/fixtures/valid-app');
    // A folder nested past PATH_MAX: even root cannot list it by its path (ENAMETOOLONG), where a
    // chmod 000 folder would still be readable to root.
    const part = 'x'.repeat(200);
    execFileSync('bash', ['-c', `cd "$1/events" && for i in $(seq 25); do mkdir ${part} && cd ${part}; done`, 'bash', app.dir]);
  });
  after(() => { if (app) execFileSync('rm', ['-rf', app.dir]); });

  it('exits 3 and names the unreadable folder with the count (en and zh)', async () => {
    const valid = await runCli(['check', path.join(repoRoot(), 'test/fixtures/valid-app')]);
    assert.equal(valid.code, 0, show(valid));
    const r = await runCli(['check', app.dir], { cwd: app.dir });
    assert.equal(r.code, 3, show(r));
    assert.match(r.stderr, /jitai-events: could not read events\/x{200}\/.*\(ENAMETOOLONG\)/);
    assert.match(r.stderr, /jitai-events: 1 files or folders could not be read; their problems are unknown/);
    const zh = await runCli(['check', '--locale', 'zh-cn', app.dir], { cwd: app.dir });
    assert.equal(zh.code, 3, show(zh));
    assert.match(zh.stderr, /有 1 个文件或目录无法读取；其中的问题未知/);
  });

  it('reads the same app fine once the folder is gone', async () => {
    execFileSync('rm', ['-rf', path.join(app.dir, 'events', 'x'.repeat(200))]);
    assert.equal(fs.existsSync(path.join(app.dir, 'events', 'x'.repeat(200))), false);
    const r = await runCli(['check', app.dir]);
    assert.equal(r.code, 0, show(r));
  });
});
