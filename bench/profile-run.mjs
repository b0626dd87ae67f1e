// CPU profiles (node --cpu-prof) of the CLI check, the server's first index, and the server answering
// completions — run when a target is missed, summarised by bench/profile.mjs.
import { mkdirSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { cliProfile } from './process-figures.mjs';
import { LspSession } from './lsp-client.mjs';
import { completionFigure } from './server-figures.mjs';
import { summariseProfile, formatProfile } from './profile.mjs';

// CPU.<date>.<time>.<pid>.<thread id>.<seq>.cpuprofile: one per thread (the CLI's read-ahead worker writes its
// own); the main thread (id 0) is the one that indexes and checks.
const newest = (dir) => {
  const all = readdirSync(dir).filter((f) => f.endsWith('.cpuprofile')).sort();
  const main = all.filter((f) => /\.\d+\.0\.\d+\.cpuprofile$/.test(f));
  return join(dir, (main.length ? main : all).pop());
};

function fresh(dir) {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  return dir;
}

/** Server session under --cpu-prof: first index, then optionally some work; the profile is written on exit. */
async function profileServerSession(serverPath, app, dir, work) {
  const s = new LspSession({ serverPath, rootDir: app.dir, nodeArgs: ['--cpu-prof', '--cpu-prof-dir', dir, '--cpu-prof-interval', '200'] });
  const expected = app.manifest.broken.map((b) => join(app.dir, b.dir, 'e.json'));
  try {
    await s.start();
    await s.waitFor(() => s.ready() && expected.every((p) => s.diagnostics.get(p)?.diagnostics.length), 600_000, 'ready');
    if (work) await work(s);
  } finally {
    await s.stop();
  }
  return newest(dir);
}

export async function runProfiles({ cliPath, serverPath, app, outDir, which }) {
  const out = {};
  const sum = (file, top = 20) => { const p = summariseProfile(file, top); return { ...p, text: formatProfile(p) }; };
  if (which.cli && cliPath) {
    const dir = fresh(join(outDir, 'cli'));
    cliProfile(cliPath, app.dir, dir);
    out.cli = sum(newest(dir));
  }
  if (which.serverIndex && serverPath) {
    out.serverIndex = sum(await profileServerSession(serverPath, app, fresh(join(outDir, 'server-index')), null));
  }
  if (which.completion && serverPath) {
    out.serverCompletion = sum(await profileServerSession(serverPath, app, fresh(join(outDir, 'server-completion')),
      (s) => completionFigure(s, app, { requests: 100, warmup: 0 })));
  }
  return out;
}
