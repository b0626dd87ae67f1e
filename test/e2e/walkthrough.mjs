// `npm run test:e2e`: what a person sees. Packages the .vsix, installs it into a real VS Code (code-server,
// see scripts/vscode/), opens a temp copy of examples/crm-demo in headless Chromium and walks through the
// extension's features in the UI. Every step is a test with a screenshot in test-results/e2e/.
//
// usage: node test/e2e/walkthrough.mjs [--no-package] [--docs-images] [--keep]
//   --no-package   use the existing dist/jitai-events.vsix     --docs-images  copy the key screenshots to docs/images/
// Last output line: `N passed, N failed`. No retries: a step that fails is reported (with a screenshot and,
// at the end, the server log tail) and the walk-through goes on; steps that need it (`needs`) count as failed.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { ROOT, EXAMPLE_APP, codeServerBin, makeSandbox, installVsix, startServer, stopServer, launchChromium, workbenchUrl,
  watchExternalRequests, serverLogTail, onInterrupt, seconds } from '../../scripts/vscode/harness.mjs';
import { Workbench, WAIT } from './workbench.mjs';
import { steps } from './walkthroughSteps.mjs';

const argv = process.argv.slice(2);
const RESULTS = path.join(ROOT, 'test-results', 'e2e');
const DOCS_IMAGES = path.join(ROOT, 'docs', 'images');
const VSIX = path.join(ROOT, 'dist', 'jitai-events.vsix');
const T0 = Date.now();
const log = (...a) => console.log(`[e2e ${seconds(Date.now() - T0)}s]`, ...a);

fs.rmSync(RESULTS, { recursive: true, force: true });
fs.mkdirSync(RESULTS, { recursive: true });

/** One running VS Code + browser page; `open()` may be called again for another locale. */
const session = {
  sandboxes: [], server: undefined, browser: undefined, page: undefined, wb: undefined, external: [],
  async open({ locale } = {}) {
    await this.close();
    const sb = makeSandbox({ prefix: 'jitai-e2e-', settings: { 'editor.quickSuggestions': { other: 'on', comments: 'off', strings: 'on' } } });
    this.sandboxes.push(sb);
    this.sb = sb;
    const cs = codeServerBin();
    const installed = installVsix(cs, sb, VSIX);
    if (!/successfully installed/i.test(installed)) throw new Error(`--install-extension did not succeed:\n${installed}`);
    this.server = await startServer(cs, sb, { locale });
    this.browser = await launchChromium();
    this.page = await this.browser.newPage({ viewport: { width: 1600, height: 1000 } });
    this.external = watchExternalRequests(this.page, this.server.baseUrl);
    this.wb = new Workbench(this.page);
    await this.page.goto(workbenchUrl(this.server.baseUrl, sb.workspace));
    await this.page.locator('.explorer-folders-view .monaco-list-row', { hasText: 'app.json' }).waitFor({ timeout: WAIT.long });
    log(`workbench ready${locale ? ` (locale ${locale})` : ''} after ${seconds(Date.now() - this.server.startedAt)} s`);
    return sb;
  },
  async close() {
    if (this.browser) await this.browser.close().catch(() => {});
    this.browser = this.page = this.wb = undefined;
    if (this.server) await stopServer(this.server);
    this.server = undefined;
  },
};
onInterrupt(() => session.close());

const ctx = {
  session, log, ROOT, EXAMPLE_APP, VSIX,
  get wb() { return session.wb; },
  get page() { return session.page; },
  get app() { return session.sb.workspace; },
  appFile: (rel) => path.join(session.sb.workspace, ...rel.split('/')),
  expectedProblems: () => JSON.parse(fs.readFileSync(path.join(EXAMPLE_APP, 'expected-problems.json'), 'utf8')),
  /** Extra screenshot in the middle of a step: test-results/e2e/<step id>-<name>.png. */
  async snap(name) {
    const file = `${ctx.currentId}-${name}.png`;
    await session.page.screenshot({ path: path.join(RESULTS, file) });
    return file;
  },
  packageVsix() {
    if (argv.includes('--no-package') && fs.existsSync(VSIX)) return 'kept the existing dist/jitai-events.vsix';
    try {
      return execFileSync('npm', ['run', '--silent', 'package'], { cwd: ROOT, encoding: 'utf8', stdio: 'pipe' });
    } catch (e) {
      throw new Error(`npm run package failed:\n${String(e.stdout ?? '').slice(-2000)}\n${String(e.stderr ?? '').slice(-2000)}`);
    }
  },
};

const results = [];
const failedSlugs = new Set();
for (const [i, step] of steps.entries()) {
  const id = `${String(i + 1).padStart(2, '0')}-${step.slug}`;
  const t = Date.now();
  const missing = (step.needs ?? []).filter((slug) => failedSlugs.has(slug));
  if (missing.length) {
    failedSlugs.add(step.slug);
    results.push({ step, ok: false, error: new Error(`not run: step "${missing[0]}" failed`) });
    console.log(`✖ ${step.name} — not run: step "${missing[0]}" failed`);
    continue;
  }
  ctx.currentId = id;
  try {
    await step.run(ctx);
    if (ctx.page) await ctx.page.screenshot({ path: path.join(RESULTS, `${id}.png`) });
    results.push({ step, ok: true, ms: Date.now() - t, shot: `${id}.png` });
    console.log(`✔ ${step.name} (${seconds(Date.now() - t)} s)`);
  } catch (error) {
    results.push({ step, ok: false, error });
    console.log(`✖ ${step.name} (${seconds(Date.now() - t)} s)\n    ${String(error?.message ?? error).split('\n').join('\n    ')}`);
    if (ctx.page) await ctx.page.screenshot({ path: path.join(RESULTS, `${id}-FAILED.png`) }).catch(() => {});
    failedSlugs.add(step.slug);
  }
}

const failed = results.filter((r) => !r.ok);
if (argv.includes('--docs-images')) {
  fs.mkdirSync(DOCS_IMAGES, { recursive: true });
  for (const r of results) {
    if (!r.ok || !r.step.docsImage) continue;
    for (const image of [r.step.docsImage].flat()) {
      const { file, snap } = typeof image === 'string' ? { file: image } : image;
      const from = snap ? r.shot.replace(/\.png$/, `-${snap}.png`) : r.shot;
      fs.copyFileSync(path.join(RESULTS, from), path.join(DOCS_IMAGES, file));
    }
  }
  log('copied the key screenshots to docs/images/');
}
if (session.external.length) log('requests that left the machine:', JSON.stringify([...new Set(session.external)]));
const logTails = failed.length ? session.sandboxes.map((sb) => serverLogTail(sb)).join('\n') : '';
await session.close();
if (logTails) console.log(logTails);
for (const sb of session.sandboxes) {
  if (argv.includes('--keep') || failed.length) log('kept', sb.tmp);
  else fs.rmSync(sb.tmp, { recursive: true, force: true });
}
log(`screenshots in ${path.relative(ROOT, RESULTS)}/; total ${seconds(Date.now() - T0)} s`);
console.log(`${results.length - failed.length} passed, ${failed.length} failed`);
process.exit(failed.length ? 1 : 0);
