/**
 * The read-ahead host (a worker thread reads the listed files; see files/readAhead.ts) answers
 * exactly as the Node host: text, BOM removed, binary, too large, symbolic link, FIFO, folder,
 * missing; later reads of a file get the same snapshot; a worker that falls behind skips what this
 * thread read itself; without the worker
 * script or below the file-count threshold it reads on this thread; and an engine on it reports
 * the same diagnostics on every fixture app.
 */
import test from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { execFileSync } from 'node:child_process';
import { createEngine, nodeFileHost, MAX_FILE_BYTES, type FileHost } from '../../../server/src/engine';
import { readAheadHost } from '../../../server/src/engine/files/readAhead';
import { repoRoot } from '../../helpers/repo';

const WORKER = path.join(repoRoot(), 'dist', 'readWorker.js');

function hostileFolder(): { dir: string; paths: string[]; cleanup: () => void } {
  const dir = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'jitai-readahead-')));
  const p = (n: string) => path.join(dir, n);
  fs.writeFileSync(p('plain.py'), 'x = 1\n');
  fs.writeFileSync(p('bom.py'), '\uFEFFy = "é😀"\n');
  fs.writeFileSync(p('binary.py'), Buffer.from([0x61, 0x00, 0x62]));
  fs.writeFileSync(p('large.py'), Buffer.alloc(MAX_FILE_BYTES + 1, 0x61));
  fs.writeFileSync(p('empty.py'), '');
  fs.symlinkSync(p('plain.py'), p('link.py'));
  fs.symlinkSync(p('nowhere.py'), p('dangling.py'));
  execFileSync('mkfifo', [p('fifo.py')]);
  fs.mkdirSync(p('folder.py'));
  const names = ['plain.py', 'bom.py', 'binary.py', 'large.py', 'empty.py', 'link.py', 'dangling.py', 'fifo.py', 'folder.py', 'missing.py', 'plain.py'];
  return { dir, paths: names.map(p), cleanup: () => fs.rmSync(dir, { recursive: true, force: true }) };
}

test('the worker reads as the Node host does: BOM, binary, too large, links, FIFO, folder, missing', async () => {
  assert.ok(fs.existsSync(WORKER), 'dist/readWorker.js is built');
  const { paths, cleanup } = hostileFolder();
  try {
    const host = readAheadHost(WORKER, nodeFileHost, 1);
    host.readAhead!(paths);
    await host.finished(); // every file read by the worker
    for (const p of paths) assert.deepEqual(host.read(p), nodeFileHost.read(p), p);
    assert.equal(host.fromWorker, new Set(paths).size);
  } finally {
    cleanup();
  }
});

test('one snapshot per file: a later read gets the text read ahead; files not listed are read here', async () => {
  const { dir, paths, cleanup } = hostileFolder();
  try {
    const host = readAheadHost(WORKER, nodeFileHost, 1);
    host.readAhead!(paths);
    await host.finished();
    const plain = path.join(dir, 'plain.py');
    assert.deepEqual(host.read(plain), { text: 'x = 1\n' });
    fs.writeFileSync(plain, 'x = 2\n');
    assert.deepEqual(host.read(plain), { text: 'x = 1\n' });
    assert.deepEqual(host.read(path.join(dir, 'not-listed.py')), { error: 'missing' });
    fs.writeFileSync(path.join(dir, 'not-listed.py'), 'z = 3\n');
    assert.deepEqual(host.read(path.join(dir, 'not-listed.py')), { text: 'z = 3\n' });
  } finally {
    cleanup();
  }
});

/** The Node host, slowed down: this thread reads slower than the worker, so they share the files. */
const slowHost: FileHost = { ...nodeFileHost, read: (p) => { const until = Date.now() + 2; while (Date.now() < until) { /* busy */ } return nodeFileHost.read(p); } };

test('a worker behind this thread: files read here are skipped by the worker, the answers stay the same', async () => {
  const { paths, cleanup } = hostileFolder();
  try {
    const many = Array.from({ length: 40 }, (_, k) => paths[k % (paths.length - 1)]).concat(paths);
    const host = readAheadHost(WORKER, slowHost, 1);
    host.readAhead!(many);
    for (const p of many) assert.deepEqual(host.read(p), nodeFileHost.read(p), p);
    await host.finished();
  } finally {
    cleanup();
  }
});

test('no worker script, or fewer files than the threshold: files are read on this thread', () => {
  const { paths, cleanup } = hostileFolder();
  try {
    const none = readAheadHost(path.join(os.tmpdir(), 'no-such-readWorker.js'), nodeFileHost, 1);
    none.readAhead!(paths);
    for (const p of paths) assert.deepEqual(none.read(p), nodeFileHost.read(p), p);
    assert.equal(none.fromWorker, 0);
    const few = readAheadHost(WORKER, nodeFileHost, paths.length + 1);
    few.readAhead!(paths);
    for (const p of paths) assert.deepEqual(few.read(p), nodeFileHost.read(p), p);
    assert.equal(few.fromWorker, 0);
  } finally {
    cleanup();
  }
});

test('an engine reading ahead reports the same diagnostics on every fixture and example', async () => {
  const root = repoRoot();
  const dirs = [
    ...fs.readdirSync(path.join(root, 'test/fixtures')).map((d) => path.join(root, 'test/fixtures', d)),
    ...fs.readdirSync(path.join(root, 'examples')).map((d) => path.join(root, 'examples', d)),
  ].filter((d) => fs.statSync(d).isDirectory());
  let fromWorker = 0;
  for (const dir of dirs) {
    const plain = createEngine({ oneShot: true });
    const host = readAheadHost(WORKER, slowHost, 1);
    const ahead = createEngine({ oneShot: true, host });
    for (const e of [plain, ahead]) { e.setFolders([dir]); await e.indexAll(); }
    assert.deepEqual([...ahead.allDiagnostics()].sort(), [...plain.allDiagnostics()].sort(), dir);
    assert.deepEqual(ahead.stats(), plain.stats(), dir);
    fromWorker += host.fromWorker;
  }
  assert.ok(fromWorker > 0, `${fromWorker} files came from the worker`);
});
