/**
 * Ranges stay exact for files written on other systems: CRLF line ends, a UTF-8 BOM, non-ASCII text
 * and astral characters (UTF-16 columns, as LSP counts them).
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { CompletionList, TextEdit } from 'vscode-languageserver-protocol';
import { uriOf, useServerOn } from '../helpers/lspClient';
import { positionOf, textInRange } from './lspTestUtil';

describe('CRLF, BOM and non-ASCII files on a copy of crm-demo', () => {
  const server = useServerOn('examples/crm-demo', {
    prepare: () => {
      fs.mkdirSync(p('events/CrlfTypo'));
      fs.writeFileSync(p('events/CrlfTypo/e.json'), crlfTypo);
      fs.mkdirSync(p('events/BomTypo'));
      fs.writeFileSync(p('events/BomTypo/e.json'), '\ufeff' + crlfTypo.replace(/\r\n/g, '\n').replace('"title": "拼写错误 😀 test", ', ''));
      fs.writeFileSync(p('services/OrderService/extra.py'), pyWithCrlf);
    },
  });
  const { p } = server;
  const crlfTypo = '{\r\n  "type": "events.NormalType",\r\n  "title": "拼写错误 😀 test",\r\n  "sender": "services.CustomerBatchService.dataProcesed",\r\n  "funcType": "Global",\r\n  "func": "services.NotifyService.notifySales",\r\n  "backendBundleEntry": "."\r\n}\r\n';
  const pyWithCrlf = 'class X:\r\n    def go(self):\r\n        # 中文注释 😀\r\n        app.event.publish(sender="services.OrderService.orderPayed", kwargs={"标题": "😀"})\r\n';

  it('a CRLF e.json: the range covers the misspelled name', () => {
    const [d] = server.client.diagnostics.get(uriOf(p('events/CrlfTypo/e.json'))) ?? [];
    assert.equal(d?.code, 'unknown-event');
    assert.equal(textInRange(crlfTypo.replace(/\r\n/g, '\n'), d.range), 'dataProcesed');
    assert.equal(d.range.start.line, 3);
  });

  it('a UTF-8 BOM does not shift the range (editors drop the BOM from the text)', () => {
    const [d] = server.client.diagnostics.get(uriOf(p('events/BomTypo/e.json'))) ?? [];
    assert.equal(d?.code, 'unknown-event');
    const text = fs.readFileSync(p('events/BomTypo/e.json'), 'utf8').replace(/^\ufeff/, '');
    assert.equal(textInRange(text, d.range), 'dataProcesed');
  });

  it('a CRLF Python file with non-ASCII comments: the sender literal range is exact', () => {
    const list = server.client.diagnostics.get(uriOf(p('services/OrderService/extra.py'))) ?? [];
    const d = list.find((x) => x.code === 'unknown-event');
    assert.ok(d, JSON.stringify(list));
    assert.equal(textInRange(pyWithCrlf.replace(/\r\n/g, '\n'), d.range), 'orderPayed');
  });

  it('astral characters before the sender on the same line: UTF-16 columns', async () => {
    const file = p('events/CrlfTypo/e.json');
    const oneLine = '{"title": "😀😀 中文", "type": "events.NormalType", "backendBundleEntry": ".", "sender": "services.CustomerBatchService.dataProcesed", "funcType": "Global", "func": "services.NotifyService.notifySales"}';
    await server.client.open(file, crlfTypo);
    const mark = server.client.mark();
    await server.client.change(file, oneLine);
    const [d] = await server.client.waitForDiagnostics(uriOf(file), (x) => x.length > 0 && x[0].range.start.line === 0, { since: mark });
    assert.equal(textInRange(oneLine, d.range), 'dataProcesed');
    // Completion replaces exactly the string content on that line, too.
    const r = await server.client.request<CompletionList>('textDocument/completion', {
      textDocument: { uri: uriOf(file) }, position: positionOf(oneLine, 'dataProcesed', 3),
    });
    const edit = r.items[0].textEdit as TextEdit;
    assert.equal(textInRange(oneLine, edit.range), 'services.CustomerBatchService.dataProcesed');
    await server.client.close(file);
  });

  it('editing a CRLF document keeps the ranges exact', async () => {
    const file = p('events/CrlfTypo/e.json');
    const edited = crlfTypo.replace('"title": "拼写错误 😀 test",\r\n', '"title": "拼写错误 😀 test",\r\n  "desc": "多一行",\r\n');
    await server.client.open(file, crlfTypo);
    const mark = server.client.mark();
    await server.client.change(file, edited);
    const [d] = await server.client.waitForDiagnostics(uriOf(file), (x) => x.length > 0 && x[0].range.start.line === 4, { since: mark });
    assert.equal(textInRange(edited.replace(/\r\n/g, '\n'), d.range), 'dataProcesed');
    await server.client.close(file);
  });
});
