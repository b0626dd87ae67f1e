/**
 * shared/src/runner/debugLaunch.ts: the debugpy launch configuration (exact), the request file the
 * harness reads with --request-file, and the result file turned into the run report's RunResult,
 * including a session stopped before the handler finished.
 */
import { after, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { pathToUri } from '../../../shared/src/protocol/uris';
import type { HandlerInfo } from '../../../shared/src/protocol/types';
import { debugLaunchConfig, readDebugResult, removeDebugFiles, writeDebugRequest } from '../../../shared/src/runner/debugLaunch';
import { defaultHarnessPath } from '../../../shared/src/runner';
import { loadBundle } from '../../../shared/src/l10n';
import { tempCopy } from '../../helpers/repo';

const app = tempCopy('test/fixtures-flow/ping-pong');
after(() => app.cleanup());

const handler: HandlerInfo = {
  fullName: 'events.OnPong', type: 'events.NormalType', kind: 'custom', funcType: 'Global', functionName: 'onPong',
  serviceFullName: 'services.PingService', className: 'PingService', payloads: [],
  appRootUri: pathToUri(app.dir), moduleUri: pathToUri(path.join(app.dir, 'services/PingService/service.py')),
};
const request = { handler, args: [], kwargs: { count: 9 }, pythonPath: '/usr/bin/python3' };

describe('debug launch configuration', () => {
  it('is a debugpy launch of the harness with the request and result files, in the app root', () => {
    const config = debugLaunchConfig({ request, harnessPath: '/ext/dist/python/jitai_run.py', files: { requestFile: '/tmp/d/request.json', resultFile: '/tmp/d/result.json' } });
    assert.deepEqual(config, {
      type: 'debugpy', request: 'launch', name: 'Debug events.OnPong', program: '/ext/dist/python/jitai_run.py',
      args: ['--request-file', '/tmp/d/request.json', '--result-file', '/tmp/d/result.json'],
      cwd: app.dir, python: '/usr/bin/python3', justMyCode: true, console: 'internalConsole', env: { PYTHONIOENCODING: 'utf-8' },
    });
  });
});

describe('request and result files', () => {
  const files = writeDebugRequest(request);
  after(() => removeDebugFiles(files));

  it('writes the same request Run sends on stdin (paths, payload, a token)', () => {
    const written = JSON.parse(fs.readFileSync(files.requestFile, 'utf8'));
    assert.deepEqual(written, {
      token: files.token, appRoot: app.dir, fullName: 'events.OnPong', funcType: 'Global',
      modulePath: path.join(app.dir, 'services/PingService/service.py'), functionName: 'onPong', className: 'PingService',
      serviceFullName: 'services.PingService', kind: 'custom', args: [], kwargs: { count: 9 },
    });
  });

  it('a session that ended before the handler finished: a crash saying no result came', () => {
    const r = readDebugResult(files, request, 0, loadBundle('en'));
    assert.equal(r.status, 'crashed');
    assert.match(r.error?.message ?? '', /before reporting a result/);
  });

  it('the harness reads --request-file and writes --result-file; the result is the run report\'s', () => {
    const p = spawnSync('/usr/bin/python3', ['-B', defaultHarnessPath(), '--request-file', files.requestFile, '--result-file', files.resultFile], { cwd: app.dir, encoding: 'utf8', input: '' });
    assert.equal(p.status, 0, p.stderr);
    const r = readDebugResult(files, request, 0);
    assert.equal(r.status, 'ok', JSON.stringify(r.error));
    assert.deepEqual(r.published.map((e) => [e.sender, e.kwargs, e.args]), [['services.PingService.done', {}, []]]);
    assert.ok(r.standIns.length > 0);
  });

  it('a result file written by someone else (wrong token) is not taken for the result', () => {
    fs.writeFileSync(files.resultFile, JSON.stringify({ token: 'forged', status: 'ok', published: [], standIns: [] }) + '\n');
    assert.equal(readDebugResult(files, request, 0).status, 'crashed');
  });
});
