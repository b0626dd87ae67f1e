/**
 * Requests are never stuck behind the re-check backlog: after one change that makes 2,000 files
 * need a re-check, a hover sent right behind it is answered while those files are still being
 * re-checked (fewer than all republished when the answer arrives), and the backlog then completes
 * with the right problems. An order-of-events assertion, not a timing one.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Hover } from 'vscode-languageserver-protocol';
import { startServer, uriOf, type LspClient } from '../helpers/lspClient';
import { tempWorkspace } from '../helpers/repo';
import { positionOf } from './lspTestUtil';

const SUBSCRIBERS = 2000;

describe('a change that re-checks 2,000 files', () => {
  let ws: { dir: string; cleanup: () => void };
  let client: LspClient;
  before(async () => {
    const files: Record<string, string | object> = {
      'app.json': { appId: 'acme.Big', title: 'Big' },
      'services/OrderService/e.json': { title: 'Orders', type: 'services.NormalType', functionList: [{ name: 'onPaid', title: 'On paid', args: [] }], eventDescs: [{ name: 'orderPaid', title: 'Order paid' }] },
      'services/OrderService/service.py': 'class OrderService(NormalService):\n    def onPaid(self, *args, **kwargs):\n        pass\n',
    };
    for (let i = 0; i < SUBSCRIBERS; i++) {
      files[`events/Sub${i}/e.json`] = { title: `S${i}`, type: 'events.NormalType', sender: 'services.OrderService.orderPaid', funcType: 'Global', func: 'services.OrderService.onPaid' };
    }
    ws = tempWorkspace(files);
    client = (await startServer([ws.dir])).client;
  });
  after(async () => { await client?.dispose(); ws?.cleanup(); });

  it('answers a hover sent right behind it before the backlog is done, then publishes every problem', async () => {
    const svc = path.join(ws.dir, 'services/OrderService/e.json');
    fs.writeFileSync(svc, fs.readFileSync(svc, 'utf8').replace('"orderPaid"', '"orderSettled"'));
    const mark = client.mark();
    await client.filesChanged([{ path: svc, type: 2 }]);
    const sub = path.join(ws.dir, 'events/Sub0/e.json');
    const hover = await client.request<Hover | null>('textDocument/hover', { textDocument: { uri: uriOf(svc) }, position: positionOf(fs.readFileSync(svc, 'utf8'), 'orderSettled', 2) });
    const republished = () => Array.from({ length: SUBSCRIBERS }, (_, i) => uriOf(path.join(ws.dir, `events/Sub${i}/e.json`))).filter((u) => (client.publishSeq.get(u) ?? -1) > mark).length;
    const atAnswer = republished();
    assert.ok(hover, 'the hover is answered from the applied records (the renamed event exists)');
    assert.match(JSON.stringify(hover.contents), /orderSettled/);
    assert.ok(atAnswer < SUBSCRIBERS, `answered while ${SUBSCRIBERS - atAnswer} of ${SUBSCRIBERS} files were still waiting for their re-check`);
    const last = uriOf(path.join(ws.dir, `events/Sub${SUBSCRIBERS - 1}/e.json`));
    await client.waitForDiagnostics(last, (d) => d.some((x) => x.code === 'unknown-event'), { since: mark, timeoutMs: 60_000 });
    await client.waitForDiagnostics(uriOf(sub), (d) => d.some((x) => x.code === 'unknown-event'), { since: mark });
    assert.equal(republished(), SUBSCRIBERS);
  });
});
