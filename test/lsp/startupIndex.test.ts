/**
 * The start as VS Code's language client makes it: `initialized`, then at once a didChangeConfiguration
 * (vscode-languageclient sends one for `synchronize.configurationSection`) while the server still asks
 * for the settings. The workspace is indexed once (a second full index doubled the start at 10k
 * elements), and a settings change after the start still re-indexes.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { IndexStatus } from '../../shared/src/protocol/types';
import { LspClient } from '../helpers/lspClient';
import { tempCopy } from '../helpers/repo';

describe('start: the client\'s first didChangeConfiguration', () => {
  let client: LspClient;
  let copy: { dir: string; cleanup: () => void };
  let exclude: string[] = [];
  let first: IndexStatus;
  before(async () => {
    copy = tempCopy('test/fixtures/valid-app');
    client = new LspClient();
    await client.initialize([copy.dir], {
      capabilities: {
        workspace: { didChangeWatchedFiles: { dynamicRegistration: true }, workspaceFolders: true, configuration: true },
        window: { workDoneProgress: true },
      },
      configuration: () => ({ exclude, validation: { debounceMs: 0 } }),
    });
    await client.notify('workspace/didChangeConfiguration', { settings: { jitaiEvents: {} } });
    first = await client.waitForIndexReady();
  });
  after(async () => {
    await client?.dispose();
    copy?.cleanup();
  });

  it('indexes the workspace once', async () => {
    // Long enough for a second index of this small app to start and finish.
    await new Promise((r) => setTimeout(r, 500));
    assert.deepEqual(client.statuses.map((s) => s.state).filter((s, i, all) => s !== all[i - 1]), ['indexing', 'ready']);
  });

  it('a settings change after the start re-indexes', async () => {
    const mark = client.mark();
    exclude = ['events/**'];
    await client.notify('workspace/didChangeConfiguration', { settings: { jitaiEvents: {} } });
    const ready = await client.waitForStatus((s) => s.state === 'ready', mark);
    assert.ok(ready.elements < first.elements, `elements ${first.elements} -> ${ready.elements}`);
  });
});
