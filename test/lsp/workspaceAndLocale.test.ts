/**
 * Workspace-level behaviour over the protocol: every fixture app as its own workspace folder (each
 * expected.json matched), the exclude setting and its change, workspace-folder changes, and the
 * zh-cn locale for diagnostics, quick fixes and errors.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { CodeAction } from 'vscode-languageserver-protocol';
import { startServer, uriOf, useServerOn, type LspClient } from '../helpers/lspClient';
import { repoRoot, tempCopy } from '../helpers/repo';
import { SEVERITY, positionInFile } from './lspTestUtil';

interface Expected { file: string; code: string; severity: string; line: number }
const key = (e: Expected) => `${e.file}:${e.line} ${e.severity} ${e.code}`;
const severityName = (n: number | undefined) => Object.keys(SEVERITY).find((k) => SEVERITY[k] === n) ?? String(n);

describe('every fixture app as a workspace folder of one server', () => {
  let client: LspClient;
  let root: string;
  let fixtures: string[];

  before(async () => {
    // One temp folder holding a copy of every fixture, each opened as its own workspace folder.
    root = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'jitai-fixtures-')));
    const src = path.join(repoRoot(), 'test/fixtures');
    fixtures = fs.readdirSync(src).filter((n) => fs.existsSync(path.join(src, n, 'expected.json'))).sort();
    for (const n of fixtures) fs.cpSync(path.join(src, n), path.join(root, n), { recursive: true });
    ({ client } = await startServer(fixtures.map((n) => path.join(root, n))));
  });
  after(async () => {
    await client?.dispose();
    if (root) fs.rmSync(root, { recursive: true, force: true });
  });

  it('finds at least 20 fixtures', () => assert.ok(fixtures.length >= 20, fixtures.join(', ')));

  it('publishes, per fixture, exactly the problems of its expected.json', () => {
    const mismatches: string[] = [];
    for (const n of fixtures) {
      const dir = path.join(root, n);
      const expected = (JSON.parse(fs.readFileSync(path.join(dir, 'expected.json'), 'utf8')) as Expected[]).map(key).sort();
      const actual: string[] = [];
      for (const [uri, list] of client.diagnostics) {
        const file = new URL(uri).pathname;
        if (!file.startsWith(dir + path.sep)) continue;
        for (const d of list) {
          actual.push(key({ file: path.relative(dir, file).split(path.sep).join('/'), code: String(d.code), severity: severityName(d.severity), line: d.range.start.line + 1 }));
        }
      }
      actual.sort();
      if (JSON.stringify(actual) !== JSON.stringify(expected)) mismatches.push(`${n}:\n  expected ${JSON.stringify(expected)}\n  actual   ${JSON.stringify(actual)}`);
    }
    assert.deepEqual(mismatches, []);
  });

  it('counts one app per fixture folder', () => {
    const last = client.statuses.at(-1)!;
    assert.equal(last.apps, fixtures.length);
  });
});

describe('exclude setting and workspace-folder changes', () => {
  let client: LspClient;
  let app: { dir: string; cleanup: () => void };
  let second: { dir: string; cleanup: () => void };
  const typo = () => uriOf(path.join(app.dir, 'events/deliberateMistakes/TypoSender/e.json'));

  before(async () => {
    app = tempCopy('examples/crm-demo');
    second = tempCopy('test/fixtures/bad-sender-event');
    ({ client } = await startServer([app.dir], { settings: { exclude: ['events/deliberateMistakes/**'], validation: { debounceMs: 0 } } }));
  });
  after(async () => {
    await client?.dispose();
    app?.cleanup();
    second?.cleanup();
  });

  it('excluded files are not indexed, so they get no diagnostics', () => {
    assert.equal(client.diagnostics.get(typo()), undefined);
    const files = [...client.diagnostics].filter(([, d]) => d.length).map(([u]) => u);
    assert.ok(files.every((u) => !u.includes('deliberateMistakes')), files.join('\n'));
    assert.ok(files.some((u) => u.endsWith('MistakesDemoService/service.py')), 'the rest is still checked');
  });

  it('changing the exclude setting re-indexes and publishes the newly included files', async () => {
    const mark = client.mark();
    await client.notify('workspace/didChangeConfiguration', { settings: { jitaiEvents: { exclude: [], validation: { debounceMs: 0 } } } });
    const [d] = await client.waitForDiagnostics(typo(), (x) => x.length > 0, { since: mark });
    assert.equal(d.code, 'unknown-event');
  });

  it('an added workspace folder is indexed; a removed one has its diagnostics cleared', async () => {
    const bad = uriOf(path.join(second.dir, 'events/ArchiveStatistics/e.json'));
    let mark = client.mark();
    await client.notify('workspace/didChangeWorkspaceFolders', { event: { added: [{ uri: uriOf(second.dir), name: 'second' }], removed: [] } });
    const [d] = await client.waitForDiagnostics(bad, (x) => x.length > 0, { since: mark });
    assert.equal(d.code, 'unknown-event');
    // (A status from the previous re-index may still arrive after the mark: wait for the one with two apps.)
    await client.waitForStatus((x) => x.state === 'ready' && x.apps === 2, mark);

    mark = client.mark();
    await client.notify('workspace/didChangeWorkspaceFolders', { event: { added: [], removed: [{ uri: uriOf(second.dir), name: 'second' }] } });
    await client.waitForDiagnostics(bad, (x) => x.length === 0, { since: mark });
    await client.waitForStatus((x) => x.state === 'ready' && x.apps === 1, mark);
  });
});

describe('zh-cn locale', () => {
  const server = useServerOn('examples/crm-demo', { locale: 'zh-cn' });
  const han = /[\u4e00-\u9fff]/;

  it('diagnostics are in Simplified Chinese and keep the names', () => {
    const file = path.join(server.dir, 'events/deliberateMistakes/TypoSender/e.json');
    const [d] = server.client.diagnostics.get(uriOf(file)) ?? [];
    assert.equal(d?.code, 'unknown-event');
    assert.match(d.message, han);
    assert.match(d.message, /dataProcessed/);
    assert.doesNotMatch(d.message, /Did you mean/);
    for (const list of server.client.diagnostics.values()) for (const x of list) assert.match(x.message, han, x.message);
  });

  it('the quick fix title is Chinese', async () => {
    const file = path.join(server.dir, 'events/deliberateMistakes/TypoSender/e.json');
    const [d] = server.client.diagnostics.get(uriOf(file)) ?? [];
    const [a] = await server.client.request<CodeAction[]>('textDocument/codeAction', { textDocument: { uri: uriOf(file) }, range: d.range, context: { diagnostics: [d] } });
    assert.match(a.title, han);
  });

  it('a refused rename explains itself in Chinese', async () => {
    const file = path.join(server.dir, 'events/NotifySalesOnProcessed/e.json');
    await assert.rejects(server.client.request('textDocument/rename', {
      textDocument: { uri: uriOf(file) }, position: positionInFile(file, 'dataProcessed', 2), newName: '1bad',
    }), (e: Error) => han.test(e.message));
  });
});
