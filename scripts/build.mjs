// Bundles the extension client, the language server, the CLI and (with --tests) the test files.
// Type checking is `tsc -b`'s job; esbuild only bundles.
import * as esbuild from 'esbuild';
import { readdirSync, readFileSync, statSync, mkdirSync, cpSync, existsSync } from 'node:fs';
import { join, relative } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const watch = process.argv.includes('--watch');
const withTests = process.argv.includes('--tests');
const production = process.argv.includes('--production');

const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  sourcemap: production ? false : 'linked',
  // jsonc-parser's `main` is a UMD build esbuild cannot follow: take its ESM build.
  mainFields: ['module', 'main'],
  logLevel: 'warning',
  absWorkingDir: root,
  // The CLI's --version and the SARIF tool version.
  define: { __VERSION__: JSON.stringify(JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).version) },
};

const builds = [
  { ...common, entryPoints: { client: 'client/src/extension.ts' }, outdir: 'dist', external: ['vscode'] },
  { ...common, entryPoints: { server: 'server/src/lsp/main.ts', cli: 'server/src/cli/main.ts', readWorker: 'server/src/engine/files/readWorker.ts' }, outdir: 'dist',
    banner: { js: '#!/usr/bin/env node' } },
  // The flow-graph webview runs in the browser: its own bundle (+ its stylesheet), always minified,
  // no source map (the CSP would not load it); test/unit/graph/bundleBudget.test.ts holds its size.
  { ...common, platform: 'browser', target: 'es2022', format: 'iife', minify: true, sourcemap: false, mainFields: ['browser', 'module', 'main'],
    entryPoints: { flowGraphView: 'client/src/graph/webview/main.ts', flowGraph: 'client/src/graph/webview/flowGraph.css' }, outdir: 'dist' },
];

function findTests(dir) {
  const out = [];
  if (!existsSync(dir)) return out;
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) out.push(...findTests(p));
    else if (name.endsWith('.test.ts')) out.push(p);
  }
  return out;
}

if (withTests) {
  const entries = {};
  for (const dir of ['test/unit', 'test/lsp', 'test/cli']) {
    for (const f of findTests(join(root, dir))) entries[relative(join(root, 'test'), f).replace(/\.ts$/, '')] = f;
  }
  builds.push({ ...common, entryPoints: entries, outdir: 'out/tests', external: ['vscode'] });
  // The Neovim suite needs `nvim` and runs as its own stage of scripts/test.mjs.
  const nv = findTests(join(root, 'test/neovim'));
  if (nv.length) builds.push({ ...common, entryPoints: Object.fromEntries(nv.map((f) => [relative(join(root, 'test/neovim'), f).replace(/\.ts$/, ''), f])), outdir: 'out/neovim-tests' });
  // The extension-host suite (mocha, vscode API) is bundled separately for the real-editor runs.
  const vs = findTests(join(root, 'test/vscode'));
  if (vs.length) {
    const e = { index: join(root, 'test/vscode/index.ts') };
    for (const f of vs) e[relative(join(root, 'test/vscode'), f).replace(/\.ts$/, '')] = f;
    builds.push({ ...common, entryPoints: e, outdir: 'out/vscode-tests', external: ['vscode', 'mocha'] });
  }
}

mkdirSync(join(root, 'dist'), { recursive: true });
if (watch) {
  for (const b of builds) await (await esbuild.context(b)).watch();
  console.log('watching…');
} else {
  await Promise.all(builds.map((b) => esbuild.build(b)));
}
// The Run-handler harness is plain Python shipped next to the bundles.
if (existsSync(join(root, 'shared/python'))) cpSync(join(root, 'shared/python'), join(root, 'dist/python'), { recursive: true });
