// What bench/editor.mjs measures in the real workbench (code-server + headless Chromium): keystroke ->
// suggestion list on screen (in a sender string, and VS Code's word completion in a .txt as the floor),
// the first completion after opening a file, expanding a service node of the events tree, and Problems
// complete. Times are taken inside the page: from the keydown / mousedown event (a capture listener) to
// the first animation frame that shows the result, so Playwright's own round trips are not counted.
import fs from 'node:fs';
import path from 'node:path';
import { WAIT } from '../test/e2e/workbench.mjs';

/** Normal typing pace: 150-300 ms between keys (a fixed pseudo-random sequence, the same for every run). */
let paceSeed = 7;
export function pace() {
  paceSeed = (paceSeed * 48271) % 2147483647;
  return 150 + (paceSeed % 151);
}

/** Records the time of the last keydown and mousedown in the page. */
export async function installProbe(page) {
  await page.evaluate(() => {
    if (window.__jb) return;
    window.__jb = { kd: 0, md: 0 };
    window.addEventListener('keydown', () => { window.__jb.kd = performance.now(); }, true);
    window.addEventListener('mousedown', () => { window.__jb.md = performance.now(); }, true);
  });
}

/** Milliseconds from the last keydown until the suggest widget shows a row containing `label`. */
export async function suggestLatency(page, label, timeout = WAIT.short) {
  const h = await page.waitForFunction((want) => {
    const w = document.querySelector('.suggest-widget.visible');
    if (!w) return false;
    const rows = w.querySelectorAll('.monaco-list-row');
    for (const r of rows) if ((r.textContent ?? '').includes(want)) return performance.now() - window.__jb.kd;
    return false;
  }, label, { polling: 'raf', timeout });
  return h.jsonValue();
}

async function closeSuggest(page) {
  await page.keyboard.press('Escape');
  await page.locator('.suggest-widget.visible').waitFor({ state: 'hidden', timeout: WAIT.short }).catch(() => {});
}

/**
 * One typing burst at a normal pace: delete the word before the cursor (Ctrl+Backspace), then type
 * `word`'s first `chars` characters; the latency of the first one (which opens the list) is returned.
 */
export async function typingBurst(page, word, label, chars = 3) {
  await closeSuggest(page);
  await page.keyboard.press('Control+Backspace');
  await page.waitForTimeout(pace()); // typing pace, not a wait for an event
  await page.keyboard.press(word[0]);
  const ms = await suggestLatency(page, label);
  for (const ch of word.slice(1, chars)) {
    await page.waitForTimeout(pace());
    await page.keyboard.press(ch);
  }
  await page.waitForTimeout(pace());
  return ms;
}

/** 1-based line and column just before the closing quote of the `"sender"` value of an e.json. */
export function senderEnd(file) {
  const lines = fs.readFileSync(file, 'utf8').split('\n');
  const i = lines.findIndex((l) => /"sender"\s*:/.test(l));
  if (i < 0) throw new Error(`no "sender" line in ${file}`);
  const m = /"sender"\s*:\s*"([^"]*)"/.exec(lines[i]);
  return { line: i + 1, column: lines[i].indexOf(m[1]) + m[1].length + 1, value: m[1] };
}

/** Milliseconds from the click on a tree row's twistie until a child row labelled `childLabel` shows. */
export async function expandLatency(page, rowLabel, childLabel) {
  const row = page.locator('.part.sidebar .monaco-list-row').filter({ has: page.locator('.label-name', { hasText: new RegExp(`^${rowLabel}$`) }) }).first();
  await row.waitFor({ state: 'visible', timeout: WAIT.long });
  if ((await row.getAttribute('aria-expanded')) === 'true') await row.locator('.monaco-tl-twistie').click();
  await row.locator('.monaco-tl-twistie').click();
  const h = await page.waitForFunction((want) => {
    for (const r of document.querySelectorAll('.part.sidebar .monaco-list-row')) {
      const name = r.querySelector('.label-name')?.textContent;
      if (name === want && Number(r.getAttribute('aria-level')) >= 3) return performance.now() - window.__jb.md;
    }
    return false;
  }, childLabel, { polling: 'raf', timeout: WAIT.short });
  const ms = await h.jsonValue();
  await row.locator('.monaco-tl-twistie').click();
  return ms;
}

/** Resolves with the page's clock (ms since epoch) when the status bar shows `errors` errors and `warnings` warnings. */
export async function problemsShown(page, errors, warnings, timeout) {
  const h = await page.waitForFunction(([e, w]) => {
    const item = document.querySelector('[id="status.problems"]');
    const text = item?.getAttribute('aria-label') ?? item?.textContent ?? '';
    const nums = (text.match(/\d+/g) ?? []).map(Number);
    return nums.length >= 2 && nums[0] === e && nums[1] === w ? Date.now() : false;
  }, [errors, warnings], { polling: 100, timeout });
  return h.jsonValue();
}

/** The "JitAi Events" log of the extension host (trace lines included once the level is Trace). */
export function findExtensionLog(userData) {
  const found = [];
  const walk = (d) => {
    for (const e of fs.readdirSync(d, { withFileTypes: true })) {
      const p = path.join(d, e.name);
      if (e.isDirectory()) walk(p);
      else if (e.name === 'JitAi Events.log' || /JitAi Events\.log$/.test(e.name)) found.push(p);
    }
  };
  try { walk(path.join(userData, 'logs')); } catch { /* no logs yet */ }
  return found.sort((a, b) => fs.statSync(b).mtimeMs - fs.statSync(a).mtimeMs)[0];
}

/** Response times the language client traced for `method` (ms), in order. */
export function tracedResponses(logText, method) {
  const re = new RegExp(`Received response '${method.replace('/', '\\/')} - \\(\\d+\\)' in (\\d+)ms`, 'g');
  return [...logText.matchAll(re)].map((m) => Number(m[1]));
}

/** Local "YYYY-MM-DD HH:MM:SS.mmm" timestamp of the log line containing `text`, as ms since epoch. */
export function logTime(logText, text) {
  const line = logText.split('\n').find((l) => l.includes(text));
  const m = line && /^(\d{4}-\d\d-\d\d) (\d\d:\d\d:\d\d\.\d{3})/.exec(line);
  return m ? new Date(`${m[1]}T${m[2]}`).getTime() : undefined;
}

/** Sets the log level of an output channel through "Developer: Set Log Level..." (so the client's trace is written). */
export async function setChannelLogLevel(wb, page, channel, level) {
  await wb.runCommand('Developer: Set Log Level', { closes: false });
  await wb.pickQuickItem(channel, { closes: false });
  await wb.pickQuickItem(level);
}
