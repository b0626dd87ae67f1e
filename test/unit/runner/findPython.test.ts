/** findPython: which interpreter Run handler uses, and what it says (localized) when none works. */
import test from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { findPython, isPythonMissing, isSupportedVersion } from '../../../shared/src/runner';
import { loadBundle } from '../../../shared/src/l10n';

test('no setting, no extension: python3 from PATH, as an absolute path with its version', async () => {
  const found = await findPython({});
  assert.ok(!isPythonMissing(found), JSON.stringify(found));
  assert.equal(found.source, 'path');
  assert.ok(existsSync(found.path), found.path);
  assert.ok(isSupportedVersion(found.version), found.version);
});

test('a configured pythonPath that does not run: PythonMissing naming the setting, with a fix', async () => {
  const found = await findPython({ configured: '/no/such/python3', pythonExtensionPath: '/usr/bin/python3' });
  assert.ok(isPythonMissing(found));
  assert.match(found.error, /jitaiEvents\.pythonPath "\/no\/such\/python3" cannot be run \(not found\)/);
  assert.match(found.fix, /jitaiEvents\.pythonPath/);
  assert.doesNotMatch(found.error + found.fix, /[\u4e00-\u9fff]/, 'one language a message, English by default');
  const zh = await findPython({ configured: '/no/such/python3', t: loadBundle('zh-cn') });
  assert.ok(isPythonMissing(zh));
  assert.equal(zh.error, '无法运行 jitaiEvents.pythonPath 指定的 "/no/such/python3"（找不到）');
  assert.match(zh.fix, /请/);
});

test('a working configured pythonPath wins over the extension and PATH', async () => {
  const path = (await findPython({})) as { path: string };
  const found = await findPython({ configured: path.path, pythonExtensionPath: '/no/such/ext-python' });
  assert.ok(!isPythonMissing(found));
  assert.equal(found.source, 'setting');
  assert.equal(found.path, path.path);
});

test('the Python extension interpreter is used when no setting is given', async () => {
  const path = (await findPython({})) as { path: string };
  const found = await findPython({ pythonExtensionPath: path.path });
  assert.ok(!isPythonMissing(found));
  assert.equal(found.source, 'python-extension');
});

test('nothing on PATH: PythonMissing telling the user to install Python or set jitaiEvents.pythonPath', async () => {
  const found = await findPython({ env: { PATH: '/nonexistent-dir' }, pythonExtensionPath: '/no/such/ext-python' });
  assert.ok(isPythonMissing(found));
  assert.match(found.error, /No Python 3\.8\+ found; tried \/no\/such\/ext-python \(Python extension: not found\), python3 \(not found\), python \(not found\)/);
  assert.match(found.fix, /Install Python 3\.8 or newer/);
  assert.match(found.fix, /jitaiEvents\.pythonPath/);
});

test('versions below 3.8 are refused', async () => {
  assert.equal(isSupportedVersion('3.7.16'), false);
  assert.equal(isSupportedVersion('2.7.18'), false);
  assert.equal(isSupportedVersion('3.8.0'), true);
  assert.equal(isSupportedVersion('3.13.0'), true);
  const old = '/root/.pyenv/versions/3.7.16/bin/python3';
  if (existsSync(old)) {
    const found = await findPython({ configured: old });
    assert.ok(isPythonMissing(found));
    assert.match(found.error, /Python 3\.7\.16 .* is too old/);
  }
});
