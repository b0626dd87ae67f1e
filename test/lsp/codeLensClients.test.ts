/**
 * Code lenses are offered only to a client that can act on them: the Run lens when the client
 * declares its command (initializationOptions.commands), the count lenses when it shows a lens
 * without a command as text (titleOnlyLenses). The VS Code client declares both; see
 * navigation.test.ts for the lenses it gets.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { CodeLens } from 'vscode-languageserver-protocol';
import { uriOf, useServerOn } from '../helpers/lspClient';
import { RUN_HANDLER_COMMAND } from '../../shared/src/protocol/messages';

const FILES = ['events/ArchiveStatistics/inner.py', 'events/NotifySalesOnProcessed/e.json', 'services/CustomerBatchService/e.json'];

describe('a client that declares no commands (Neovim and most others)', () => {
  const server = useServerOn('examples/crm-demo', { initializationOptions: { commands: undefined, titleOnlyLenses: undefined } });
  it('gets no Run lens and no count lens: it could not execute them', async () => {
    for (const rel of FILES) {
      assert.deepEqual(await server.client.request<CodeLens[]>('textDocument/codeLens', { textDocument: { uri: uriOf(server.p(rel)) } }), [], rel);
    }
  });
});

describe('a client that runs the Run command but shows no title-only lens', () => {
  const server = useServerOn('examples/crm-demo', { initializationOptions: { commands: [RUN_HANDLER_COMMAND], titleOnlyLenses: false } });
  it('gets the Run lenses only', async () => {
    const lenses = (await Promise.all(FILES.map((rel) => server.client.request<CodeLens[]>('textDocument/codeLens', { textDocument: { uri: uriOf(server.p(rel)) } })))).flat();
    assert.deepEqual(lenses.map((l) => l.command?.command), [RUN_HANDLER_COMMAND, RUN_HANDLER_COMMAND]);
  });
});
