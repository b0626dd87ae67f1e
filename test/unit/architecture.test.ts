/**
 * The layout rules, checked on the sources: no import cycle; what each layer may import (the
 * extension host never imports server code, the engine never imports the LSP, the CLI or an
 * editor, shared code imports neither side); every source file opens with a comment saying what it
 * is for; no source file over 400 lines.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { repoRoot } from '../helpers/repo';

const root = repoRoot();
const SOURCE_DIRS = ['client/src', 'shared/src', 'server/src'];

function sources(): string[] {
  const out: string[] = [];
  const walk = (dir: string) => {
    for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
      const p = path.join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else if (e.name.endsWith('.ts') && !e.name.endsWith('.d.ts')) out.push(path.relative(root, p).split(path.sep).join('/'));
    }
  };
  for (const d of SOURCE_DIRS) walk(path.join(root, d));
  return out.sort();
}

/** Relative imports of a file, resolved to repository paths (`import`, `export … from`, `import type`). */
function importsOf(file: string): { target: string; typeOnly: boolean }[] {
  const text = fs.readFileSync(path.join(root, file), 'utf8');
  const out: { target: string; typeOnly: boolean }[] = [];
  for (const m of text.matchAll(/^(import|export)\s+(type\s+)?[^'"]*?from\s+'(\.[^']+)'/gm)) {
    const base = path.join(path.dirname(file), m[3]);
    const candidates = [`${base}.ts`, path.join(base, 'index.ts')];
    const target = candidates.find((c) => fs.existsSync(path.join(root, c)));
    if (target) out.push({ target: target.split(path.sep).join('/'), typeOnly: !!m[2] });
  }
  return out;
}

function packagesOf(file: string): string[] {
  const text = fs.readFileSync(path.join(root, file), 'utf8');
  return [...text.matchAll(/^(?:import|export)\s[^'"]*?from\s+'([^.][^']*)'/gm)].map((m) => m[1]);
}

const layer = (f: string) =>
  f.startsWith('client/') ? 'client'
    : f.startsWith('shared/') ? 'shared'
      : f.startsWith('server/src/engine/') ? 'engine'
        : f.startsWith('server/src/lsp/') ? 'lsp'
          : f.startsWith('server/src/cli/') ? 'cli' : 'other';

/** Which layers each layer may import from. */
const ALLOWED: Record<string, string[]> = {
  client: ['client', 'shared'],
  shared: ['shared'],
  engine: ['engine', 'shared'],
  lsp: ['lsp', 'engine', 'shared'],
  cli: ['cli', 'engine', 'shared'],
};
const FORBIDDEN_PACKAGES: Record<string, RegExp> = {
  client: /^vscode-languageserver(\/|$)/,
  shared: /^(vscode|vscode-languageclient|vscode-languageserver)(\/|$)/,
  engine: /^(vscode|vscode-jsonrpc|vscode-languageclient|vscode-languageserver|vscode-languageserver-protocol)(\/|$)/,
  lsp: /^(vscode|vscode-languageclient)(\/|$)/,
  cli: /^(vscode|vscode-languageclient|vscode-languageserver)(\/|$)/,
};

describe('architecture', () => {
  const files = sources();

  it('finds the sources', () => {
    assert.ok(files.length > 80, `${files.length} files`);
  });

  it('has no import cycle (type-only imports included)', () => {
    const graph = new Map(files.map((f) => [f, importsOf(f).map((i) => i.target)]));
    const state = new Map<string, 'visiting' | 'done'>();
    const cycles: string[][] = [];
    const visit = (f: string, stack: string[]) => {
      if (state.get(f) === 'done') return;
      if (state.get(f) === 'visiting') { cycles.push([...stack.slice(stack.indexOf(f)), f]); return; }
      state.set(f, 'visiting');
      for (const t of graph.get(f) ?? []) visit(t, [...stack, f]);
      state.set(f, 'done');
    };
    for (const f of files) visit(f, []);
    assert.deepEqual(cycles.map((c) => c.join(' -> ')), []);
  });

  it('each layer imports only the layers below it', () => {
    const bad: string[] = [];
    for (const f of files) {
      const from = layer(f);
      for (const { target } of importsOf(f)) {
        if (!ALLOWED[from]?.includes(layer(target))) bad.push(`${f} -> ${target}`);
      }
      for (const pkg of packagesOf(f)) if (FORBIDDEN_PACKAGES[from]?.test(pkg)) bad.push(`${f} -> ${pkg}`);
    }
    assert.deepEqual(bad, []);
  });

  it('engine features never import the checker', () => {
    const bad = files.filter((f) => f.startsWith('server/src/engine/features/'))
      .flatMap((f) => importsOf(f).filter((i) => i.target.startsWith('server/src/engine/check/')).map((i) => `${f} -> ${i.target}`));
    assert.deepEqual(bad, []);
  });

  it('every source file opens with a comment saying what it is for', () => {
    const bad = files.filter((f) => !/^\s*(\/\*\*|\/\/|\/\*)/.test(fs.readFileSync(path.join(root, f), 'utf8')));
    assert.deepEqual(bad, []);
  });

  it('no source file is over 400 lines', () => {
    const big = files.map((f) => [f, fs.readFileSync(path.join(root, f), 'utf8').split('\n').length] as const).filter(([, n]) => n > 400);
    assert.deepEqual(big, []);
  });

  it('comments cite only what is in the repository', () => {
    const bad = files.filter((f) => /\bBRIEF\b|\bissue \d+\b|DOMAIN\.md|DOMAIN §/.test(fs.readFileSync(path.join(root, f), 'utf8')));
    assert.deepEqual(bad, []);
  });
});
