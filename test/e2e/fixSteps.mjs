// Walk-through steps of the quick fixes that create files (run by test/e2e/walkthrough.mjs after the
// client steps): Ctrl+. on "funcType is Inner but this element has no inner.py" offers "Create inner.py
// with customFunc"; choosing it creates the file and the problem leaves the Problems panel.
import fs from 'node:fs';
import { WAIT } from './workbench.mjs';

function assert(cond, message) { if (!cond) throw new Error(message); }
const INNER_EVENT = 'events/deliberateMistakes/InnerWithoutFile/e.json';

export const fixSteps = [
  {
    slug: 'create-inner-fix', name: 'the "Create inner.py with customFunc" quick fix creates the handler and clears the problem',
    needs: ['install'], docsImage: [{ file: 'quick-fix-create-inner.png', snap: 'menu' }, { file: 'quick-fix-created.png', snap: 'created' }],
    async run(ctx) {
      const { wb, page } = ctx;
      const file = ctx.appFile(INNER_EVENT);
      const lines = fs.readFileSync(file, 'utf8').split('\n');
      const line = lines.findIndex((l) => l.includes('"funcType"')) + 1;
      // Maximized, the Problems list renders every row (crm-demo has ~20 problems; a short panel renders a few).
      await wb.showProblems();
      await wb.maximizePanel(true);
      await wb.problemRow('has no inner.py').waitFor({ timeout: WAIT.long });
      await wb.maximizePanel(false);
      await wb.openFile(INNER_EVENT);
      await wb.goTo(line, lines[line - 1].indexOf('"Inner"') + 3);
      await page.keyboard.press('Control+.');
      const item = page.locator('.action-widget .monaco-list-row', { hasText: 'Create inner.py with customFunc' }).first();
      await item.waitFor({ timeout: WAIT.long });
      await ctx.snap('menu');
      // The action widget takes the keyboard (a pointer block covers the page): move to the row, Enter.
      const focused = page.locator('.action-widget .monaco-list-row.focused');
      for (let i = 0; i < 10 && !(await focused.textContent().catch(() => '') ?? '').includes('Create inner.py'); i++) await page.keyboard.press('ArrowDown');
      await page.keyboard.press('Enter');
      await page.locator('.action-widget').waitFor({ state: 'hidden', timeout: WAIT.short });
      await wb.maximizePanel(true);
      await wb.problemRow('deliberateMistakes').waitFor({ timeout: WAIT.long }); // the list is rendered
      await wb.problemRow('has no inner.py').waitFor({ state: 'detached', timeout: WAIT.long });
      await wb.maximizePanel(false);
      const inner = file.replace(/e\.json$/, 'inner.py');
      assert(fs.existsSync(inner), 'inner.py was created on disk');
      await page.keyboard.press('Control+K');
      await page.keyboard.press('S'); // Save All: the created files get their text on disk
      await wb.openFile(INNER_EVENT.replace(/e\.json$/, 'inner.py'));
      await wb.waitForEditorLine((l) => l.startsWith('def customFunc('), 'def customFunc( in the new inner.py', WAIT.long);
      await ctx.snap('created');
    },
  },
];
