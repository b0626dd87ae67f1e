// Runs every test suite and ends with one line CI understands: `N passed, N failed`.
//   1. build (tsc -b type check + esbuild bundles, tests included)
//   2. test dependencies from Debian (Neovim, python3-debugpy)      — `npm run test-deps:install`
//      then unit + protocol + CLI tests with node's built-in runner (the Debug-handler DAP test needs debugpy)
//   3. the extension-host suite inside a real VS Code (code-server) — `npm run test:vscode`
//   4. the UI walk-through in headless Chromium                       — `npm run test:e2e`
//   5. the Neovim suite (Neovim's own LSP client, Debian's neovim)         — `npm run test:neovim`
// Set JITAI_SKIP_VSCODE=1 to skip 3–4 and JITAI_SKIP_NEOVIM=1 to skip 5 (e.g. on a machine without apt access).
import { spawn } from 'node:child_process';
import { readFileSync, mkdirSync, existsSync } from 'node:fs';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const results = [];

function run(label, cmd, args, { capture = false } = {}) {
  return new Promise((resolve) => {
    const t0 = Date.now();
    process.stdout.write(`\n=== ${label}: ${cmd} ${args.join(' ')}\n`);
    const child = spawn(cmd, args, { cwd: root, stdio: capture ? ['ignore', 'pipe', 'inherit'] : 'inherit', env: process.env });
    let out = '';
    if (capture) child.stdout.on('data', (d) => { out += d; process.stdout.write(d); });
    child.on('close', (code, signal) => resolve({ code: code ?? (signal ? 1 : 0), out, seconds: (Date.now() - t0) / 1000 }));
  });
}

/** The last `N passed, N failed` line of a suite's output. */
function counts(out) {
  const m = [...out.matchAll(/^(?:\w+:\s*)?(\d+) passed, (\d+) failed/gm)].at(-1);
  return m ? { passed: Number(m[1]), failed: Number(m[2]) } : undefined;
}

mkdirSync(join(root, 'out'), { recursive: true });
const build = await run('build', 'npm', ['run', '--silent', 'build:all']);
if (build.code !== 0) {
  console.log('\nbuild failed: no test ran');
  console.log('0 passed, 1 failed');
  process.exit(1);
}

/** Runs `node --test` on a folder of bundled tests and adds its TAP counts to the results. */
async function nodeTests(suite, dir) {
  const tapFile = join(root, 'out', `${suite.replace(/\W+/g, '-')}.tap`);
  const r = await run(suite, process.execPath, [
    '--test', '--test-concurrency=2',
    '--test-reporter=spec', '--test-reporter-destination=stdout',
    '--test-reporter=tap', `--test-reporter-destination=${tapFile}`,
    dir,
  ]);
  const text = existsSync(tapFile) ? readFileSync(tapFile, 'utf8') : '';
  const pass = Number(/^# pass (\d+)/m.exec(text)?.[1] ?? 0);
  const fail = Number(/^# fail (\d+)/m.exec(text)?.[1] ?? 0) + Number(/^# cancelled (\d+)/m.exec(text)?.[1] ?? 0);
  results.push({ suite, passed: pass, failed: fail || (r.code !== 0 ? 1 : 0), seconds: r.seconds, code: r.code });
}

const deps = await run('install test dependencies (Debian packages)', 'npm', ['run', '--silent', 'test-deps:install']);
if (deps.code !== 0) results.push({ suite: 'test-deps:install', passed: 0, failed: 1, seconds: deps.seconds, code: deps.code });

await nodeTests('unit/lsp/cli (node --test)', 'out/tests/');

if (process.env.JITAI_SKIP_NEOVIM === '1') {
  console.log('\nJITAI_SKIP_NEOVIM=1: Neovim suite skipped');
} else if (deps.code === 0) {
  await nodeTests('Neovim LSP client suite', 'out/neovim-tests/');
}

if (process.env.JITAI_SKIP_VSCODE === '1') {
  console.log('\nJITAI_SKIP_VSCODE=1: real VS Code suites skipped');
} else {
  const install = await run('install real VS Code (code-server) + Chromium', 'npm', ['run', '--silent', 'vscode:install']);
  if (install.code !== 0) results.push({ suite: 'vscode:install', passed: 0, failed: 1, seconds: install.seconds, code: install.code });
  else {
    for (const [suite, script] of [['extension tests in VS Code', 'test:vscode'], ['UI walk-through (Playwright)', 'test:e2e']]) {
      const r = await run(suite, 'npm', ['run', '--silent', script], { capture: true });
      const c = counts(r.out);
      results.push({ suite, passed: c?.passed ?? 0, failed: c ? c.failed + (r.code !== 0 && c.failed === 0 ? 1 : 0) : 1, seconds: r.seconds, code: r.code });
    }
  }
}

console.log('\n=== summary');
for (const r of results) console.log(`${r.suite.padEnd(34)} ${String(r.passed).padStart(4)} passed ${String(r.failed).padStart(3)} failed  ${r.seconds.toFixed(1)} s${r.code ? `  (exit ${r.code})` : ''}`);
const passed = results.reduce((n, r) => n + r.passed, 0);
const failed = results.reduce((n, r) => n + r.failed, 0);
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed > 0 ? 1 : 0);
