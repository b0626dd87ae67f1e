/** Payload contracts and event loops over the protocol, on a copy of crm-demo: diagnostics, quick fix, related information, hover, key completion. */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { CodeAction, CompletionList, Diagnostic, Hover } from 'vscode-languageserver-protocol';
import { uriOf, useServerOn } from '../helpers/lspClient';
import { applyEdits, positionInFile, textInFileRange } from './lspTestUtil';

describe('payload contracts and event loops on a copy of crm-demo', () => {
  const server = useServerOn('examples/crm-demo');
  const { p } = server;
  const diags = (file: string): Diagnostic[] => server.client.diagnostics.get(uriOf(p(file))) ?? [];
  const rel = (uri: string) => path.relative(server.dir, new URL(uri).pathname).split(path.sep).join('/');

  it('a key no publisher sends: a warning on the key, with a quick fix to the key that is sent', async () => {
    const file = p('events/deliberateMistakes/ReportKeyTypo/inner.py');
    const [d] = diags('events/deliberateMistakes/ReportKeyTypo/inner.py');
    assert.equal(d?.code, 'payload-key-not-sent');
    assert.equal(d.severity, 2);
    assert.equal(textInFileRange(file, d.range), 'peroid');
    assert.equal(d.message, 'No publisher of "services.MistakesDemoService.reportReady" sends "peroid" here, so it is always missing. Did you mean "period"? Sent: period, url.');
    const actions = await server.client.request<CodeAction[]>('textDocument/codeAction', { textDocument: { uri: uriOf(file) }, range: d.range, context: { diagnostics: [d] } });
    assert.equal(actions.length, 1);
    assert.match(applyEdits(fs.readFileSync(file, 'utf8'), actions[0].edit?.changes?.[uriOf(file)] ?? []), /report\["period"\]/);
  });

  it('a handler publishing its own event: loop warnings on the sender and the publish site, with related places', () => {
    const [sub] = diags('events/deliberateMistakes/RequeueReport/e.json');
    assert.equal(sub?.code, 'event-loop');
    assert.equal(textInFileRange(p('events/deliberateMistakes/RequeueReport/e.json'), sub.range), 'services.MistakesDemoService.reportQueued');
    assert.deepEqual(sub.relatedInformation?.map((r) => [rel(r.location.uri), r.location.range.start.line + 1, r.message]), [
      ['events/deliberateMistakes/RequeueReport/e.json', 4, 'events.deliberateMistakes.RequeueReport subscribes to services.MistakesDemoService.reportQueued'],
      ['services/MistakesDemoService/service.py', 31, 'publishes services.MistakesDemoService.reportQueued'],
    ]);
    const pub = diags('services/MistakesDemoService/service.py').find((d) => d.code === 'event-loop');
    assert.equal(pub?.range.start.line, 30);
  });

  it('hover on a handler function shows the events it handles and the payload shape', async () => {
    const file = p('events/deliberateMistakes/ReportKeyTypo/inner.py');
    const h = await server.client.request<Hover>('textDocument/hover', { textDocument: { uri: uriOf(file) }, position: positionInFile(file, 'customFunc', 3) });
    const md = typeof h?.contents === 'object' && 'value' in h.contents ? h.contents.value : JSON.stringify(h?.contents);
    assert.match(md, /^Handles `events\.deliberateMistakes\.ReportKeyTypo`/);
    assert.match(md, /- `args\[0\]`: dict — always\n {2}- `period`: \? — always\n {2}- `url`: \? — always/);
    assert.match(md, /services\/MistakesDemoService\/service\.py:\d+ \(MistakesDemoService\.publishReport\)/);
  });

  it('completion inside report["…"] lists the keys the publishers send', async () => {
    const file = p('events/deliberateMistakes/ReportKeyTypo/inner.py');
    const r = await server.client.request<CompletionList | null>('textDocument/completion', { textDocument: { uri: uriOf(file) }, position: positionInFile(file, 'peroid', 0, 1) });
    assert.deepEqual((r?.items ?? []).map((i) => [i.label, i.detail]), [['period', '? — always'], ['url', '? — always']]);
  });
});
