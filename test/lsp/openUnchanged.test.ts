/**
 * Opening a file as it is on disk changes nothing in the index: no re-check, no new index version
 * (the events tree is not re-asked while the user starts typing). The first edit applies the
 * editor's text; a disk change of a file open without edits applies the editor's text too (for an
 * open document the editor wins), and closing it drops that text.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import { uriOf, useServerOn } from '../helpers/lspClient';

const CHANGED = 2 as const;
const REL = 'events/NotifySalesOnProcessed/e.json';
const GOOD = '"services.CustomerBatchService.dataProcessed"';
const TYPO = '"services.CustomerBatchService.dataProcesed"';

describe('opening a file with its text on disk', () => {
  const server = useServerOn('examples/crm-demo');
  const unknownEvent = () => (server.client.diagnostics.get(uriOf(server.p(REL))) ?? []).some((d) => d.code === 'unknown-event');
  const quiet = () => new Promise((r) => setTimeout(r, 400));

  it('announces no index change; the first edit does', async () => {
    const file = server.p(REL);
    await quiet(); // the first index's own jitai/indexChanged follows its ready status
    const before = server.client.indexChanged.length;
    await server.client.open(file);
    await quiet();
    assert.equal(server.client.indexChanged.length, before, 'no jitai/indexChanged after the open');
    let mark = server.client.mark();
    await server.client.change(file, fs.readFileSync(file, 'utf8').replace(GOOD, TYPO));
    await server.client.waitForIndexChanged(mark);
    await server.client.waitForDiagnostics(uriOf(file), (d) => d.some((x) => x.code === 'unknown-event'), { since: mark });
    mark = server.client.mark();
    await server.client.close(file);
    await server.client.waitForDiagnostics(uriOf(file), (d) => !d.some((x) => x.code === 'unknown-event'), { since: mark });
  });

  it('a disk change of a file open without edits keeps the editor\'s text', async () => {
    const file = server.p(REL);
    const good = fs.readFileSync(file, 'utf8');
    await server.client.open(file);
    await quiet();
    try {
      fs.writeFileSync(file, good.replace(GOOD, TYPO));
      const mark = server.client.mark();
      await server.client.filesChanged([{ path: file, type: CHANGED }]);
      await server.client.waitForIndexChanged(mark);
      await quiet();
      assert.equal(unknownEvent(), false, 'the open document (the good text) is checked, not the disk');
      const closed = server.client.mark();
      await server.client.close(file);
      await server.client.waitForDiagnostics(uriOf(file), (d) => d.some((x) => x.code === 'unknown-event'), { since: closed });
    } finally {
      fs.writeFileSync(file, good);
      await server.client.filesChanged([{ path: file, type: CHANGED }]);
    }
  });
});
