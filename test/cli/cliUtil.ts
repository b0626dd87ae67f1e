/** Runs the built CLI (`node dist/cli.js …`) and collects what a terminal would show. */
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { repoRoot } from '../helpers/repo';

export interface CliResult { code: number | null; stdout: string; stderr: string; signal: NodeJS.Signals | null }

export function cliPath(): string {
  const p = path.join(repoRoot(), 'dist', 'cli.js');
  if (!fs.existsSync(p)) throw new Error(`${p} is missing: run node scripts/build.mjs first`);
  return p;
}

/** Spawns the CLI; kills it (and fails) when it runs longer than `timeoutMs`. */
export function runCli(args: string[], o: { cwd?: string; timeoutMs?: number; env?: NodeJS.ProcessEnv } = {}): Promise<CliResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [cliPath(), ...args], {
      cwd: o.cwd ?? repoRoot(), env: { ...process.env, NO_COLOR: '', FORCE_COLOR: '', ...o.env }, stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '', stderr = '';
    child.stdout.setEncoding('utf8').on('data', (s: string) => { stdout += s; });
    child.stderr.setEncoding('utf8').on('data', (s: string) => { stderr += s; });
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`jitai-events ${args.join(' ')} did not finish in ${o.timeoutMs ?? 60_000} ms\nstdout: ${stdout}\nstderr: ${stderr}`));
    }, o.timeoutMs ?? 60_000);
    child.on('error', (e) => { clearTimeout(timer); reject(e); });
    child.on('close', (code, signal) => { clearTimeout(timer); resolve({ code, signal, stdout, stderr }); });
  });
}

/** For assertion messages. */
export function show(r: CliResult): string {
  return `exit ${r.code}\n--- stdout ---\n${r.stdout}\n--- stderr ---\n${r.stderr}`;
}
