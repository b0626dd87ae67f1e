/**
 * A client that cannot register file watchers (Neovim, many editors): the server watches the disk
 * itself, so files written, changed and deleted behind the editor's back still update problems.
 * A client that can register watchers gets none of this (no double processing).
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { uriOf, useServerOn } from '../helpers/lspClient';

const TYPO = { type: 'events.NormalType', title: 'x', backendBundleEntry: '.', sender: 'services.CustomerBatchService.noSuchEvent', funcType: 'Global', func: 'services.NotifyService.notifySales' };

describe('server-side file watching for clients without watcher registration', () => {
  const s = useServerOn('examples/crm-demo', { capabilities: { workspace: { workspaceFolders: true, configuration: false } } });

  it('registers no watchers with the client', () => {
    assert.deepEqual(s.client.registrations.filter((r) => r.method === 'workspace/didChangeWatchedFiles'), []);
  });

  it('a new element written on disk gets its problems', async () => {
    const file = s.p('events/WrittenBehind/e.json');
    fs.mkdirSync(path.dirname(file));
    fs.writeFileSync(file, JSON.stringify(TYPO, null, 2));
    const d = await s.client.waitForDiagnostics(uriOf(file), (x) => x.length > 0);
    assert.deepEqual(d.map((x) => x.code), ['unknown-event']);
  });

  it('fixing it on disk clears them, deleting the declaring service folder brings problems back', async () => {
    const file = s.p('events/WrittenBehind/e.json');
    fs.writeFileSync(file, JSON.stringify({ ...TYPO, sender: 'services.CustomerBatchService.dataProcessed' }, null, 2));
    await s.client.waitForDiagnostics(uriOf(file), (x) => x.length === 0);
    fs.rmSync(s.p('services/CustomerBatchService'), { recursive: true });
    const d = await s.client.waitForDiagnostics(uriOf(file), (x) => x.length > 0);
    assert.deepEqual(d.map((x) => x.code), ['sender-service-not-found']);
  });
});

describe('clients that register watchers', () => {
  const s = useServerOn('examples/crm-demo');
  it('get the watcher registration (and the server does not watch on its own)', () => {
    assert.equal(s.client.registrations.filter((r) => r.method === 'workspace/didChangeWatchedFiles').length, 1);
  });
});
