/**
 * Debug handler against the real debugpy adapter (`/usr/bin/python3 -m debugpy.adapter`, Debian's
 * python3-debugpy): launched with exactly the configuration shared/src/runner/debugLaunch.ts builds
 * (minus `type`, which only VS Code reads), a breakpoint in an inner.py is hit with the chosen
 * payload visible in the locals, and after `continue` the result file reports the run.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as path from 'node:path';
import { pathToUri } from '../../../shared/src/protocol/uris';
import type { HandlerInfo } from '../../../shared/src/protocol/types';
import { debugLaunchConfig, readDebugResult, removeDebugFiles, writeDebugRequest, type DebugRunFiles } from '../../../shared/src/runner/debugLaunch';
import { defaultHarnessPath } from '../../../shared/src/runner';
import { DapClient } from '../../helpers/dapClient';
import { tempCopy } from '../../helpers/repo';

const PYTHON = '/usr/bin/python3';
const hasDebugpy = spawnSync(PYTHON, ['-c', 'import debugpy'], { stdio: 'ignore' }).status === 0;

describe('Debug handler under debugpy (DAP)', () => {
  // python3-debugpy is a test dependency (scripts/install-test-deps.sh); without it this fails rather than passing silently.
  it('debugpy is installed for /usr/bin/python3 (npm run test-deps:install)', () => {
    assert.ok(hasDebugpy, `${PYTHON} cannot import debugpy: run npm run test-deps:install (apt-get install python3-debugpy)`);
  });

  let app: { dir: string; cleanup: () => void };
  let files: DebugRunFiles;
  let dap: DapClient;
  before(() => { app = tempCopy('test/fixtures-flow/ping-pong'); });
  after(async () => {
    await dap?.close();
    if (files) removeDebugFiles(files);
    app?.cleanup();
  });

  it('stops at a breakpoint in inner.py with the payload in the locals, then reports the result', { skip: !hasDebugpy && 'debugpy missing' }, async () => {
    const handler: HandlerInfo = {
      fullName: 'events.OnPing', type: 'events.NormalType', kind: 'custom', funcType: 'Inner', functionName: 'customFunc', payloads: [],
      appRootUri: pathToUri(app.dir), moduleUri: pathToUri(path.join(app.dir, 'events/OnPing/inner.py')),
    };
    const request = { handler, args: [{ count: 7 }], kwargs: { source: 'debug' }, pythonPath: PYTHON };
    files = writeDebugRequest(request);
    const config = debugLaunchConfig({ request, harnessPath: defaultHarnessPath(), files });
    const { type, ...launchArgs } = config;
    assert.equal(type, 'debugpy');

    dap = new DapClient(PYTHON, ['-m', 'debugpy.adapter']);
    await dap.request('initialize', { clientID: 'jitai-events-test', adapterID: 'debugpy', pathFormat: 'path', linesStartAt1: true, columnsStartAt1: true });
    const launched = dap.request('launch', launchArgs, 60_000);
    launched.catch(() => undefined);
    await dap.event('initialized', 60_000);
    const inner = path.join(app.dir, 'events/OnPing/inner.py');
    const bp = await dap.request('setBreakpoints', { source: { path: inner }, breakpoints: [{ line: 4 }] });
    assert.equal(bp.body.breakpoints.length, 1);
    await dap.request('configurationDone');
    await launched;

    const stopped = await dap.event('stopped', 60_000);
    assert.equal(stopped.body.reason, 'breakpoint');
    const trace = await dap.request('stackTrace', { threadId: stopped.body.threadId });
    const top = trace.body.stackFrames[0];
    assert.equal(top.name, 'customFunc');
    assert.equal(path.resolve(top.source.path), path.resolve(inner));
    assert.equal(top.line, 4);
    const scopes = await dap.request('scopes', { frameId: top.id });
    const localsScope = scopes.body.scopes.find((s: { name: string }) => /locals/i.test(s.name));
    const vars = await dap.request('variables', { variablesReference: localsScope.variablesReference });
    const value = (name: string) => vars.body.variables.find((v: { name: string }) => v.name === name)?.value;
    assert.equal(value('payload'), "{'count': 7}");
    assert.equal(value('count'), '7');
    assert.equal(value('kwargs'), "{'source': 'debug'}");

    const mark = dap.received.length;
    await dap.request('continue', { threadId: stopped.body.threadId });
    await dap.event('terminated', 60_000, mark);

    const result = readDebugResult(files, request, 0);
    assert.equal(result.status, 'ok', JSON.stringify(result.error));
    assert.equal(result.returnValue, 7);
    assert.deepEqual(result.published.map((e) => [e.sender, e.kwargs]), [['services.PingService.pong', { count: 7 }]]);
    const output = dap.received.filter((m) => m.event === 'output').map((m) => m.body.output).join('');
    assert.match(output, /ping 7/, 'the handler\'s print reached the debug console');
  });
});
