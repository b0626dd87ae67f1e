/**
 * The server's own file watcher (used when the client cannot register watchers): real files on a
 * temp folder, batches awaited through the callback (bounded), never a fixed sleep.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { OwnFileWatcher } from '../../../server/src/lsp/fileWatcher';
import { tempWorkspace } from '../../helpers/repo';

describe('OwnFileWatcher', () => {
  let ws: { dir: string; cleanup: () => void };
  let watcher: OwnFileWatcher;
  const batches: string[][] = [];
  let waiters: { until: (all: string[]) => boolean; resolve: () => void }[] = [];
  const seen = () => batches.flat();
  const waitFor = (until: (all: string[]) => boolean, what: string) => new Promise<void>((resolve, reject) => {
    if (until(seen())) return resolve();
    const t = setTimeout(() => reject(new Error(`timed out waiting for ${what}; saw ${JSON.stringify(batches)}`)), 10_000);
    waiters.push({ until, resolve: () => { clearTimeout(t); resolve(); } });
  });

  before(async () => {
    ws = tempWorkspace({ 'app.json': '{}', 'events/A/e.json': '{}' });
    watcher = new OwnFileWatcher({
      coalesceMs: 50,
      isExcluded: (p) => p.includes('/node_modules/') || p.includes('/excluded/'),
      onChanges: (paths) => {
        batches.push(paths);
        waiters = waiters.filter((w) => (w.until(seen()) ? (w.resolve(), false) : true));
      },
    });
    await watcher.watchFolders([ws.dir]);
  });
  after(async () => {
    await watcher.close();
    ws.cleanup();
  });

  it('reports a new element folder and its e.json, not other files or excluded folders', async () => {
    fs.mkdirSync(path.join(ws.dir, 'node_modules/pkg'), { recursive: true });
    fs.writeFileSync(path.join(ws.dir, 'node_modules/pkg/e.json'), '{}');
    fs.mkdirSync(path.join(ws.dir, 'excluded'));
    fs.writeFileSync(path.join(ws.dir, 'excluded/x.py'), '');
    fs.writeFileSync(path.join(ws.dir, 'notes.txt'), 'x');
    fs.mkdirSync(path.join(ws.dir, 'events/B'));
    fs.writeFileSync(path.join(ws.dir, 'events/B/e.json'), '{"type": "events.NormalType"}');
    await waitFor((all) => all.includes(`${ws.dir}/events/B/e.json`), 'events/B/e.json');
    const all = seen();
    assert.ok(!all.some((p) => p.includes('node_modules') || p.includes('excluded') || p.endsWith('notes.txt')), JSON.stringify(all));
  });

  it('reports a change and a deleted folder', async () => {
    batches.length = 0;
    fs.writeFileSync(path.join(ws.dir, 'events/A/e.json'), '{"type": "events.NormalType"}');
    await waitFor((all) => all.includes(`${ws.dir}/events/A/e.json`), 'change of events/A/e.json');
    batches.length = 0;
    fs.rmSync(path.join(ws.dir, 'events/B'), { recursive: true });
    await waitFor((all) => all.includes(`${ws.dir}/events/B`) || all.includes(`${ws.dir}/events/B/e.json`), 'deletion of events/B');
  });

  it('coalesces a burst of writes into few batches', async () => {
    batches.length = 0;
    for (let i = 0; i < 200; i++) {
      fs.mkdirSync(path.join(ws.dir, `events/Burst${i}`));
      fs.writeFileSync(path.join(ws.dir, `events/Burst${i}/e.json`), '{}');
    }
    await waitFor((all) => all.filter((p) => p.endsWith('/e.json') && p.includes('/Burst')).length === 200, '200 new e.json');
    assert.ok(batches.length <= 10, `${batches.length} batches for one burst`);
  });
});
