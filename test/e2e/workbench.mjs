// What a person does in the VS Code workbench, as playwright-core steps: command palette, quick open,
// go to line, the Problems panel, the editor's text, tree rows, context menus, the Output panel.
// Selectors are VS Code internals (stable across 1.96-1.100; see scripts/vscode/harness.mjs).

export const WAIT = { short: 15_000, long: 60_000, first: 120_000 };

export class Workbench {
  constructor(page) { this.page = page; }

  get quickInput() { return this.page.locator('.quick-input-widget .quick-input-box input'); }

  async openQuickInput() {
    await this.page.keyboard.press('F1');
    await this.quickInput.waitFor({ state: 'visible', timeout: WAIT.short });
  }

  /** F1, type the command's title, run it. */
  async runCommand(title, { closes = true } = {}) {
    await this.openQuickInput();
    await this.quickInput.fill('>' + title);
    await this.pickQuickItem(title, { closes });
  }

  async pickQuickItem(label, { closes = true, timeout = WAIT.short } = {}) {
    const row = this.page.locator('.quick-input-widget .monaco-list-row', { hasText: label }).first();
    await row.waitFor({ state: 'visible', timeout });
    await row.click();
    if (closes) await this.page.locator('.quick-input-widget').waitFor({ state: 'hidden', timeout: WAIT.short });
  }

  /** Quick Open (file mode of the same widget), pick the file whose row shows `relPath`'s folder. */
  async openFile(relPath) {
    const parts = relPath.split('/');
    const name = parts.pop();
    await this.openQuickInput();
    await this.quickInput.fill(relPath);
    const row = this.page.locator('.quick-input-widget .monaco-list-row', { hasText: parts.join('/') }).filter({ hasText: name }).first();
    await row.waitFor({ state: 'visible', timeout: WAIT.long });
    await row.click();
    await this.page.locator('.quick-input-widget').waitFor({ state: 'hidden', timeout: WAIT.short });
    await this.page.locator('.editor-group-container.active .breadcrumbs-control', { hasText: parts.at(-1) ?? name })
      .waitFor({ timeout: WAIT.short });
    await this.editor.locator('.view-lines').waitFor({ timeout: WAIT.short });
  }

  get editor() { return this.page.locator('.editor-group-container.active .editor-container .monaco-editor').first(); }

  /** Go to Line/Column (1-based), as Ctrl+G does. */
  async goTo(line, column) {
    await this.openQuickInput();
    await this.quickInput.fill(`:${line}:${column}`);
    await this.page.keyboard.press('Enter');
    await this.page.locator('.quick-input-widget').waitFor({ state: 'hidden', timeout: WAIT.short });
    await this.waitForCursor(line, column);
  }

  /** Waits until the status bar shows the cursor at line/column; returns the status text. */
  async waitForCursor(line, column) {
    const status = this.page.locator('[id="status.editor.selection"]');
    const want = column === undefined ? new RegExp(`Ln ${line},`) : new RegExp(`Ln ${line}, Col ${column}\\b`);
    await status.filter({ hasText: want }).waitFor({ timeout: WAIT.short });
    return status.innerText();
  }

  /** The active editor's rendered lines, in line order (Monaco renders the visible lines only). */
  async editorLines() {
    return this.editor.locator('.view-lines .view-line').evaluateAll((els) => els
      .map((e) => ({ top: parseFloat(e.style.top) || 0, text: (e.textContent ?? '').replace(/\u00a0/g, ' ') }))
      .sort((a, b) => a.top - b.top).map((l) => l.text));
  }

  /** Waits until some rendered line of the active editor satisfies `predicate`. */
  async waitForEditorLine(predicate, what, timeout = WAIT.short) {
    const end = Date.now() + timeout;
    let lines = [];
    while (Date.now() < end) {
      lines = await this.editorLines();
      const hit = lines.find(predicate);
      if (hit !== undefined) return hit;
      await this.page.waitForTimeout(100); // polling the DOM of the editor; there is no event to wait on from outside
    }
    throw new Error(`timed out waiting for ${what}; editor lines: ${JSON.stringify(lines)}`);
  }

  async breadcrumbs() {
    return (await this.page.locator('.editor-group-container.active .breadcrumbs-control').innerText()).replace(/\s+/g, ' ');
  }

  // ---- Problems panel -------------------------------------------------------------------------------
  async showProblems() {
    await this.runCommand('View: Focus Problems (Errors, Warnings, Infos)');
    await this.page.locator('.markers-panel').waitFor({ state: 'visible', timeout: WAIT.short });
  }

