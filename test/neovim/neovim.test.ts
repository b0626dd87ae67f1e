/**
 * Neovim's own LSP client against the real server (dist/server.js), configured with the README's
 * Neovim snippet verbatim (only the install path substituted): diagnostics of never-opened files,
 * completion, definition, hover, references, rename across e.json and .py, a quick fix, a file
 * written on disk with no client notification, zh-CN, and positions after CJK text.
 * Needs `nvim` on PATH (`npm run test-deps:install` installs Debian's package).
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { repoRoot, tempCopy } from '../helpers/repo';

interface Diag { lnum: number; col: number; end_col: number; severity: number; message: string; code?: string }
interface Observed {
  nvim: string; error?: string; attached?: boolean;
  diagnostics: Record<string, Diag[]>;
  steps: Record<string, any>;
}

const root = repoRoot();

/** The Lua code block that follows `marker` in the README, with the install path made real. */
export function readmeSnippet(marker: string): string {
  const readme = fs.readFileSync(path.join(root, 'README.md'), 'utf8');
  const at = readme.indexOf(marker);
  assert.ok(at >= 0, `README has no ${marker}`);
  const m = /```lua\n([\s\S]*?)```/.exec(readme.slice(at));
  assert.ok(m, `no lua block after ${marker}`);
  return m[1].replaceAll('/path/to/jitai-events', root);
}

function nvimVersion(): [number, number] | undefined {
  const r = spawnSync('nvim', ['--version'], { encoding: 'utf8' });
  const m = /NVIM v(\d+)\.(\d+)/.exec(r.stdout ?? '');
  return m ? [Number(m[1]), Number(m[2])] : undefined;
}

/** Lines added to the app copy: CJK text before the sender on the same line. */
const CJK_EVENT = '{ "type": "events.NormalType", "backendBundleEntry": ".", "title": "订单处理完成通知（测试）", "sender": "services.CustomerBatchService.dataProcessed", "funcType": "Global", "func": "services.NotifyService.notifySales" }\n';
const CJK_TYPO = '{ "type": "events.NormalType", "backendBundleEntry": ".", "title": "中文标题", "sender": "services.CustomerBatchService.dataProcesed", "funcType": "Global", "func": "services.NotifyService.notifySales" }\n';

function runNeovim(snippet: string, mode: 'full' | 'diagnostics', locale?: string): Observed {
  const app = tempCopy('examples/crm-demo');
  try {
    fs.mkdirSync(path.join(app.dir, 'events/CjkEvent'));
    fs.writeFileSync(path.join(app.dir, 'events/CjkEvent/e.json'), CJK_EVENT);
    fs.mkdirSync(path.join(app.dir, 'events/CjkTypo'));
    fs.writeFileSync(path.join(app.dir, 'events/CjkTypo/e.json'), CJK_TYPO);
    const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'jitai-nvim-'));
    const setup = path.join(tmp, 'setup.lua');
    fs.writeFileSync(setup, `vim.cmd('filetype on')\n${snippet}`);
    const out = path.join(tmp, 'out.json');
    const r = spawnSync('nvim', ['--headless', '-u', 'NONE', '-i', 'NONE', '-n', '-c', `luafile ${path.join(root, 'test/neovim/driver.lua')}`], {
      cwd: app.dir, encoding: 'utf8', timeout: 120_000,
      env: { ...process.env, JITAI_NVIM_APP: app.dir, JITAI_NVIM_OUT: out, JITAI_NVIM_SETUP: setup, JITAI_NVIM_MODE: mode, LANG: locale === 'zh' ? 'zh_CN.UTF-8' : 'C.UTF-8' },
    });
    assert.ok(fs.existsSync(out), `nvim wrote no result (status ${r.status}, signal ${r.signal}):\n${r.stdout}\n${r.stderr}`);
    const observed = JSON.parse(fs.readFileSync(out, 'utf8')) as Observed;
    fs.rmSync(tmp, { recursive: true, force: true });
    assert.equal(observed.error, undefined, `driver failed: ${observed.error}`);
    return observed;
  } finally {
    app.cleanup();
  }
}

const version = nvimVersion();

