// The steps of the UI walk-through (test/e2e/walkthrough.mjs runs them in order, one test each).
// Each checks what a person sees; values are read from the example app's files, not hard-coded lines.
import fs from 'node:fs';
import { WAIT } from './workbench.mjs';
import { clientSteps } from './clientSteps.mjs';
import { fixSteps } from './fixSteps.mjs';

const read = (file) => fs.readFileSync(file, 'utf8');
const lineOf = (text, needle) => text.split('\n').findIndex((l) => l.includes(needle)) + 1;

/** 1-based line and the 1-based column where the string value after `key` starts, and the value. */
function stringValueAfter(text, key) {
  const line = lineOf(text, key);
  if (!line) throw new Error(`no line with ${key}`);
  const l = text.split('\n')[line - 1];
  const open = l.indexOf('"', l.indexOf(key) + key.length);
  return { line, column: open + 2, value: l.slice(open + 1, l.indexOf('"', open + 1)) };
}

function assert(cond, message) { if (!cond) throw new Error(message); }

const TYPO = 'events/deliberateMistakes/TypoSender/e.json';
const SUBSCRIBER = 'events/NotifySalesOnProcessed/e.json';
const SERVICE = 'services/CustomerBatchService/e.json';

export const steps = [
  {
    slug: 'package', name: 'npm run package builds dist/jitai-events.vsix',
    async run(ctx) {
      ctx.packageVsix();
      const size = fs.statSync(ctx.VSIX).size;
      assert(size > 10_000, `dist/jitai-events.vsix is only ${size} bytes`);
      ctx.log(`vsix ${Math.round(size / 1024)} KB`);
    },
  },
  {
    slug: 'install', name: 'the .vsix installs into VS Code and the workbench opens the example app with the JitAi view',
    needs: ['package'],
    async run(ctx) {
      const sb = await ctx.session.open();
      const installed = fs.readdirSync(sb.extensions).filter((d) => d.startsWith('jitai-tools.jitai-events-'));
      assert(installed.length === 1, `extensions dir: ${fs.readdirSync(sb.extensions).join(', ')}`);
      await ctx.page.locator('.activitybar .action-item .action-label[aria-label^="JitAi"]').waitFor({ timeout: WAIT.first });
    },
  },
  {
    slug: 'problems', name: 'Problems panel lists the sender typos of e.json and Python files with their text',
    needs: ['install'], docsImage: { file: 'problems.png', snap: 'maximized' },
    async run(ctx) {
      const { wb, expectedProblems } = ctx;
      await wb.showProblems();
      await wb.maximizePanel(true);
      // The first index runs while the workbench loads: the first row may take a while on a busy machine.
      await wb.problemRow('jitai').waitFor({ timeout: WAIT.first });
      for (const p of expectedProblems()) {
        const folder = p.file.split('/').slice(0, -1).join('/');
        const name = p.file.split('/').at(-1);
        await wb.problemRow(name, folder).waitFor({ timeout: WAIT.long }).catch(() => { throw new Error(`no Problems file row for ${p.file}`); });
        await wb.problemRow(p.code, `[Ln ${p.line},`).waitFor({ timeout: WAIT.short })
          .catch(async () => { throw new Error(`no Problems row "${p.code} [Ln ${p.line},…]" for ${p.file}; rows: ${JSON.stringify(await wb.problemRowTexts())}`); });
      }
      await wb.problemRow('declares no event "dataProcesed"', 'Did you mean "dataProcessed"?', '[Ln 4,').waitFor({ timeout: WAIT.short });
      await wb.problemRow('declares no event "reportGenerated"').waitFor({ timeout: WAIT.short });
      await wb.problemRow('"services.OrderServce"').waitFor({ timeout: WAIT.short });
      await ctx.snap('maximized');
      await wb.maximizePanel(false);
    },
  },
  {
    slug: 'completion', name: 'typing in a sender string lists the declared events; accepting one writes it and clears the problem',
    needs: ['install'], docsImage: { file: 'completion.png', snap: 'list' },
    async run(ctx) {
      const { wb, page } = ctx;
      const at = stringValueAfter(read(ctx.appFile(TYPO)), '"sender"');
      await wb.openFile(TYPO);
      await wb.goTo(at.line, at.column);
      for (let i = 0; i < at.value.length; i++) await page.keyboard.press('Shift+ArrowRight'); // select the sender
      await page.keyboard.type('services.Cust', { delay: 40 });
      const suggest = page.locator('.editor-widget.suggest-widget.visible');
      const row = suggest.locator('.monaco-list-row', { hasText: 'services.CustomerBatchService.dataProcessed' }).first();
      await row.waitFor({ timeout: WAIT.long });
      await suggest.locator('.monaco-list-row', { hasText: 'services.CustomerBatchService.batchFailed' }).first().waitFor({ timeout: WAIT.short });
      await ctx.snap('list');
      await row.click();
      await suggest.waitFor({ state: 'hidden', timeout: WAIT.short });
      await wb.waitForEditorLine((l) => l.trim() === '"sender": "services.CustomerBatchService.dataProcessed",',
        'the accepted sender in the editor');
      await page.keyboard.press('Control+S');
      await wb.showProblems();
      await wb.problemRow('declares no event "dataProcesed"').waitFor({ state: 'detached', timeout: WAIT.long });
    },
  },
  {
    slug: 'definition', name: "F12 on a sender opens the service's e.json at the event's name",
    needs: ['install'], docsImage: 'go-to-definition.png',
    async run(ctx) {
      const { wb, page } = ctx;
      const at = stringValueAfter(read(ctx.appFile(SUBSCRIBER)), '"sender"');
      const eventName = at.value.split('.').pop();
      const target = read(ctx.appFile(SERVICE));
      const declLine = lineOf(target, `"name": "${eventName}"`);
      assert(declLine > 0, `${SERVICE} declares ${eventName}`);
      await wb.openFile(SUBSCRIBER);
      await wb.goTo(at.line, at.column + at.value.length - 3);
      await page.keyboard.press('F12');
      await page.locator('.editor-group-container.active .breadcrumbs-control', { hasText: 'CustomerBatchService' }).waitFor({ timeout: WAIT.long });
      const status = await wb.waitForCursor(declLine);
      const col = Number(status.match(/Col (\d+)/)?.[1]);
      const nameCol = target.split('\n')[declLine - 1].indexOf(`"${eventName}"`) + 1;
      assert(col >= nameCol && col <= nameCol + eventName.length + 1, `cursor at ${status}; "${eventName}" is at column ${nameCol + 1}`);
    },
  },
  {
    slug: 'events-tree', name: 'the JitAi view at the default width: service and event names first, subscribers by element name, publish sites by function',
    needs: ['install'], docsImage: 'events-tree.png',
    async run(ctx) {
      const { wb } = ctx;
      await wb.openActivity('JitAi');
      await wb.setSidebarWidth(300);
      await wb.treeRow('CustomerBatchService').waitFor({ timeout: WAIT.long });
      await wb.expandTreeRow('dataProcessed');
      for (const text of ['Published by', 'CustomerBatchService.processCustomers', 'services/CustomerBatchService/service.py:', 'Handled by',
        'ArchiveStatistics', 'NotifySalesOnProcessed']) {
        await wb.treeRow(text).waitFor({ timeout: WAIT.short }).catch(() => { throw new Error(`no tree row "${text}" under dataProcessed`); });
      }
      for (const group of ['Model events', 'Tasks', 'Unresolved']) await wb.treeRow(group).waitFor({ timeout: WAIT.short });
    },
  },
  {
    slug: 'run-handler', name: 'Run Handler from the tree context menu prints the handler output in the Output panel',
    needs: ['events-tree'], docsImage: ['run-handler.png', 'overview.png'],
    async run(ctx) {
      const { wb } = ctx;
      await wb.contextMenu(wb.treeRow('NotifySalesOnProcessed'), 'Run Handler');
      await wb.pickQuickItem('Empty payload', { timeout: WAIT.long });
      const output = wb.outputLines();
      await output.filter({ hasText: 'email to sales@acme.example: Batch done: 0 customers' }).waitFor({ timeout: WAIT.long });
      await output.filter({ hasText: '✔ events.NotifySalesOnProcessed' }).waitFor({ timeout: WAIT.long });
      await wb.notification('events.NotifySalesOnProcessed').waitFor({ timeout: WAIT.short });
    },
  },
  ...clientSteps,
  ...fixSteps,
  {
    slug: 'flow-graph', name: 'Show Event Flow on an event draws services -> events -> handlers in a webview; the filter narrows it',
    needs: ['events-tree'], docsImage: [{ file: 'flow-graph.png', snap: 'graph' }, { file: 'flow-graph-filtered.png', snap: 'filtered' }],
    async run(ctx) {
      const { wb, page } = ctx;
      const service = JSON.parse(read(ctx.appFile(SERVICE)));
      const event = service.eventDescs.find((e) => e.name === 'dataProcessed');
      const subscriberTitle = JSON.parse(read(ctx.appFile(SUBSCRIBER))).title;
      await wb.contextMenu(wb.treeRow(event.name), 'Show Event Flow');
      // VS Code puts a webview in an iframe whose document loads the content into #active-frame.
      const view = page.frameLocator('iframe.webview').frameLocator('#active-frame');
      const node = (text) => view.locator('svg.flow g.node', { hasText: text }).first();
      for (const text of [service.title, event.title, subscriberTitle, 'events.ArchiveStatistics', 'CustomerBatchService.processCustomers']) {
        await node(text).waitFor({ timeout: WAIT.long }).catch(() => { throw new Error(`no box "${text}" in the flow view`); });
      }
      await view.locator('.scope', { hasText: `services.CustomerBatchService.${event.name}` }).waitFor({ timeout: WAIT.short });
      await view.locator('.loops', { hasText: 'No loops' }).waitFor({ timeout: WAIT.short });
      await ctx.snap('graph');
      await view.locator('#filter').fill('Notify');
      await node(subscriberTitle).waitFor({ timeout: WAIT.short });
      await node('events.ArchiveStatistics').waitFor({ state: 'detached', timeout: WAIT.short });
      await ctx.snap('filtered');
      // A click on a box opens its e.json beside the graph.
      await node(subscriberTitle).click();
      await page.locator('.editor-group-container.active .breadcrumbs-control', { hasText: 'NotifySalesOnProcessed' }).waitFor({ timeout: WAIT.long });
    },
  },
  {
    slug: 'disk-edit', name: 'an e.json rewritten on disk updates the Problems panel',
    needs: ['install'], docsImage: { file: 'disk-edit.png', snap: 'flagged' },
    async run(ctx) {
      const { wb } = ctx;
      const file = ctx.appFile(SERVICE);
      const original = read(file);
      fs.writeFileSync(file, original.replace('"name": "dataProcessed"', '"name": "dataDone"'));
      try {
        await wb.showProblems();
        await wb.maximizePanel(true); // every row rendered (a short panel renders only the first few)
        await wb.problemRow('e.json', 'events/NotifySalesOnProcessed').waitFor({ timeout: WAIT.long });
        await wb.problemRow('declares no event "dataProcessed"', 'Declared events: dataDone').waitFor({ timeout: WAIT.short });
        await ctx.snap('flagged');
      } finally {
        fs.writeFileSync(file, original);
      }
      await wb.problemRow('declares no event "dataProcessed"').waitFor({ state: 'detached', timeout: WAIT.long });
    },
  },
  {
    slug: 'zh-cn', name: 'with --locale zh-cn the extension shows Chinese titles, tree labels and problem messages',
    needs: ['package'], docsImage: 'zh-cn.png',
    async run(ctx) {
      await ctx.session.open({ locale: 'zh-cn' });
      const { wb, page } = ctx;
      await wb.openActivity('JitAi');
      await page.locator('.part.sidebar .composite.title', { hasText: '事件' }).waitFor({ timeout: WAIT.first });
      await wb.setSidebarWidth(520);
      await wb.expandTreeRow('dataProcessed');
      for (const text of ['模型事件', '发布方', '处理方', '无法解析']) {
        await wb.treeRow(text).waitFor({ timeout: WAIT.long }).catch(() => { throw new Error(`no tree row "${text}"`); });
      }
      await wb.showProblems();
      await wb.problemRow('没有声明事件 "dataProcesed"').waitFor({ timeout: WAIT.long });
      await wb.openQuickInput();
      await wb.quickInput.fill('>JitAi');
      await page.locator('.quick-input-widget .monaco-list-row', { hasText: '重新索引应用' }).first().waitFor({ timeout: WAIT.short });
      await ctx.snap('commands');
      await page.keyboard.press('Escape');
      // e.json hovers come from the Chinese schema.
      const text = read(ctx.appFile(SUBSCRIBER));
      const line = lineOf(text, '"title"');
      await wb.openFile(SUBSCRIBER);
      await wb.goTo(line, text.split('\n')[line - 1].indexOf('"title"') + 3);
      await wb.showHover('元素的显示名称');
      await ctx.snap('schema-hover');
    },
  },
];
