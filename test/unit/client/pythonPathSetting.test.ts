import test from 'node:test';
import assert from 'node:assert/strict';
import { expandPythonPath, interpreterCandidates } from '../../../client/src/run/pythonPathSetting';

const vars = { workspaceFolder: '/work/crm', home: '/home/dev' };

test('an empty or blank pythonPath is "not set"', () => {
  assert.equal(expandPythonPath(undefined, vars), undefined);
  assert.equal(expandPythonPath('', vars), undefined);
  assert.equal(expandPythonPath('   ', vars), undefined);
});

test('${workspaceFolder}, ${userHome} and a leading ~ are expanded; other text is kept', () => {
  assert.equal(expandPythonPath(' ${workspaceFolder}/.venv/bin/python ', vars), '/work/crm/.venv/bin/python');
  assert.equal(expandPythonPath('${userHome}/py/bin/python3', vars), '/home/dev/py/bin/python3');
  assert.equal(expandPythonPath('~/jit/system/bin/python', vars), '/home/dev/jit/system/bin/python');
  assert.equal(expandPythonPath('/opt/a~b/python3', vars), '/opt/a~b/python3');
  assert.equal(expandPythonPath('python3.12', vars), 'python3.12');
});

test('without a workspace folder the variable stays visible (so the error names it)', () => {
  assert.equal(expandPythonPath('${workspaceFolder}/venv/bin/python', {}), '${workspaceFolder}/venv/bin/python');
});

test('the setting wins and the Python extension is not asked; else the extension; else PATH (no candidates)', async () => {
  let asked = 0;
  const ext = async () => { asked++; return '/ext/python'; };
  assert.deepEqual(await interpreterCandidates('/custom/python', ext), { configured: '/custom/python' });
  assert.equal(asked, 0);
  assert.deepEqual(await interpreterCandidates(undefined, ext), { pythonExtensionPath: '/ext/python' });
  assert.equal(asked, 1);
  assert.deepEqual(await interpreterCandidates(undefined, async () => undefined), {});
});
