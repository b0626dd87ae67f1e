/** Exclusion globs per workspace folder, on the first index and on incremental changes; invalid globs never throw. */
import test from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { tempWorkspace } from '../../helpers/repo';
import { createEngine } from '../../../server/src/engine';

const EVENT = { title: 'E', type: 'events.NormalType', sender: 'services.Nope.evt', funcType: 'Inner' };

function twoFolders() {
  const files = { 'events/Skip/e.json': EVENT, 'gen/x/e.json': EVENT, 'events/Keep/e.json': EVENT };
  const a = tempWorkspace(files), b = tempWorkspace(files);
  return { a: a.dir, b: b.dir, cleanup: () => { a.cleanup(); b.cleanup(); } };
}

function write(file: string): string {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, JSON.stringify(EVENT));
  return file;
}

test('each folder uses its own list; folders without one use the default list', async () => {
  const { a, b, cleanup } = twoFolders();
  try {
    const engine = createEngine();
    engine.setFolders([a, b]);
    engine.setExclude(['events/Skip*'], a);
    engine.setExclude(['gen/**']);
    await engine.indexAll();
    const has = (p: string) => engine.index.elementAt(p) !== undefined;
    assert.equal(has(path.join(a, 'events/Skip/e.json')), false);
    assert.equal(has(path.join(a, 'gen/x/e.json')), true);
    assert.equal(has(path.join(a, 'events/Keep/e.json')), true);
    assert.equal(has(path.join(b, 'events/Skip/e.json')), true);
    assert.equal(has(path.join(b, 'gen/x/e.json')), false);
    assert.equal(has(path.join(b, 'events/Keep/e.json')), true);

    // Incremental: a changed file, and a changed subfolder listed again, follow the same lists.
    engine.applyChanges([write(path.join(a, 'events/Skip2/e.json'))]);
    assert.equal(has(path.join(a, 'events/Skip2/e.json')), false);
    write(path.join(b, 'events/Skip2/e.json'));
    engine.applyChanges([path.join(b, 'events')]);
    assert.equal(has(path.join(b, 'events/Skip2/e.json')), true);
    write(path.join(b, 'gen/y/e.json'));
    engine.applyChanges([path.join(b, 'gen')]);
    assert.equal(has(path.join(b, 'gen/y/e.json')), false);
    write(path.join(a, 'gen/y/e.json'));
    engine.applyChanges([path.join(a, 'gen')]);
    assert.equal(has(path.join(a, 'gen/y/e.json')), true);
    assert.deepEqual(engine.invalidExcludes(), []);
  } finally { cleanup(); }
});

test('a glob that does not compile is skipped, reported by invalidExcludes, and the others still apply', async () => {
  const { a, b, cleanup } = twoFolders();
  try {
    const engine = createEngine({ exclude: ['[z-a]', 'gen/**'] });
    engine.setFolders([a, b]);
    assert.doesNotThrow(() => engine.setExclude(['events/Skip*', 'x[z-a]y'], a));
    assert.deepEqual(engine.invalidExcludes().sort(), ['[z-a]', 'x[z-a]y']);
    await engine.indexAll();
    assert.equal(engine.index.elementAt(path.join(a, 'events/Skip/e.json')), undefined);
    assert.equal(engine.index.elementAt(path.join(b, 'gen/x/e.json')), undefined);
    assert.ok(engine.index.elementAt(path.join(b, 'events/Skip/e.json')));
    engine.setExclude(['events/Skip*'], a);
    assert.deepEqual(engine.invalidExcludes(), ['[z-a]']);
  } finally { cleanup(); }
});

test('a rule that throws is reported through the injected logger, not the console', async () => {
  const { a, b, cleanup } = twoFolders();
  try {
    const logged: string[] = [];
    const engine = createEngine({ log: (m) => logged.push(m) });
    engine.setFolders([a]);
    await engine.indexAll();
    const file = path.join(a, 'events/Keep/e.json');
    const el = engine.index.elementAt(file)!;
    Object.defineProperty(el, 'json', { get() { throw new Error('boom'); } });
    engine.index.checker.validate(file);
    assert.equal(logged.length, 1);
    assert.match(logged[0], /validating .*Keep\/e\.json failed: Error: boom/);
    assert.deepEqual(engine.diagnosticsOf(file), []);
    void b;
  } finally { cleanup(); }
});