describe('Neovim (its built-in LSP client) with the README snippet for 0.7–0.9', { skip: !version && 'nvim not installed: npm run test-deps:install' }, () => {
  let o: Observed;
  before(() => { o = runNeovim(readmeSnippet('<!-- neovim-0.7 -->'), 'full'); });

  it('attaches to an e.json buffer', () => {
    assert.equal(o.attached, true);
  });

  it('shows problems of files that were never opened, with code and line', () => {
    const py = o.diagnostics['services/MistakesDemoService/service.py'];
    assert.deepEqual(py.map((d) => [d.lnum + 1, d.code]).sort(), [
      [10, 'unknown-event'], [13, 'sender-service-not-found'], [17, 'publish-args-not-tuple'], [19, 'publish-kwargs-not-dict'],
      [21, 'element-ref-not-found'], [23, 'element-ref-not-found'], [31, 'event-loop'], [34, 'params-mismatch'],
    ]);
    const typo = o.diagnostics['events/deliberateMistakes/TypoSender/e.json'];
    assert.equal(typo.length, 1);
    assert.equal(typo[0].code, 'unknown-event');
    assert.match(typo[0].message, /declares no event "dataProcesed"\. Did you mean "dataProcessed"\?/);
  });

  it('places a diagnostic after CJK text at the right UTF-16 column', () => {
    const [d] = o.diagnostics['events/CjkTypo/e.json'];
    assert.ok(d, 'a diagnostic on the CJK line');
    // Neovim converts the server's UTF-16 columns to byte columns; the byte column of the value must match.
    // The problem is the event-name part of the sender value, after the CJK title on the same line.
    const name = 'dataProcesed"';
    const byteStart = Buffer.byteLength(CJK_TYPO.slice(0, CJK_TYPO.indexOf(name)), 'utf8');
    assert.equal(d.lnum, 0);
    assert.equal(d.col, byteStart, `col ${d.col}, the event name starts at byte ${byteStart}`);
    assert.equal(d.end_col, byteStart + 'dataProcesed'.length);
  });

  it('completes events of the service in a sender string', () => {
    assert.ok(o.steps.completion.labels, JSON.stringify(o.steps.completion));
    assert.ok(o.steps.completion.labels.some((l: string) => l.endsWith('dataProcessed')), o.steps.completion.labels.join(', '));
  });

  it('goes to the eventDescs declaration, also from after CJK text', () => {
    assert.deepEqual(o.steps.definition, [{ file: 'services/CustomerBatchService/e.json', line: 23 }]);
    assert.deepEqual(o.steps.definitionAfterCjk, [{ file: 'services/CustomerBatchService/e.json', line: 23 }]);
  });

  it('hovers with the event title', () => {
    assert.match(o.steps.hover.text ?? '', /dataProcessed/);
  });

  it('finds references in e.json and Python files', () => {
    const refs: string[] = o.steps.references;
    assert.ok(refs.includes('services/CustomerBatchService/e.json'), refs.join(', '));
    assert.ok(refs.includes('services/CustomerBatchService/service.py'), refs.join(', '));
    assert.ok(refs.includes('events/NotifySalesOnProcessed/e.json'), refs.join(', '));
  });

  it('offers and applies the quick fix for a misspelled event', () => {
    assert.ok(o.steps.codeAction.titles.some((t: string) => t.includes('services.CustomerBatchService.dataProcessed')), JSON.stringify(o.steps.codeAction));
    assert.match(o.steps.codeAction.lineAfter, /"sender": "services\.CustomerBatchService\.dataProcessed"/);
  });

  it('renames an event across e.json and service.py', () => {
    assert.ok(o.steps.rename.files.includes('services/CustomerBatchService/e.json'), JSON.stringify(o.steps.rename));
    assert.ok(o.steps.rename.files.includes('services/CustomerBatchService/service.py'), JSON.stringify(o.steps.rename));
    assert.equal(o.steps.rename.pyHasNewName, true);
  });

  it('gets no code lens it cannot execute (no Run lens, no count lens: Neovim declares no commands)', () => {
    assert.deepEqual(o.steps.codeLens, {
      'events/ArchiveStatistics/inner.py': [], 'events/NotifySalesOnProcessed/e.json': [], 'services/CustomerBatchService/e.json': [],
    });
  });

  it('sees an e.json written on disk although the client sends no file events', () => {
    const d: Diag[] = o.steps.diskChange.diagnostics ?? [];
    assert.equal(d.length, 1, JSON.stringify(o.steps.diskChange));
    assert.equal(d[0].code, 'unknown-event');
  });
});

describe('Neovim in Chinese', { skip: !version && 'nvim not installed: npm run test-deps:install' }, () => {
  let o: Observed;
  before(() => {
    const snippet = readmeSnippet('<!-- neovim-0.7 -->').replace('dist/server.js\' })', 'dist/server.js\', locale = \'zh-cn\' })');
    assert.match(snippet, /locale = 'zh-cn'/, 'the snippet takes a locale option');
    o = runNeovim(snippet, 'diagnostics', 'zh');
  });
  it('reports problems in Simplified Chinese', () => {
    const [d] = o.diagnostics['events/deliberateMistakes/TypoSender/e.json'];
    assert.match(d.message, /没有声明事件 "dataProcesed"/);
  });
});

describe('Neovim 0.10+ snippet', { skip: (!version || version[0] === 0 && version[1] < 10) && `needs Neovim 0.10+ (found ${version?.join('.') ?? 'none'})` }, () => {
  let o: Observed;
  before(() => { o = runNeovim(readmeSnippet('<!-- neovim-0.10 -->'), 'diagnostics'); });
  it('attaches and shows problems of never-opened files', () => {
    assert.equal(o.attached, true);
    assert.equal(o.diagnostics['events/deliberateMistakes/TypoSender/e.json'][0]?.code, 'unknown-event');
  });
});

after(() => undefined);
