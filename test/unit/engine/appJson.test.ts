/** app.json checks (R-APP-4): broken JSON and a non-object root are reported on app.json; a valid manifest is clean. */
import test from 'node:test';
import assert from 'node:assert/strict';
import * as path from 'node:path';
import { BASE_APP, indexOf } from '../../helpers/engineWorkspace';

async function appJsonProblems(appJson: string) {
  const r = await indexOf({ ...BASE_APP, 'app.json': appJson });
  try {
    return r.engine.diagnosticsOf(path.join(r.dir, 'app.json')).map((d) => [d.code, d.severity, d.range.start.line, d.message]);
  } finally { r.cleanup(); }
}

test('app.json that is not valid JSON: app-json-invalid at the syntax error, with a human message', async () => {
  const list = await appJsonProblems('{\n  "appId": "acme.Demo"\n  "version": "1.0.0"\n}\n');
  assert.equal(list.length, 1, JSON.stringify(list));
  assert.equal(list[0][0], 'app-json-invalid');
  assert.equal(list[0][1], 1);
  assert.equal(list[0][2], 2, 'on the line after the missing comma');
  assert.doesNotMatch(String(list[0][3]), /CommaExpected/, 'no parser enum names');
});

test('app.json whose root is not an object: app-json-invalid', async () => {
  const list = await appJsonProblems('[{ "appId": "acme.Demo" }]\n');
  assert.deepEqual(list.map((d) => d[0]), ['app-json-invalid']);
});

test('a valid app.json with complete extends entries has no problem', async () => {
  const list = await appJsonProblems(JSON.stringify({ appId: 'acme.Demo', version: '1.0.0', extends: [{ appId: 'wanyun.Base', version: '1.0.0' }] }));
  assert.deepEqual(list, []);
});
