/**
 * Completion over the protocol: sender strings in e.json (with/without a typed prefix, in an
 * unterminated string), func values, and the sender of `app.event.publish(` in Python.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { CompletionItem, CompletionList, TextEdit } from 'vscode-languageserver-protocol';
import { uriOf, useServerOn } from '../helpers/lspClient';
import { cursor } from '../helpers/repo';
import { applyEdits, positionAt, positionOf, textInRange } from './lspTestUtil';

const ALL_EVENTS = [
  'services.CustomerBatchService.batchFailed',
  'services.CustomerBatchService.dataProcessed',
  'services.MistakesDemoService.reportQueued',
  'services.MistakesDemoService.reportReady',
  'services.MistakesDemoService.reportRequested',
  'services.NotifyService.emailSent',
  'services.OrderService.orderCancelled',
  'services.OrderService.orderCreated',
  'services.OrderService.orderPaid',
];

describe('completion on a copy of crm-demo', () => {
  const server = useServerOn('examples/crm-demo');
  const { p } = server;

  /** Opens (or re-sets) `file` with the text around `|` and asks for completion at the bar. */
  async function completeIn(file: string, textWithBar: string): Promise<{ items: CompletionItem[]; text: string }> {
    const { text, offset } = cursor(textWithBar);
    const uri = uriOf(file);
    if (!opened.has(uri)) { await server.client.open(file, text); opened.add(uri); } else await server.client.change(file, text);
    const position = positionAt(text, offset);
    const r = await server.client.request<CompletionList | CompletionItem[] | null>('textDocument/completion', { textDocument: { uri }, position });
    const items = r == null ? [] : Array.isArray(r) ? r : r.items;
    return { items, text };
  }
  const opened = new Set<string>();

  const eventJson = (senderPart: string) => `{
  "type": "events.NormalType",
  "title": "Tell sales when a batch is done",
  "sender": ${senderPart},
  "funcType": "Global",
  "func": "services.NotifyService.notifySales"
}
`;

  it('inside an existing sender string: every declared event, replacing the whole string content', async () => {
    const file = p('events/NotifySalesOnProcessed/e.json');
    const { items, text } = await completeIn(file, eventJson('"services.Customer|BatchService.dataProcessed"'));
    assert.deepEqual(items.map((i) => i.label).sort(), ALL_EVENTS);
    const item = items.find((i) => i.label === 'services.CustomerBatchService.dataProcessed')!;
    const edit = item.textEdit as TextEdit;
    assert.equal(textInRange(text, edit.range), 'services.CustomerBatchService.dataProcessed');
    assert.equal(edit.newText, 'services.CustomerBatchService.dataProcessed');
    assert.match(item.detail ?? '', /Batch finished/, 'the event title is the detail');
    const picked = items.find((i) => i.label === 'services.OrderService.orderPaid')!;
    assert.match(applyEdits(text, [picked.textEdit as TextEdit]), /"sender": "services\.OrderService\.orderPaid",\n/);
  });

  it('in an empty sender string: an empty range at the cursor', async () => {
    const file = p('events/NotifySalesOnProcessed/e.json');
    const { items, text } = await completeIn(file, eventJson('"|"'));
    assert.deepEqual(items.map((i) => i.label).sort(), ALL_EVENTS);
    const edit = items[0].textEdit as TextEdit;
    assert.deepEqual(edit.range.start, edit.range.end);
    assert.deepEqual(edit.range.start, positionOf(text, '""', 1));
  });

  it('with a typed prefix: the range covers the prefix, so the server.client can filter on it', async () => {
    const file = p('events/NotifySalesOnProcessed/e.json');
    const { items, text } = await completeIn(file, eventJson('"services.Ord|"'));
    assert.ok(items.length >= 3);
    for (const i of items) {
      const edit = i.textEdit as TextEdit;
      assert.equal(textInRange(text, edit.range), 'services.Ord');
    }
    const orderPaid = items.find((i) => i.label === 'services.OrderService.orderPaid')!;
    assert.ok((orderPaid.filterText ?? orderPaid.label).startsWith('services.Ord'));
  });

  it('in an unterminated string ("sender": "serv): the typed part is replaced', async () => {
    const file = p('events/NotifySalesOnProcessed/e.json');
    const { items, text } = await completeIn(file, '{\n  "type": "events.NormalType",\n  "sender": "serv|\n}\n');
    assert.deepEqual(items.map((i) => i.label).sort(), ALL_EVENTS);
    const edit = items.find((i) => i.label === 'services.NotifyService.emailSent')!.textEdit as TextEdit;
    assert.equal(textInRange(text, edit.range), 'serv');
    assert.match(applyEdits(text, [edit]), /"sender": "services\.NotifyService\.emailSent\n/);
  });

  it('after "sender": with no string yet, the items insert a quoted string', async () => {
    const file = p('events/NotifySalesOnProcessed/e.json');
    const { items, text } = await completeIn(file, '{\n  "type": "events.NormalType",\n  "sender": |\n}\n');
    assert.deepEqual(items.map((i) => i.label).sort(), ALL_EVENTS);
    const edit = items.find((i) => i.label === 'services.OrderService.orderPaid')!.textEdit as TextEdit;
    assert.equal(edit.newText, '"services.OrderService.orderPaid"');
    assert.match(applyEdits(text, [edit]), /"sender": "services\.OrderService\.orderPaid"\n/);
  });

  it('func offers service functions from functionLists', async () => {
    const file = p('events/NotifySalesOnProcessed/e.json');
    const { items, text } = await completeIn(file, `{
  "type": "events.NormalType",
  "sender": "services.CustomerBatchService.dataProcessed",
  "funcType": "Global",
  "func": "services.Notify|Service.notifySales"
}
`);
    const labels = items.map((i) => i.label);
    for (const f of ['services.NotifyService.notifySales', 'services.NotifyService.alertOps', 'services.OrderService.createOrder']) {
      assert.ok(labels.includes(f), `${f} missing from ${labels}`);
    }
    assert.equal(textInRange(text, (items[0].textEdit as TextEdit).range), 'services.NotifyService.notifySales');
  });

  it('funcType offers Global and Inner', async () => {
    const file = p('events/NotifySalesOnProcessed/e.json');
    const { items } = await completeIn(file, '{\n  "type": "events.NormalType",\n  "funcType": "|"\n}\n');
    assert.deepEqual(items.map((i) => i.label).sort(), ['Global', 'Inner']);
  });

  it('a property key position offers no sender items', async () => {
    const file = p('events/NotifySalesOnProcessed/e.json');
    const { items } = await completeIn(file, '{\n  "type": "events.NormalType",\n  "|"\n}\n');
    assert.ok(!items.some((i) => i.label.startsWith('services.')), JSON.stringify(items.map((i) => i.label)));
  });

  it('Python: app.event.publish(sender=" offers the same events', async () => {
    const file = p('services/OrderService/service.py');
    const original = fs.readFileSync(file, 'utf8');
    const withCall = original.replace(/\n\s*def /, (m) => `\n        app.event.publish(sender="|")${m}`);
    assert.notEqual(withCall, original);
    const { items, text } = await completeIn(file, withCall);
    assert.deepEqual(items.map((i) => i.label).sort(), ALL_EVENTS);
    const edit = items[0].textEdit as TextEdit;
    assert.deepEqual(edit.range.start, edit.range.end);
    assert.deepEqual(edit.range.start, positionOf(text, 'sender="")', 8));
  });

  it('Python: a typed prefix in a multi-line publish call is replaced, keyword or positional', async () => {
    const file = p('services/OrderService/service.py');
    const original = fs.readFileSync(file, 'utf8');
    const withCall = original.replace(/\n\s*def /, (m) => `\n        app.event.publish(\n            "services.Cus|tomerBatch",\n            args=(),\n        )${m}`);
    const { items, text } = await completeIn(file, withCall);
    assert.deepEqual(items.map((i) => i.label).sort(), ALL_EVENTS);
    assert.equal(textInRange(text, (items[0].textEdit as TextEdit).range), 'services.CustomerBatch');
  });

  it('Python outside a publish call: no event items', async () => {
    const file = p('services/OrderService/service.py');
    const original = fs.readFileSync(file, 'utf8');
    const { items } = await completeIn(file, original.replace(/\n\s*def /, (m) => `\n        print("|")${m}`));
    assert.deepEqual(items, []);
  });
});

describe('completion when the editor completes enums from the JSON schema (schemaEnums, as the VS Code client sets it)', () => {
  const server = useServerOn('test/fixtures/valid-app', { initializationOptions: { schemaEnums: true } });

  it('funcType values are left to the schema; senders are still offered', async () => {
    const file = path.join(server.dir, 'events/NotifyOnProcessed/e.json');
    const withBar = (bar: string) => cursor(`{\n  "type": "events.NormalType",\n  "sender": "${bar === 'sender' ? '|' : ''}",\n  "funcType": "${bar === 'funcType' ? '|' : ''}"\n}\n`);
    const ask = async (c: { text: string; offset: number }) => {
      const r = await server.client.request<CompletionList | null>('textDocument/completion', { textDocument: { uri: uriOf(file) }, position: positionAt(c.text, c.offset) });
      return (r?.items ?? []).map((i) => i.label);
    };
    const f = withBar('funcType');
    await server.client.open(file, f.text);
    assert.deepEqual(await ask(f), []);
    const s = withBar('sender');
    await server.client.change(file, s.text);
    assert.ok((await ask(s)).includes('services.CustomerBatchService.dataProcessed'));
  });
});
