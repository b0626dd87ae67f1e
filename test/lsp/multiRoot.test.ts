/**
 * Two apps open at once that both have a `services.CustomerBatchService` with `dataProcessed`:
 * completion, definition, references and rename stay inside the app of the file.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { CompletionList, WorkspaceEdit } from 'vscode-languageserver-protocol';
import { uriOf, useServerOn } from '../helpers/lspClient';
import { asLocations, positionInFile } from './lspTestUtil';

describe('two apps with the same service names in one workspace', () => {
  const server = useServerOn(['examples/crm-demo', 'test/fixtures/valid-app'], {
    // An event only the second app declares.
    prepare: ([, other]) => {
      const svc = path.join(other, 'services/CustomerBatchService/e.json');
      const json = JSON.parse(fs.readFileSync(svc, 'utf8'));
      json.eventDescs.push({ name: 'onlyInOtherApp', title: 'Other app only' });
      fs.writeFileSync(svc, JSON.stringify(json, null, 2));
    },
  });
  const inCrm = (rel: string) => path.join(server.dirs[0], rel);
  const inOther = (rel: string) => path.join(server.dirs[1], rel);

  async function senderLabels(file: string): Promise<string[]> {
    const r = await server.client.request<CompletionList | null>('textDocument/completion', {
      textDocument: { uri: uriOf(file) }, position: positionInFile(file, 'services.CustomerBatchService.dataProcessed', 1),
    });
    return (r?.items ?? []).map((i) => i.label);
  }

  it('indexes two apps', () => assert.equal(server.client.statuses.at(-1)?.apps, 2));

  it('completion offers the events of the file\'s own app only', async () => {
    const crmLabels = await senderLabels(inCrm('events/NotifySalesOnProcessed/e.json'));
    assert.ok(crmLabels.includes('services.OrderService.orderPaid'));
    assert.ok(!crmLabels.includes('services.CustomerBatchService.onlyInOtherApp'), crmLabels.join(', '));
    assert.equal(new Set(crmLabels).size, crmLabels.length, `no duplicates: ${crmLabels}`);
    const otherLabels = await senderLabels(inOther('events/NotifyOnProcessed/e.json'));
    assert.ok(otherLabels.includes('services.CustomerBatchService.onlyInOtherApp'));
    assert.ok(!otherLabels.includes('services.OrderService.orderPaid'), otherLabels.join(', '));
  });

  it('definition goes to the declaration in the same app', async () => {
    for (const [file, app] of [[inCrm('events/NotifySalesOnProcessed/e.json'), server.dirs[0]], [inOther('events/NotifyOnProcessed/e.json'), server.dirs[1]]]) {
      const locs = asLocations(await server.client.request('textDocument/definition', {
        textDocument: { uri: uriOf(file) }, position: positionInFile(file, 'dataProcessed', 2),
      }));
      assert.deepEqual(locs.map((l) => l.uri), [uriOf(path.join(app, 'services/CustomerBatchService/e.json'))]);
    }
  });

  it('references and rename stay inside one app', async () => {
    const file = inCrm('services/CustomerBatchService/e.json');
    const position = positionInFile(file, '"dataProcessed"', 2);
    const refs = asLocations(await server.client.request('textDocument/references', { textDocument: { uri: uriOf(file) }, position, context: { includeDeclaration: true } }));
    assert.ok(refs.length >= 3);
    assert.ok(refs.every((r) => r.uri.startsWith(uriOf(server.dirs[0]) + '/')), refs.map((r) => r.uri).join('\n'));
    const edit = await server.client.request<WorkspaceEdit>('textDocument/rename', { textDocument: { uri: uriOf(file) }, position, newName: 'batchDone' });
    const uris = Object.keys(edit.changes ?? {});
    assert.ok(uris.length >= 3);
    assert.ok(uris.every((u) => u.startsWith(uriOf(server.dirs[0]) + '/')), uris.join('\n'));
  });

  it('a mistake in one app does not leak into the other', () => {
    const otherProblems = [...server.client.diagnostics].filter(([u, d]) => u.startsWith(uriOf(server.dirs[1]) + '/') && d.length);
    assert.deepEqual(otherProblems, []);
  });
});

describe('overlapping workspace folders (an app and its parent)', () => {
  const server = useServerOn('examples', { folders: ([parent]) => [path.join(parent, 'crm-demo'), parent] });

  it('one app, each problem published once', () => {
    assert.equal(server.client.statuses.at(-1)?.apps, 1);
    const typo = server.client.diagnostics.get(uriOf(path.join(server.dir, 'crm-demo/events/deliberateMistakes/TypoSender/e.json'))) ?? [];
    assert.equal(typo.length, 1, JSON.stringify(typo));
    const total = [...server.client.diagnostics.values()].reduce((n, d) => n + d.length, 0);
    assert.equal(total, 21);
  });

  it('completion lists each event once', async () => {
    const file = path.join(server.dir, 'crm-demo/events/NotifySalesOnProcessed/e.json');
    const r = await server.client.request<CompletionList | null>('textDocument/completion', {
      textDocument: { uri: uriOf(file) }, position: positionInFile(file, 'dataProcessed', 1),
    });
    const labels = (r?.items ?? []).map((i) => i.label);
    assert.equal(labels.length, 9, labels.join(', '));
  });
});
