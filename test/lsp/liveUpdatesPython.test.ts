/**
 * Live updates that cross file kinds: Python publish calls typed in an open service.py, service
 * methods removed on disk, and app.json's `extends` changing the severity of missing services.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { EventTreeResult } from '../../shared/src/protocol/types';
import { uriOf, useServerOn } from '../helpers/lspClient';
import { EventTreeRequest } from '../../shared/src/protocol/messages';
import { SEVERITY, asLocations, codes, positionOf, textInFileRange, textInRange } from './lspTestUtil';

const CHANGED = 2;

describe('Python and app.json live updates on a copy of crm-demo', () => {
  const server = useServerOn('examples/crm-demo');
  const { p } = server;

  it('a publish typed in an open service.py is validated at its sender literal, and navigates from the unsaved text', async () => {
    const file = p('services/OrderService/service.py');
    const uri = uriOf(file);
    const good = fs.readFileSync(file, 'utf8');
    const call = '        app.event.publish(sender="services.OrderService.orderPayed", kwargs={"orderNo": orderNo})\n';
    const withTypo = good.replace('    def auditOrderChange', `${call}\n    def auditOrderChange`);
    await server.client.open(file);
    let mark = server.client.mark();
    await server.client.change(file, withTypo);
    const [d] = await server.client.waitForDiagnostics(uri, (x) => x.length > 0, { since: mark });
    assert.equal(d.code, 'unknown-event');
    assert.equal(textInRange(withTypo, d.range), 'orderPayed');
    assert.match(d.message, /Did you mean "orderPaid"/);

    // Fixed in the editor (still unsaved): the diagnostic goes and definition works on the new line.
    const fixed = withTypo.replace('orderPayed', 'orderPaid');
    mark = server.client.mark();
    await server.client.change(file, fixed);
    await server.client.waitForDiagnostics(uri, (x) => x.length === 0, { since: mark });
    const at = positionOf(fixed, 'orderPaid", kwargs={"orderNo": orderNo})', 2);
    const [loc] = asLocations(await server.client.request('textDocument/definition', { textDocument: { uri }, position: at }));
    assert.equal(loc?.uri, uriOf(p('services/OrderService/e.json')));
    assert.match(textInFileRange(p('services/OrderService/e.json'), loc.range), /orderPaid/);

    // The events tree counts the unsaved publish site.
    const tree = await server.client.request(EventTreeRequest, { filter: 'orderPaid' });
    const ev = tree.apps[0].services.flatMap((s) => s.events).find((e) => e.name === 'orderPaid');
    assert.equal(ev?.publishers.length, 2, JSON.stringify(ev?.publishers));

    mark = server.client.mark();
    await server.client.close(file);
    await server.client.waitForIndexChanged(mark);
    const after = await server.client.request(EventTreeRequest, { filter: 'orderPaid' });
    assert.equal(after.apps[0].services.flatMap((s) => s.events).find((e) => e.name === 'orderPaid')?.publishers.length, 1);
  });

  it('removing a service method on disk reports function-not-implemented; restoring it clears it', async () => {
    const py = p('services/NotifyService/service.py');
    const ejson = p('services/NotifyService/e.json');
    const good = fs.readFileSync(py, 'utf8');
    const without = good.replace(/    def alertOps\(self, \*args, \*\*kwargs\):\n.*\n\n/, '');
    assert.notEqual(without, good);
    let mark = server.client.mark();
    fs.writeFileSync(py, without);
    await server.client.filesChanged([{ path: py, type: CHANGED }]);
    const d = await server.client.waitForDiagnostics(uriOf(ejson), (x) => x.length > 0, { since: mark });
    assert.deepEqual(codes(d), ['function-not-implemented']);
    assert.equal(textInFileRange(ejson, d[0].range), 'alertOps');
    mark = server.client.mark();
    fs.writeFileSync(py, good);
    await server.client.filesChanged([{ path: py, type: CHANGED }]);
    await server.client.waitForDiagnostics(uriOf(ejson), (x) => x.length === 0, { since: mark });
  });

  it('an open e.json whose folder is deleted on disk: its diagnostics are cleared once the editor closes it', async () => {
    const file = p('events/Doomed/e.json');
    const uri = uriOf(file);
    fs.mkdirSync(path.dirname(file));
    fs.writeFileSync(file, JSON.stringify({ type: 'events.NormalType', sender: 'services.OrderService.orderPayed', funcType: 'Global', func: 'services.NotifyService.alertOps' }, null, 2));
    let mark = server.client.mark();
    await server.client.filesChanged([{ path: path.dirname(file), type: 1 }]);
    await server.client.waitForDiagnostics(uri, (x) => x.some((y) => y.code === 'unknown-event'), { since: mark });
    await server.client.open(file);
    fs.rmSync(path.dirname(file), { recursive: true });
    await server.client.filesChanged([{ path: path.dirname(file), type: 3 }]);
    mark = server.client.mark();
    await server.client.close(file);
    await server.client.waitForDiagnostics(uri, (x) => x.length === 0, { since: mark });
    const tree = await server.client.request(EventTreeRequest, {});
    assert.ok(!JSON.stringify(tree).includes('events.Doomed'), 'the element left the index');
  });

  it('an e.json that exists only in the editor (not saved yet) is validated, and forgotten when closed', async () => {
    const file = p('events/NotSavedYet/e.json');
    const uri = uriOf(file);
    assert.equal(fs.existsSync(file), false);
    const mark = server.client.mark();
    await server.client.open(file, JSON.stringify({ type: 'events.NormalType', sender: 'services.NotifyService.emailSend', funcType: 'Inner' }, null, 2));
    const d = await server.client.waitForDiagnostics(uri, (x) => x.length > 0, { since: mark });
    assert.ok(d.some((x) => x.code === 'unknown-event' && /emailSent/.test(x.message)), JSON.stringify(d));
    const m2 = server.client.mark();
    await server.client.close(file);
    await server.client.waitForDiagnostics(uri, (x) => x.length === 0, { since: m2 });
  });

  it('dropping "extends" from app.json turns a missing service from a warning into an error', async () => {
    const appJson = p('app.json');
    const missing = uriOf(p('events/deliberateMistakes/MissingService/e.json'));
    assert.equal(server.client.diagnostics.get(missing)?.[0]?.severity, SEVERITY.warning);
    const good = fs.readFileSync(appJson, 'utf8');
    const parsed = JSON.parse(good);
    delete parsed.extends;
    let mark = server.client.mark();
    fs.writeFileSync(appJson, JSON.stringify(parsed, null, 2));
    await server.client.filesChanged([{ path: appJson, type: CHANGED }]);
    const [d] = await server.client.waitForDiagnostics(missing, (x) => x[0]?.severity === SEVERITY.error, { since: mark });
    assert.equal(d.code, 'sender-service-not-found');
    mark = server.client.mark();
    fs.writeFileSync(appJson, good);
    await server.client.filesChanged([{ path: appJson, type: CHANGED }]);
    await server.client.waitForDiagnostics(missing, (x) => x[0]?.severity === SEVERITY.warning, { since: mark });
  });
});
