// Entry of the extension-host test suite: the standard `run()` that @vscode/test-electron (and VS Code's
// extensionTestsPath) loads. Runs every bundled *.test.js next to this file with mocha (TDD interface).
// The bundle lives in out/vscode-tests/, inside the repo, so `mocha` resolves from the repo's node_modules.
import fs from 'node:fs';
import path from 'node:path';
import type MochaType from 'mocha';

/** Printed once mocha is done; the runners (run-ext-tests.mjs) read it to print `N passed, N failed`. */
export const RESULT_MARKER = 'JITAI_VSCODE_TESTS_RESULT';

export async function run(): Promise<void> {
  // mocha 12 is an ES module: a dynamic import loads it in every extension host (also Node versions
  // without require(esm)). esbuild keeps import() of an external module as is.
  const Mocha = ((await import('mocha')) as unknown as { default: typeof MochaType }).default;
  const mocha = new Mocha({
    ui: 'tdd',
    color: false,
    reporter: 'spec',
    // Generous per-test limit: the first index of the example app on a busy 2-core machine; every wait
    // inside the tests is on an event with its own, more precise timeout message.
    timeout: 90_000,
    grep: process.env.JITAI_VSCODE_TESTS_GREP || undefined,
  });
  const files = fs.readdirSync(__dirname).filter((f) => f.endsWith('.test.js')).sort();
  if (files.length === 0) throw new Error(`no *.test.js next to ${__filename}: the suite was not bundled`);
  for (const f of files) mocha.addFile(path.join(__dirname, f));
  return new Promise((resolve, reject) => {
    try {
      const runner = mocha.run((failures) => {
        const passed = runner.stats?.passes ?? 0;
        const failed = runner.stats?.failures ?? failures;
        console.log(`${RESULT_MARKER} ${JSON.stringify({ passed, failed, pending: runner.stats?.pending ?? 0 })}`);
        console.log(`${passed} passed, ${failed} failed`);
        if (failures > 0) reject(new Error(`${failures} extension test(s) failed`));
        else resolve();
      });
    } catch (err) {
      console.error(err);
      reject(err);
    }
  });
}