  problemRow(...texts) {
    let row = this.page.locator('.markers-panel .monaco-list-row');
    for (const t of texts) row = row.filter({ hasText: t });
    return row.first();
  }

  async problemRowTexts() {
    return (await this.page.locator('.markers-panel .monaco-list-row').allInnerTexts()).map((t) => t.replace(/\s+/g, ' ').trim());
  }

  async maximizePanel(on) {
    const panel = await this.page.locator('.part.panel').boundingBox();
    const maximized = !!panel && panel.height > 0.6 * (this.page.viewportSize()?.height ?? 1000);
    if (maximized !== on) await this.runCommand('View: Toggle Maximized Panel');
  }

  // ---- Side bar trees ------------------------------------------------------------------------------
  async openActivity(label) {
    const item = this.page.locator(`.activitybar .action-item .action-label[aria-label^="${label}"]`).first();
    await item.waitFor({ state: 'visible', timeout: WAIT.first });
    // Clicking the active item would hide the side bar: click only when it is not the active one.
    if (!(await this.page.locator(`.activitybar .action-item.checked .action-label[aria-label^="${label}"]`).count())) await item.click();
  }

  /** Drags the side bar's sash (cosmetic: wider rows in the screenshots). */
  async setSidebarWidth(px) {
    const box = await this.page.locator('.part.sidebar').boundingBox();
    if (!box || Math.abs(box.width - px) < 8) return;
    const y = box.y + box.height / 2;
    await this.page.mouse.move(box.x + box.width, y);
    await this.page.mouse.down();
    await this.page.mouse.move(box.x + px, y, { steps: 5 });
    await this.page.mouse.up();
  }

  treeRow(text) { return this.page.locator('.part.sidebar .monaco-list-row', { hasText: text }).first(); }

  async expandTreeRow(text) {
    const row = this.treeRow(text);
    await row.waitFor({ state: 'visible', timeout: WAIT.long });
    if ((await row.getAttribute('aria-expanded')) === 'false') await row.locator('.monaco-tl-twistie').click();
    await this.page.locator('.part.sidebar .monaco-list-row[aria-expanded="true"]', { hasText: text }).first().waitFor({ timeout: WAIT.short });
  }

  async contextMenu(rowLocator, item) {
    const menu = this.page.locator('.context-view .monaco-menu');
    // A tree refresh can re-render the row under an open menu and swallow the click: the menu then stays
    // open. Check that the menu closed (the item ran); else choose the item again, a bounded number of times.
    for (let attempt = 0; attempt < 3; attempt++) {
      if (!(await menu.isVisible().catch(() => false))) await rowLocator.click({ button: 'right' });
      const entry = this.page.locator('.context-view .monaco-menu .action-item', { hasText: item }).first();
      await entry.waitFor({ state: 'visible', timeout: WAIT.short });
      await entry.click();
      if (await menu.waitFor({ state: 'hidden', timeout: 3000 }).then(() => true, () => false)) return;
    }
    throw new Error(`the context menu did not run "${item}"`);
  }

  /** Right-clicks the active editor's text and returns the context menu's item labels (menu closed again). */
  async editorContextMenuItems() {
    // On the last rendered line: the first lines may carry a CodeLens, which a click would run.
    await this.editor.locator('.view-lines .view-line').last().click({ button: 'right', position: { x: 5, y: 5 } });
    const menu = this.page.locator('.context-view .monaco-menu');
    await menu.waitFor({ state: 'visible', timeout: WAIT.short });
    const items = (await menu.locator('.action-item .action-label').allInnerTexts()).map((t) => t.trim()).filter(Boolean);
    await this.page.keyboard.press('Escape');
    await menu.waitFor({ state: 'hidden', timeout: WAIT.short });
    return items;
  }

  /** Shows the hover at the cursor (Ctrl+K Ctrl+I) and returns its locator. */
  async showHover(text) {
    const hover = this.page.locator('.monaco-hover', { hasText: text }).first();
    // The JSON language server may still be starting: ask again a bounded number of times.
    for (let attempt = 1; ; attempt++) {
      await this.page.keyboard.press('Control+K');
      await this.page.keyboard.press('Control+I');
      try {
        await hover.waitFor({ state: 'visible', timeout: WAIT.short });
        return hover;
      } catch (err) {
        if (attempt >= 4) throw err;
        await this.page.keyboard.press('Escape');
      }
    }
  }

  // ---- Output panel / notifications ----------------------------------------------------------------
  outputLines() { return this.page.locator('.part.panel .output-view .view-lines'); }

  notification(text) { return this.page.locator('.notifications-toasts .notification-toast', { hasText: text }).first(); }
}
