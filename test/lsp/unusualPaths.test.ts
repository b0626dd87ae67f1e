/**
 * An app in a folder whose path has spaces, `#`, `%` and non-ASCII characters: URIs round-trip
 * between client and server (diagnostics, open documents, definition, watched files).
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { startServer, uriOf, type LspClient } from '../helpers/lspClient';
import { repoRoot } from '../helpers/repo';
import { asLocations, positionInFile } from './lspTestUtil';

describe('an app below "my app #1 50% 中文"', () => {
  let client: LspClient;
  let tmp: string;
  let dir: string;
  const p = (rel: string) => path.join(dir, rel);

  before(async () => {
    tmp = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'jitai-paths-')));
    dir = path.join(tmp, 'my app #1 50% 中文');
    fs.cpSync(path.join(repoRoot(), 'test/fixtures/bad-sender-event'), dir, { recursive: true });
    ({ client } = await startServer([dir]));
  });
  after(async () => {
    await client?.dispose();
    if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
  });

  it('the URI is percent-encoded, as editors send it', () => {
    const uri = uriOf(p('events/ArchiveStatistics/e.json'));
    assert.match(uri, /my%20app%20%231%2050%25%20%E4%B8%AD%E6%96%87/);
  });

  it('diagnostics are published under the encoded URI', () => {
    const list = client.diagnostics.get(uriOf(p('events/ArchiveStatistics/e.json'))) ?? [];
    assert.deepEqual(list.map((d) => d.code), ['unknown-event'], JSON.stringify([...client.diagnostics.keys()]));
  });

  it('an open document with that URI is validated from its unsaved text', async () => {
    const file = p('events/ArchiveStatistics/e.json');
    const uri = uriOf(file);
    const text = fs.readFileSync(file, 'utf8');
    const sender = /"sender": "([^"]+)"/.exec(text)![1];
    const service = sender.slice(0, sender.lastIndexOf('.'));
    await client.open(file);
    const mark = client.mark();
    await client.change(file, text.replace(sender, `${service}.dataProcessed`));
    await client.waitForDiagnostics(uri, (d) => d.length === 0, { since: mark });
  });

  it('definition answers with encoded URIs that point at real files', async () => {
    const file = p('events/NotifyOnProcessed/e.json');
    const text = fs.readFileSync(file, 'utf8');
    const sender = /"sender": "([^"]+)"/.exec(text)![1];
    const locs = asLocations(await client.request('textDocument/definition', {
      textDocument: { uri: uriOf(file) }, position: positionInFile(file, sender, sender.length - 2),
    }));
    assert.equal(locs.length, 1);
    assert.ok(fs.existsSync(new URL(locs[0].uri)), locs[0].uri);
    assert.ok(locs[0].uri.startsWith(uriOf(dir)), locs[0].uri);
  });
});
