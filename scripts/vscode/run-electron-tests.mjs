// `npm run test:electron`: the same extension-host suite as `npm run test:vscode` (test/vscode/), run the
// usual way with @vscode/test-electron — which DOWNLOADS a desktop VS Code build from Microsoft
// (update.code.visualstudio.com) into .vscode-test/. For machines with that network access; in offline
// CI use `npm run test:vscode` (code-server, nothing downloaded).
//
// usage: node scripts/vscode/run-electron-tests.mjs [--no-build] [--grep TEXT] [--keep]
// env:   VSCODE_VERSION (default: stable), e.g. 1.100.3 or insiders
//        VSCODE_EXECUTABLE=/path/to/code  use an installed desktop VS Code instead of downloading one
// Last output line: `N passed, N failed` (counted by mocha). Needs a display: on Linux CI run it under xvfb-run.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { ROOT, makeSandbox, seconds } from './harness.mjs';

const argv = process.argv.slice(2);
const opt = (name) => { const i = argv.indexOf(name); return i >= 0 ? argv[i + 1] : undefined; };
const RESULT_MARKER = 'JITAI_VSCODE_TESTS_RESULT';
const T0 = Date.now();
const log = (...a) => console.log(`[test:electron ${seconds(Date.now() - T0)}s]`, ...a);

if (!argv.includes('--no-build')) {
  log('type-checking test/vscode and building (node scripts/build.mjs --tests)');
  execFileSync(process.execPath, [path.join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', 'test/vscode'], { cwd: ROOT, stdio: 'inherit' });
  fs.rmSync(path.join(ROOT, 'out', 'vscode-tests'), { recursive: true, force: true }); // no stale suites
  execFileSync(process.execPath, [path.join(ROOT, 'scripts', 'build.mjs'), '--tests'], { cwd: ROOT, stdio: 'inherit' });
}

// Same sandbox as the code-server runs: a temp copy of examples/crm-demo, temp user-data (with the quiet
// settings, Workspace Trust off = folder trusted) and extensions dirs.
const sb = makeSandbox({ prefix: 'jitai-electron-tests-' });

// Mocha's summary is printed by the VS Code process; read it from what @vscode/test-electron forwards.
let result;
const write = process.stdout.write.bind(process.stdout);
process.stdout.write = (chunk, ...rest) => {
  const m = String(chunk).match(new RegExp(`${RESULT_MARKER} (\\{.*\\})`));
  if (m) { result = JSON.parse(m[1]); return true; }
  return write(chunk, ...rest);
};

let exitCode = 1;
try {
  const { runTests } = await import('@vscode/test-electron');
  exitCode = await runTests({
    ...(process.env.VSCODE_EXECUTABLE ? { vscodeExecutablePath: process.env.VSCODE_EXECUTABLE }
      : { version: process.env.VSCODE_VERSION || 'stable' }),
    extensionDevelopmentPath: ROOT,
    extensionTestsPath: path.join(ROOT, 'out', 'vscode-tests', 'index.js'),
    extensionTestsEnv: opt('--grep') ? { JITAI_VSCODE_TESTS_GREP: opt('--grep') } : {},
    launchArgs: [sb.workspace, '--user-data-dir', sb.userData, '--extensions-dir', sb.extensions,
      '--disable-extensions', '--skip-welcome', '--skip-release-notes', '--disable-gpu'],
  });
} catch (err) {
  console.error('test:electron FAILED:', err instanceof Error ? err.message : err);
}
process.stdout.write = write;
if (argv.includes('--keep') || exitCode !== 0) log('kept', sb.tmp);
else fs.rmSync(sb.tmp, { recursive: true, force: true });
log(`total ${seconds(Date.now() - T0)} s`);
console.log(`${result?.passed ?? 0} passed, ${result ? result.failed : 1} failed`);
process.exit(exitCode === 0 && result && result.failed === 0 ? 0 : 1);
