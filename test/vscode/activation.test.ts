// The extension activates on the example app and exposes its API.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import * as vscode from 'vscode';
import { EXTENSION_ID, activateExtension, appFile, appRoot } from './helpers';

function declaredEventsOnDisk(): number {
  const services = appFile('services');
  return fs.readdirSync(services).reduce((n, dir) => {
    const file = path.join(services, dir, 'e.json');
    return fs.existsSync(file) ? n + (JSON.parse(fs.readFileSync(file, 'utf8')).eventDescs?.length ?? 0) : n;
  }, 0);
}

suite('activation', () => {
  test('activates on a JitAi app and finishes its first index', async () => {
    const ext = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(ext, `${EXTENSION_ID} is loaded`);
    const api = await activateExtension();
    assert.equal(ext.isActive, true);
    for (const fn of ['getEventTree', 'getTreeNodes', 'runHandler', 'indexStatus'] as const) {
      assert.equal(typeof api[fn], 'function', `exports.${fn} is a function`);
    }
    const status = api.indexStatus();
    assert.ok(status, 'indexStatus() returns the last status after ready');
    assert.equal(status.state, 'ready', `index state: ${JSON.stringify(status)}`);
    assert.equal(status.apps, 1);
    assert.equal(status.events, declaredEventsOnDisk(), 'declared events (eventDescs entries of every service e.json)');
    assert.ok(status.errors >= 1 && status.warnings >= 1, 'the deliberate mistakes are counted');
    assert.ok(appRoot().endsWith('crm-demo'));
  });

  test('contributes its commands', async () => {
    const commands = await vscode.commands.getCommands(true);
    const ours = commands.filter((c) => c.startsWith('jitaiEvents.'));
    assert.ok(ours.length >= 3, `jitaiEvents.* commands registered: ${ours.join(', ')}`);
  });
});
