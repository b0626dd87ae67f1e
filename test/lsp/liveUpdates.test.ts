/**
 * Live updates: unsaved edits of open documents, e.json/inner.py edits on disk announced through
 * workspace/didChangeWatchedFiles, and whole-folder deletions. Each test leaves the app as it found it
 * (except the last, which deletes folders).
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { uriOf, useServerOn } from '../helpers/lspClient';
import { EventTreeRequest, ReindexRequest } from '../../shared/src/protocol/messages';
import { SEVERITY, codes, textInFileRange, textInRange } from './lspTestUtil';

const CREATED = 1, CHANGED = 2, DELETED = 3;

describe('live updates on a copy of crm-demo', () => {
  const server = useServerOn('examples/crm-demo');
  const { p } = server;
  const diagsOf = (rel: string) => server.client.diagnostics.get(uriOf(p(rel))) ?? [];

  it('an unsaved typo in an open event e.json is reported, and fixing it clears it', async () => {
    const rel = 'events/NotifySalesOnProcessed/e.json';
    const uri = uriOf(p(rel));
    const good = fs.readFileSync(p(rel), 'utf8');
    assert.deepEqual(diagsOf(rel), []);
    await server.client.open(p(rel));
    const typo = good.replace('"services.CustomerBatchService.dataProcessed"', '"services.CustomerBatchService.dataProcesed"');
    assert.notEqual(typo, good);
    let mark = server.client.mark();
    await server.client.change(p(rel), typo);
    const bad = await server.client.waitForDiagnostics(uri, (d) => d.some((x) => x.code === 'unknown-event'), { since: mark });
    assert.equal(bad.length, 1);
    assert.equal(bad[0].severity, SEVERITY.error);
    assert.match(bad[0].message, /Did you mean "dataProcessed"/);
    assert.equal(textInRange(typo, bad[0].range), 'dataProcesed');
    // The file on disk is unchanged: the diagnostic comes from the unsaved text.
    assert.equal(fs.readFileSync(p(rel), 'utf8'), good);

    mark = server.client.mark();
    await server.client.change(p(rel), good);
    await server.client.waitForDiagnostics(uri, (d) => d.length === 0, { since: mark });
    await server.client.close(p(rel));
  });

  it('closing a document with unsaved mistakes falls back to the file on disk', async () => {
    const rel = 'events/ReceiptOnOrderPaid/e.json';
    const uri = uriOf(p(rel));
    const good = fs.readFileSync(p(rel), 'utf8');
    await server.client.open(p(rel));
    let mark = server.client.mark();
    await server.client.change(p(rel), good.replace('"funcType": "Global"', '"funcType": "Globl"'));
    const d = await server.client.waitForDiagnostics(uri, (x) => x.length > 0, { since: mark });
    assert.ok(codes(d).includes('invalid-func-type'), `codes: ${codes(d)}`);
    mark = server.client.mark();
    await server.client.close(p(rel));
    await server.client.waitForDiagnostics(uri, (x) => x.length === 0, { since: mark });
  });

  it('a disk change of a file open in the editor does not override the editor\'s text', async () => {
    const rel = 'events/OpsAlertOnBatchFailed/e.json';
    const uri = uriOf(p(rel));
    const good = fs.readFileSync(p(rel), 'utf8');
    await server.client.open(p(rel));
    let mark = server.client.mark();
    await server.client.change(p(rel), good.replace('batchFailed', 'batchFaild'));
    await server.client.waitForDiagnostics(uri, (x) => x.some((y) => y.code === 'unknown-event'), { since: mark });
    // Something else (git, another tool) rewrites the file on disk with different content.
    fs.writeFileSync(p(rel), good.replace('"funcType": "Global"', '"funcType": "Inner"'));
    await server.client.filesChanged([{ path: p(rel), type: CHANGED }]);
    // A re-index is a barrier: every earlier change has been applied when it answers.
    await server.client.request(ReindexRequest);
    assert.deepEqual(codes(diagsOf(rel)), ['unknown-event'], 'still the editor text');
    mark = server.client.mark();
    await server.client.close(p(rel));
    // Closed: the disk text counts (Inner without inner.py).
    const d = await server.client.waitForDiagnostics(uri, (x) => x.some((y) => y.code === 'inner-file-missing'), { since: mark });
    assert.deepEqual(codes(d), ['inner-file-missing']);
    mark = server.client.mark();
    fs.writeFileSync(p(rel), good);
    await server.client.filesChanged([{ path: p(rel), type: CHANGED }]);
    await server.client.waitForDiagnostics(uri, (x) => x.length === 0, { since: mark });
  });

  it('watched-file events racing a re-index end in the state of the disk', async () => {
    const rel = 'events/ReceiptOnOrderPaid/e.json';
    const good = fs.readFileSync(p(rel), 'utf8');
    fs.writeFileSync(p(rel), good.replace('orderPaid', 'orderPayed'));
    const reindex = server.client.request(ReindexRequest);
    await server.client.filesChanged([{ path: p(rel), type: CHANGED }]);
    fs.writeFileSync(p(rel), good.replace('orderPaid', 'orderPaidd'));
    await server.client.filesChanged([{ path: p(rel), type: CHANGED }]);
    await reindex;
    await server.client.request(ReindexRequest);
    const d = diagsOf(rel);
    assert.equal(d.length, 1);
    assert.match(d[0].message, /orderPaidd/);
    const mark = server.client.mark();
    fs.writeFileSync(p(rel), good);
    await server.client.filesChanged([{ path: p(rel), type: CHANGED }]);
    await server.client.waitForDiagnostics(uriOf(p(rel)), (x) => x.length === 0, { since: mark });
  });

  it('renaming an eventDescs entry on disk reports every subscriber and publisher; renaming back clears them', async () => {
    const svc = 'services/CustomerBatchService/e.json';
    const original = fs.readFileSync(p(svc), 'utf8');
    const subscribers = ['events/NotifySalesOnProcessed/e.json', 'events/ArchiveStatistics/e.json'];
    const publisher = 'services/CustomerBatchService/service.py';
    for (const s of [...subscribers, publisher]) assert.deepEqual(diagsOf(s), [], s);

    let mark = server.client.mark();
    fs.writeFileSync(p(svc), original.replace('{ "name": "dataProcessed"', '{ "name": "batchDone"'));
    await server.client.filesChanged([{ path: p(svc), type: CHANGED }]);
    for (const s of subscribers) {
      const [d] = await server.client.waitForDiagnostics(uriOf(p(s)), (x) => x.some((y) => y.code === 'unknown-event'), { since: mark });
      assert.equal(textInFileRange(p(s), d.range), 'dataProcessed', s);
      assert.match(d.message, /batchDone/, 'the message lists the declared events');
    }
    const [pd] = await server.client.waitForDiagnostics(uriOf(p(publisher)), (x) => x.some((y) => y.code === 'unknown-event'), { since: mark });
    assert.equal(textInFileRange(p(publisher), pd.range), 'dataProcessed');
    // The typo subscriber is still wrong, now without a close suggestion for the old name.
    assert.deepEqual(codes(diagsOf('events/deliberateMistakes/TypoSender/e.json')), ['unknown-event']);

    mark = server.client.mark();
    fs.writeFileSync(p(svc), original);
    await server.client.filesChanged([{ path: p(svc), type: CHANGED }]);
    for (const s of [...subscribers, publisher]) await server.client.waitForDiagnostics(uriOf(p(s)), (x) => x.length === 0, { since: mark });
    assert.match(diagsOf('events/deliberateMistakes/TypoSender/e.json')[0].message, /Did you mean "dataProcessed"/);
  });

  it('deleting inner.py on disk reports inner-file-missing; creating it again clears it', async () => {
    const inner = 'events/ArchiveStatistics/inner.py';
    const ejson = 'events/ArchiveStatistics/e.json';
    const text = fs.readFileSync(p(inner), 'utf8');
    let mark = server.client.mark();
    fs.rmSync(p(inner));
    await server.client.filesChanged([{ path: p(inner), type: DELETED }]);
    const [d] = await server.client.waitForDiagnostics(uriOf(p(ejson)), (x) => x.some((y) => y.code === 'inner-file-missing'), { since: mark });
    assert.equal(d.severity, SEVERITY.error);
    assert.equal(textInFileRange(p(ejson), d.range), '"Inner"');

    mark = server.client.mark();
    fs.writeFileSync(p(inner), text);
    await server.client.filesChanged([{ path: p(inner), type: CREATED }]);
    await server.client.waitForDiagnostics(uriOf(p(ejson)), (x) => x.length === 0, { since: mark });
  });

  it('an inner.py without customFunc is reported on change', async () => {
    const inner = 'events/CustomerAudit/inner.py';
    const ejson = 'events/CustomerAudit/e.json';
    const text = fs.readFileSync(p(inner), 'utf8');
    let mark = server.client.mark();
    fs.writeFileSync(p(inner), text.replace(/def customFunc\(/, 'def customFunction('));
    await server.client.filesChanged([{ path: p(inner), type: CHANGED }]);
    const d = await server.client.waitForDiagnostics(uriOf(p(ejson)), (x) => x.length > 0, { since: mark });
    assert.deepEqual(codes(d), ['custom-func-missing']);
    mark = server.client.mark();
    fs.writeFileSync(p(inner), text);
    await server.client.filesChanged([{ path: p(inner), type: CHANGED }]);
    await server.client.waitForDiagnostics(uriOf(p(ejson)), (x) => x.length === 0, { since: mark });
  });

  it('a new e.json created on disk is indexed and validated', async () => {
    const rel = 'events/NewTypo/e.json';
    const mark = server.client.mark();
    fs.mkdirSync(path.dirname(p(rel)), { recursive: true });
    fs.writeFileSync(p(rel), JSON.stringify({
      type: 'events.NormalType', title: 'new', backendBundleEntry: '.', sender: 'services.OrderService.orderPayed',
      funcType: 'Global', func: 'services.NotifyService.sendPaymentReceipt',
    }, null, 2));
    await server.client.filesChanged([{ path: p(rel), type: CREATED }]);
    const [d] = await server.client.waitForDiagnostics(uriOf(p(rel)), (x) => x.length > 0, { since: mark });
    assert.equal(d.code, 'unknown-event');
    assert.match(d.message, /Did you mean "orderPaid"/);
    const m2 = server.client.mark();
    fs.rmSync(path.dirname(p(rel)), { recursive: true });
    await server.client.filesChanged([{ path: path.dirname(p(rel)), type: DELETED }]);
    await server.client.waitForDiagnostics(uriOf(p(rel)), (x) => x.length === 0, { since: m2 });
  });

  it('renaming a service folder (Deleted old + Created new folder) re-resolves every reference', async () => {
    const oldDir = p('services/NotifyService'), newDir = p('services/MailService');
    const globalSub = 'events/NotifySalesOnProcessed/e.json';
    const eventSub = 'events/EmailSentCounter/e.json';
    const publisher = 'events/WelcomeOnOrderCreated/inner.py';
    let mark = server.client.mark();
    fs.renameSync(oldDir, newDir);
    await server.client.filesChanged([{ path: oldDir, type: DELETED }, { path: newDir, type: CREATED }]);
    const [g] = await server.client.waitForDiagnostics(uriOf(p(globalSub)), (x) => x.length > 0, { since: mark });
    assert.equal(g.code, 'func-element-not-found');
    assert.equal(textInFileRange(p(globalSub), g.range), 'services.NotifyService', 'the element part of func');
    const [e] = await server.client.waitForDiagnostics(uriOf(p(eventSub)), (x) => x.length > 0, { since: mark });
    assert.equal(e.code, 'sender-service-not-found');
    const [pub] = await server.client.waitForDiagnostics(uriOf(p(publisher)), (x) => x.length > 0, { since: mark });
    assert.equal(pub.code, 'sender-service-not-found');
    // The moved service is indexed under its new name: completion offers it.
    const tree = await server.client.request(EventTreeRequest, {});
    assert.ok(tree.apps[0].services.some((s) => s.fullName === 'services.MailService'), JSON.stringify(tree.apps[0].services.map((s) => s.fullName)));

    mark = server.client.mark();
    fs.renameSync(newDir, oldDir);
    await server.client.filesChanged([{ path: newDir, type: DELETED }, { path: oldDir, type: CREATED }]);
    for (const s of [globalSub, eventSub, publisher]) await server.client.waitForDiagnostics(uriOf(p(s)), (x) => x.length === 0, { since: mark });
  });

  it('deleting whole folders (one Deleted event each) clears their diagnostics and updates dependents', async () => {
    const typo = 'events/deliberateMistakes/TypoSender/e.json';
    assert.equal(diagsOf(typo).length, 1);
    let mark = server.client.mark();
    fs.rmSync(path.dirname(p(typo)), { recursive: true });
    await server.client.filesChanged([{ path: path.dirname(p(typo)), type: DELETED }]);
    await server.client.waitForDiagnostics(uriOf(p(typo)), (x) => x.length === 0, { since: mark });

    // The service folder goes: its subscribers and its own publish sites are affected.
    const svcDir = 'services/CustomerBatchService';
    mark = server.client.mark();
    fs.rmSync(p(svcDir), { recursive: true });
    await server.client.filesChanged([{ path: p(svcDir), type: DELETED }]);
    for (const s of ['events/NotifySalesOnProcessed/e.json', 'events/ArchiveStatistics/e.json', 'events/OpsAlertOnBatchFailed/e.json']) {
      const [d] = await server.client.waitForDiagnostics(uriOf(p(s)), (x) => x.length > 0, { since: mark });
      assert.equal(d.code, 'sender-service-not-found', s);
      // crm-demo's app.json extends another app, so a missing service is only a warning.
      assert.equal(d.severity, SEVERITY.warning);
    }
    const status = await server.client.waitForIndexChanged(mark);
    assert.ok(status > 0);
  });
});
