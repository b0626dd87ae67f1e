/** The client's settings (client/src/configDefaults.ts): defaults equal package.json's, wrong values fall back or are clamped. */
import test from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { clampSettings, DEFAULTS, SETTING_KEYS } from '../../../client/src/configDefaults';

function repoRoot(): string {
  let dir = __dirname;
  while (!existsSync(join(dir, 'package.nls.json')) && dirname(dir) !== dir) dir = dirname(dir);
  return dir;
}

test('the defaults are the ones package.json declares, with the same bounds', () => {
  const props = JSON.parse(readFileSync(join(repoRoot(), 'package.json'), 'utf8')).contributes.configuration.properties;
  for (const [name, key] of Object.entries(SETTING_KEYS)) {
    const declared = props[`jitaiEvents.${key}`];
    assert.ok(declared, `package.json declares jitaiEvents.${key}`);
    assert.equal(declared.default, DEFAULTS[name as keyof typeof DEFAULTS], `default of jitaiEvents.${key}`);
  }
  assert.deepEqual(clampSettings({ timeoutSeconds: 1e9, chainDepth: 1e9 }),
    { pythonPath: '', timeoutSeconds: props['jitaiEvents.runHandler.timeoutSeconds'].maximum, chainDepth: props['jitaiEvents.runHandler.chainDepth'].maximum });
  assert.deepEqual(clampSettings({ timeoutSeconds: -5, chainDepth: 0 }),
    { pythonPath: '', timeoutSeconds: props['jitaiEvents.runHandler.timeoutSeconds'].minimum, chainDepth: props['jitaiEvents.runHandler.chainDepth'].minimum });
});

test('missing or wrongly typed values give the defaults; integers are rounded', () => {
  assert.deepEqual(clampSettings({}), { pythonPath: '', timeoutSeconds: 30, chainDepth: 3 });
  assert.deepEqual(clampSettings({ pythonPath: 42, timeoutSeconds: '10', chainDepth: Number.NaN }), { pythonPath: '', timeoutSeconds: 30, chainDepth: 3 });
  assert.deepEqual(clampSettings({ pythonPath: '~/py/bin/python', timeoutSeconds: 2.5, chainDepth: 4.6 }),
    { pythonPath: '~/py/bin/python', timeoutSeconds: 2.5, chainDepth: 5 });
});
