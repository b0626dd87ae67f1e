// A throw-away real VS Code for the editor tests: code-server (VS Code server + web workbench, installed by
// install-code-server.sh) on 127.0.0.1 with a random free port, temp user-data / extensions / workspace
// dirs, and headless Chromium driven by playwright-core. Used by run-ext-tests.mjs and test/e2e/.
//
// Robust by construction: the server runs detached in its own process group and is killed as a group
// (extension host, pty host and language server with it); its TMPDIR is inside the sandbox; on failure
// the caller prints serverLogTail() and keeps the sandbox.
import { spawn, execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
export const EXAMPLE_APP = path.join(ROOT, 'examples', 'crm-demo');
const DEFAULT_VSCODE_DIR = path.join(ROOT, '.vscode-test', 'code-server');

const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage'];

export function codeServerBin(vscodeDir = process.env.VSCODE_DIR || DEFAULT_VSCODE_DIR) {
  const cs = path.join(path.resolve(vscodeDir), 'node_modules', '.bin', 'code-server');
  if (!fs.existsSync(cs)) {
    throw new Error(`No VS Code (code-server) at ${cs}.\nInstall it first (about 1-2 min, npm + Debian packages only):\n` +
      '    npm run vscode:install\n未找到 VS Code（code-server），请先运行 npm run vscode:install。');
  }
  return cs;
}

export function chromiumPath() {
  const candidates = [process.env.CHROMIUM, '/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'];
  const found = candidates.find((p) => p && fs.existsSync(p));
  if (!found) {
    throw new Error('Chromium not found (the workbench is driven in a headless Chromium; no browser is downloaded).\n' +
      'Install it:  sudo apt-get install -y --no-install-recommends chromium   (or set CHROMIUM=/path/to/chrome)\n' +
      '未找到 Chromium，请用上面的 apt-get 命令安装，或设置 CHROMIUM 环境变量。');
  }
  return found;
}

/**
 * Temp dir holding user-data, extensions, TMPDIR, a config file and the workspace: a copy of `workspaceFrom`
 * (default: the example app) so tests may edit files freely.
 */
export function makeSandbox({ prefix = 'jitai-vscode-', workspaceFrom = EXAMPLE_APP, settings = {} } = {}) {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  const sb = {
    tmp,
    userData: path.join(tmp, 'user-data'),
    extensions: path.join(tmp, 'extensions'),
    workspace: path.join(tmp, path.basename(workspaceFrom)),
    config: path.join(tmp, 'config.yaml'),
    tmpdir: path.join(tmp, 'tmp'),
    serverLog: path.join(tmp, 'server.log'),
  };
  for (const d of [sb.userData, sb.extensions, sb.tmpdir, path.join(sb.userData, 'User')]) fs.mkdirSync(d, { recursive: true });
  fs.cpSync(workspaceFrom, sb.workspace, { recursive: true, filter: (src) => !/[\\/](node_modules|__pycache__|\.git)$/.test(src) });
  // A quiet, deterministic workbench. Workspace Trust: `security.workspace.trust.enabled: false` makes every
  // folder trusted, so the extension runs its trusted path (Run handler enabled) without the trust prompt.
  fs.writeFileSync(path.join(sb.userData, 'User', 'settings.json'), JSON.stringify({
    'workbench.startupEditor': 'none',
    'workbench.tips.enabled': false,
    'workbench.enableExperiments': false,
    'workbench.welcomePage.walkthroughs.openOnInstall': false,
    'security.workspace.trust.enabled': false,
    'telemetry.telemetryLevel': 'off',
    'update.mode': 'none',
    'extensions.autoCheckUpdates': false,
    'extensions.autoUpdate': false,
    'extensions.ignoreRecommendations': true,
    'git.enabled': false,
    'npm.fetchOnlinePackageInfo': false,
    'json.schemaDownload.enable': false,
    'python.languageServer': 'None',
    'editor.quickSuggestionsDelay': 10,
    'files.autoSave': 'off',
    'chat.commandCenter.enabled': false,
    'workbench.secondarySideBar.defaultVisibility': 'hidden',
    ...settings,
  }, null, 2));
  // Port 0 = any free port. Always our own config: without --config code-server writes ~/.config/code-server.
  fs.writeFileSync(sb.config, 'bind-addr: 127.0.0.1:0\nauth: none\ncert: false\n');
  sb.baseArgs = ['--config', sb.config, '--user-data-dir', sb.userData, '--extensions-dir', sb.extensions];
  return sb;
}

// Gallery off (EXTENSIONS_GALLERY='{}': no marketplace queries); TMPDIR in the sandbox (extension hosts leave
// sockets and typescript folders there).
const serverEnv = (sb) => ({ ...process.env, EXTENSIONS_GALLERY: '{}', TMPDIR: sb.tmpdir });

export function installVsix(cs, sb, vsix) {
  return execFileSync(cs, [...sb.baseArgs, '--install-extension', vsix], { encoding: 'utf8', env: serverEnv(sb) }).trim();
}

/**
 * code-server's `--locale zh-cn` only takes effect when a language pack for it is installed (VS Code reads
 * `<user-data>/languagepacks.json`); offline there is no marketplace to get Microsoft's pack from. So we
 * register the display language with an EMPTY translation file: VS Code's own UI stays English, but the
 * workbench and the extension host run with `vscode.env.language === locale`, which is what selects the
 * extension's package.nls.<locale>.json and l10n bundle.
 */
function registerDisplayLanguage(sb, locale) {
  const translations = path.join(sb.tmp, `display-language-${locale}.i18n.json`);
  fs.writeFileSync(translations, JSON.stringify({ version: '1.0.0', contents: {} }));
  fs.writeFileSync(path.join(sb.userData, 'languagepacks.json'), JSON.stringify({
    [locale]: {
      hash: `empty-${locale}`, label: locale, translations: { vscode: translations },
      extensions: [{ extensionIdentifier: { id: `test.display-language-${locale}` }, version: '0.0.0' }],
    },
  }, null, 2));
}

/** Starts code-server detached (own process group); resolves with its base URL once it listens. */
export async function startServer(cs, sb, { locale, timeoutMs = 60000 } = {}) {
  const startedAt = Date.now();
  const args = [...sb.baseArgs, '--disable-telemetry', '--disable-update-check', '--disable-getting-started-override'];
  if (locale) {
    args.push('--locale', locale);
    if (!/^en\b/i.test(locale)) registerDisplayLanguage(sb, locale.toLowerCase());
  }
  const proc = spawn(cs, [...args, sb.workspace], { detached: true, stdio: ['ignore', 'pipe', 'pipe'], env: serverEnv(sb) });
  const logFile = fs.createWriteStream(sb.serverLog);
  proc.stderr.pipe(logFile, { end: false });
  const listening = new Promise((resolve, reject) => {
    let buf = '';
    const timer = setTimeout(() => reject(new Error(`code-server did not listen within ${timeoutMs} ms`)), timeoutMs);
    proc.stdout.on('data', (d) => {
      logFile.write(d);
      if (buf === null) return;
      buf += d;
      const m = buf.match(/HTTP server listening on (http:\/\/\S+)/);
      if (m) { clearTimeout(timer); buf = null; resolve(m[1].replace(/\/$/, '')); }
    });
    proc.once('exit', (code) => { clearTimeout(timer); reject(new Error(`code-server exited early (code ${code})`)); });
    proc.once('error', (e) => { clearTimeout(timer); reject(e); });
  });
  // A server that never listened is still ended with its whole group before the error propagates.
  const baseUrl = await listening.catch((err) => { killGroup(proc, 'SIGKILL'); throw err; });
  return { proc, baseUrl, startedAt, listeningMs: Date.now() - startedAt };
}

/** Ends the server's whole process group: SIGTERM, then SIGKILL after 5 s. */
export async function stopServer(server) {
  const proc = server?.proc;
  if (!proc || proc.exitCode !== null || proc.signalCode) { killGroup(proc, 'SIGKILL'); return; }
  const exited = new Promise((r) => proc.once('exit', r));
  killGroup(proc, 'SIGTERM');
  await Promise.race([exited, new Promise((r) => setTimeout(r, 5000))]);
  killGroup(proc, 'SIGKILL'); // children that outlived the server (extension host, language server)
}
function killGroup(proc, signal) {
  if (!proc?.pid) return;
  try { process.kill(-proc.pid, signal); } catch { /* group already gone */ }
}

export async function launchChromium() {
  const { chromium } = await import('playwright-core');
  // Playwright gives every launch a fresh temporary Chromium profile.
  return chromium.launch({ executablePath: chromiumPath(), headless: true, args: CHROMIUM_ARGS });
}

/** Workbench URL; `payload` = the web workbench's launch arguments (extensionDevelopmentPath, extensionTestsPath). */
export function workbenchUrl(baseUrl, folder, payload = []) {
  const q = new URLSearchParams({ folder });
  if (payload.length) q.set('payload', JSON.stringify(payload));
  return `${baseUrl}/?${q}`;
}

/** A path on the server machine as the remote URI the workbench expects (authority = host:port). */
export const remoteUri = (baseUrl, p) => `vscode-remote://${new URL(baseUrl).host}${path.resolve(p)}`;

/** Records browser requests that leave the machine (there should be none). */
export function watchExternalRequests(page, baseUrl) {
  const external = [];
  page.on('request', (r) => {
    const u = r.url();
    if (u.startsWith(baseUrl) || /^(data|blob|about|chrome-extension|vscode-[a-z-]+):/.test(u)) return;
    if (/^(https?|wss?):\/\/(127\.0\.0\.1|localhost)[:/]/.test(u)) return;
    external.push(u);
  });
  return external;
}

/** Last lines of the server log and of the extension-host logs, for failure reports. */
export function serverLogTail(sb, lines = 40) {
  const parts = [];
  const tail = (file) => {
    try { return fs.readFileSync(file, 'utf8').trimEnd().split('\n').slice(-lines).join('\n'); } catch { return null; }
  };
  const server = tail(sb.serverLog);
  if (server) parts.push(`--- ${sb.serverLog} (last ${lines} lines) ---\n${server}`);
  for (const f of findFiles(path.join(sb.userData, 'logs'), /^(exthost|remoteexthost)\.log$|JitAi|jitai/i)) {
    const t = tail(f);
    if (t) parts.push(`--- ${f} (last ${lines} lines) ---\n${t}`);
  }
  return parts.join('\n');
}
function findFiles(dir, re) {
  const out = [];
  let entries = [];
  try { entries = fs.readdirSync(dir, { withFileTypes: true }); } catch { return out; }
  for (const e of entries) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) out.push(...findFiles(p, re));
    else if (re.test(e.name)) out.push(p);
  }
  return out;
}

/** Runs cleanup once on exit paths, including Ctrl-C, so no server is left behind. */
export function onInterrupt(cleanup) {
  for (const sig of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
    process.once(sig, async () => { await cleanup().catch(() => {}); process.exit(130); });
  }
}

export const seconds = (ms) => +(ms / 1000).toFixed(1);
