// Walk-through steps of the client's own UI (run by test/e2e/walkthrough.mjs after the tree steps): the
// payload picker keeps "Empty payload", the count lens opens the references peek, "Run Handler…" in
// the editor context menu only where there is something to run, and the settings title.
import { WAIT } from './workbench.mjs';

function assert(cond, message) { if (!cond) throw new Error(message); }
const SERVICE = 'services/CustomerBatchService/e.json';

export const clientSteps = [
  {
    slug: 'payload-picker', name: '"Empty payload" is still offered after it was used',
    needs: ['run-handler'],
    async run(ctx) {
      const { wb, page } = ctx;
      await wb.openActivity('JitAi');
      await wb.contextMenu(wb.treeRow('NotifySalesOnProcessed'), 'Run Handler');
      await page.locator('.quick-input-widget .monaco-list-row', { hasText: 'Empty payload' }).first().waitFor({ timeout: WAIT.long });
      await page.keyboard.press('Escape');
    },
  },
  {
    slug: 'count-lens', name: 'clicking "N subscribers · 1 publish site" above an event opens the references peek',
    needs: ['install'], docsImage: { file: 'references-peek.png', snap: 'peek' },
    async run(ctx) {
      const { wb, page } = ctx;
      await wb.openFile(SERVICE);
      const lens = page.locator('.editor-group-container.active .codelens-decoration a', { hasText: /\d+ subscribers? · \d+ publish sites?/ }).first();
      await lens.waitFor({ timeout: WAIT.long });
      await lens.click();
      const peek = page.locator('.editor-group-container.active .peekview-widget');
      await peek.waitFor({ state: 'visible', timeout: WAIT.long });
      for (const file of ['NotifySalesOnProcessed', 'ArchiveStatistics', 'service.py']) {
        await peek.locator('.monaco-list-row', { hasText: file }).first().waitFor({ timeout: WAIT.short })
          .catch(() => { throw new Error(`the references peek lists no ${file}`); });
      }
      await ctx.snap('peek');
      await page.keyboard.press('Escape');
    },
  },
  {
    slug: 'editor-menu', name: '"Run Handler…" is in the editor context menu of an event\'s inner.py, not in a service file',
    needs: ['install'],
    async run(ctx) {
      const { wb } = ctx;
      await wb.openFile('services/CustomerBatchService/service.py');
      const service = await wb.editorContextMenuItems();
      assert(!service.some((i) => i.startsWith('Run Handler')), `service.py menu: ${service.join(' | ')}`);
      await wb.openFile('events/ArchiveStatistics/inner.py');
      // The key is set once the server answered for the new editor: look again a bounded number of times.
      let items = [];
      for (let i = 0; i < 20 && !items.includes('Run Handler…'); i++) items = await wb.editorContextMenuItems();
      assert(items.includes('Run Handler…'), `inner.py menu: ${items.join(' | ')}`);
    },
  },
  {
    slug: 'settings', name: 'the settings are grouped under "JitAi Events" and the settings there carry no "Jitai Events" prefix',
    needs: ['install'], docsImage: 'settings.png',
    async run(ctx) {
      const { wb, page } = ctx;
      await wb.runCommand('Preferences: Open Settings (UI)');
      const editor = page.locator('.settings-editor');
      await editor.waitFor({ state: 'visible', timeout: WAIT.long });
      const toc = editor.locator('.settings-toc-container');
      const extensions = toc.locator('.monaco-list-row', { hasText: 'Extensions' }).first();
      await extensions.waitFor({ timeout: WAIT.long });
      if ((await extensions.getAttribute('aria-expanded')) === 'false') await extensions.locator('.monaco-tl-twistie').click();
      await toc.locator('.monaco-list-row', { hasText: 'JitAi Events' }).first().click();
      const exclude = editor.locator('.settings-tree-container .setting-item-contents', { hasText: 'Glob patterns of files' }).first();
      await exclude.waitFor({ timeout: WAIT.long });
      const title = (await exclude.locator('.setting-item-title').innerText()).replace(/\s+/g, ' ').trim();
      assert(!/Jitai Events/.test(title), `the exclude setting is titled "${title}"`);
      ctx.log(`exclude setting title: ${title}`);
    },
  },
];
