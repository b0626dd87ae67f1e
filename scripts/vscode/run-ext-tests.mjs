// `npm run test:vscode`: runs the mocha suite of test/vscode/ INSIDE the Node extension host of a real
// VS Code (code-server), on a temp copy of examples/crm-demo — what @vscode/test-electron does, without
// downloading VS Code. The workbench URL's payload carries extensionDevelopmentPath (= this repo) and
// extensionTestsPath (= out/vscode-tests/index.js); VS Code forwards the suite's console to
// window.codeAutomationLog and its result to window.codeAutomationExit(code).
//
// usage: node scripts/vscode/run-ext-tests.mjs [--no-build] [--grep TEXT] [--locale zh-cn] [--keep]
// Last output line: `N passed, N failed` (counted by mocha). Exit code 0 only when everything passed.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { format } from 'node:util';
import { ROOT, codeServerBin, makeSandbox, startServer, stopServer, launchChromium, workbenchUrl, remoteUri,
  serverLogTail, onInterrupt, seconds } from './harness.mjs';

const argv = process.argv.slice(2);
const opt = (name) => { const i = argv.indexOf(name); return i >= 0 ? argv[i + 1] : undefined; };
const KEEP = argv.includes('--keep');
const TIMEOUT_MS = Number(process.env.JITAI_VSCODE_TESTS_TIMEOUT_MS || 600_000);
const RESULT_MARKER = 'JITAI_VSCODE_TESTS_RESULT';
const RESULTS_DIR = path.join(ROOT, 'test-results', 'vscode');
const TESTS_ENTRY = path.join(ROOT, 'out', 'vscode-tests', 'index.js');

const T0 = Date.now();
const log = (...a) => console.log(`[test:vscode ${seconds(Date.now() - T0)}s]`, ...a);
let server, browser, page, sb, result, failure;

async function cleanup() {
  if (browser) await browser.close().catch(() => {});
  browser = undefined;
  if (server) await stopServer(server);
  server = undefined;
}
onInterrupt(cleanup);

try {
  if (!argv.includes('--no-build')) {
    log('type-checking test/vscode (tsc -p test/vscode) and building (node scripts/build.mjs --tests)');
    execFileSync(process.execPath, [path.join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', 'test/vscode'], { cwd: ROOT, stdio: 'inherit' });
    fs.rmSync(path.dirname(TESTS_ENTRY), { recursive: true, force: true }); // no stale suites from deleted files
    execFileSync(process.execPath, [path.join(ROOT, 'scripts', 'build.mjs'), '--tests'], { cwd: ROOT, stdio: 'inherit' });
  }
  if (!fs.existsSync(TESTS_ENTRY)) throw new Error(`${TESTS_ENTRY} is missing: the build did not bundle test/vscode/`);
  if (!fs.existsSync(path.join(ROOT, 'dist', 'client.js'))) throw new Error('dist/client.js is missing: the extension is not built');
  const grep = opt('--grep');
  if (grep) process.env.JITAI_VSCODE_TESTS_GREP = grep; // read by test/vscode/index.ts in the extension host

  const cs = codeServerBin();
  sb = makeSandbox({ prefix: 'jitai-vscode-tests-' });
  server = await startServer(cs, sb, { locale: opt('--locale') });
  log(`code-server listening at ${server.baseUrl} after ${server.listeningMs} ms; workspace ${sb.workspace}`);
  browser = await launchChromium();
  page = await browser.newPage({ viewport: { width: 1400, height: 900 } });

  const exited = new Promise((resolve) => { page.exposeFunction('codeAutomationExit', (code) => resolve(code)); });
  await page.exposeFunction('codeAutomationLog', (type, args) => {
    const text = format(...(args || [])); // mocha's reporter prints printf-style ('%s passing')
    // The workbench forwards some of its own chatter too; keep what the suite printed.
    if (/^(Resolving|Resolved|Creating a socket|Updating additional|Ignoring fetching|\[Service Worker\]|ChatSessionStore|Creation of workbench contribution)/.test(text)) return;
    const m = text.match(new RegExp(`${RESULT_MARKER} (\\{.*\\})`));
    if (m) { result = JSON.parse(m[1]); return; }
    if (/^\d+ passed, \d+ failed$/.test(text.trim())) return; // printed again below, as the last line
    console.log(type === 'error' ? `[ext host error] ${text}` : text);
  });
  await page.goto(workbenchUrl(server.baseUrl, sb.workspace, [
    ['extensionDevelopmentPath', remoteUri(server.baseUrl, ROOT)],
    ['extensionTestsPath', remoteUri(server.baseUrl, TESTS_ENTRY)],
  ]));
  const code = await Promise.race([exited, new Promise((r) => setTimeout(() => r('timeout'), TIMEOUT_MS))]);
  if (code === 'timeout') throw new Error(`the extension host did not report an exit code within ${TIMEOUT_MS / 1000} s`);
  log(`extension host exit code ${code}`);
  if (code !== 0 && !result) throw new Error(`the extension host exited with code ${code} before mocha reported`);
  if (code !== 0 || result.failed > 0) failure = new Error(`${result.failed} test(s) failed`);
  else if (result.passed === 0) failure = new Error('mocha ran no test (check --grep)');
} catch (err) {
  failure = err;
  console.error('test:vscode FAILED:', err instanceof Error ? err.message : err);
}

if (failure && page) {
  fs.mkdirSync(RESULTS_DIR, { recursive: true });
  const shot = path.join(RESULTS_DIR, 'failure.png');
  await page.screenshot({ path: shot }).then(() => log('screenshot', shot), () => {});
}
await cleanup();
if (failure && sb) console.log(serverLogTail(sb));
if (sb) {
  if (KEEP || failure) log('kept', sb.tmp, '(server.log, user-data/logs)');
  else fs.rmSync(sb.tmp, { recursive: true, force: true });
}
log(`total ${seconds(Date.now() - T0)} s`);
const passed = result?.passed ?? 0;
// No mocha report, or a failure mocha did not count (exit code, empty run), counts as one failure.
const failed = result ? Math.max(result.failed, failure ? 1 : 0) : 1;
console.log(`${passed} passed, ${failed} failed`);
process.exit(failure || failed > 0 ? 1 : 0);
