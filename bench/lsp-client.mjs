// A minimal LSP client over a child process's stdio, for timing the real server (dist/server.js --stdio).
// Records every publishDiagnostics / indexStatus with a timestamp so figures can wait on them.
import { spawn } from 'node:child_process';
import { readFileSync, existsSync, rmSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { pathToFileURL, fileURLToPath } from 'node:url';
import rpc from 'vscode-jsonrpc/node';

const here = dirname(fileURLToPath(import.meta.url));
export const now = () => performance.now();
export const uriOf = (path) => pathToFileURL(path).href;
/** Normalises a uri the server sent (encoding differences) to a file path. */
export const pathOfUri = (uri) => { try { return fileURLToPath(uri); } catch { return uri; } };

export class LspSession {
  constructor({ serverPath, rootDir, verbose = false, nodeArgs = [] }) {
    this.serverPath = serverPath;
    this.nodeArgs = nodeArgs;
    this.rootDir = rootDir;
    this.verbose = verbose;
    this.diagnostics = new Map(); // path -> { diagnostics, t }
    this.publishLog = []; // { path, count, t }
    this.statusLog = [];
    this.logs = [];
    this.waiters = new Set();
    this.versions = new Map();
    this.heapFile = join('/tmp', `jitai-bench-heap-${process.pid}-${Math.random().toString(36).slice(2)}.json`);
  }

  async start() {
    this.t = { spawn: now() };
    this.child = spawn(process.execPath, [...this.nodeArgs, '--require', join(here, 'heap-probe.cjs'), this.serverPath, '--stdio'], {
      stdio: ['pipe', 'pipe', 'pipe'], env: { ...process.env, BENCH_HEAP_FILE: this.heapFile },
    });
    this.pid = this.child.pid;
    this.stderr = '';
    this.child.stderr.on('data', (d) => { this.stderr += d; if (this.verbose) process.stderr.write(d); });
    this.exited = new Promise((resolve) => this.child.on('exit', (code, signal) => { this.exitCode = code ?? signal; this.wake(); resolve(); }));
    const conn = rpc.createMessageConnection(new rpc.StreamMessageReader(this.child.stdout), new rpc.StreamMessageWriter(this.child.stdin));
    this.conn = conn;
    conn.onRequest('window/workDoneProgress/create', () => null);
    conn.onRequest('client/registerCapability', (p) => { this.registrations = (this.registrations ?? []).concat(p.registrations); return null; });
    conn.onRequest('client/unregisterCapability', () => null);
    conn.onRequest('workspace/configuration', (p) => p.items.map(() => ({ validation: { debounceMs: 0 } })));
    conn.onRequest('window/showMessageRequest', () => null);
    conn.onRequest('workspace/workspaceFolders', () => [{ uri: uriOf(this.rootDir), name: 'bench' }]);
    conn.onRequest((method) => { this.logs.push(`unhandled request ${method}`); return null; });
    conn.onNotification('textDocument/publishDiagnostics', (p) => {
      const t = now();
      const path = pathOfUri(p.uri);
      this.diagnostics.set(path, { diagnostics: p.diagnostics, t });
      this.publishLog.push({ path, count: p.diagnostics.length, t });
      this.wake();
    });
    conn.onNotification('jitai/indexStatus', (p) => { this.statusLog.push({ ...p, t: now() }); this.wake(); });
    conn.onNotification('window/logMessage', (p) => { this.logs.push(p.message); if (this.verbose) console.error('[server]', p.message); });
    conn.onNotification('$/progress', () => {});
    conn.onNotification(() => {});
    conn.onError(([e]) => { this.logs.push(`rpc error ${e?.message}`); });
    conn.listen();

    const root = uriOf(this.rootDir);
    const caps = {
      workspace: { didChangeWatchedFiles: { dynamicRegistration: true }, configuration: true, workspaceFolders: true },
      textDocument: {
        synchronization: { dynamicRegistration: true, didSave: true },
        publishDiagnostics: { relatedInformation: true, versionSupport: true, codeDescriptionSupport: true, dataSupport: true },
        completion: { completionItem: { snippetSupport: true, insertReplaceSupport: true, labelDetailsSupport: true } },
        definition: { linkSupport: true },
      },
      window: { workDoneProgress: true },
    };
    this.t.initSent = now();
    const died = this.exited.then(() => { throw new Error(`server exited (${this.exitCode}) before answering initialize\n${this.stderr.slice(-2000)}`); });
    this.initResult = await Promise.race([died, conn.sendRequest('initialize', {
      processId: process.pid, rootUri: root, workspaceFolders: [{ uri: root, name: 'bench' }], capabilities: caps,
      initializationOptions: { locale: 'en', settings: { validation: { debounceMs: 0 } } }, locale: 'en',
    })]);
    died.catch(() => {});
    this.t.initDone = now();
    conn.sendNotification('initialized', {});
    this.t.initialized = now();
  }

  wake() { for (const w of [...this.waiters]) w(); }

  /** Resolves when check() returns a truthy value; rejects after timeoutMs or if the server exits. */
  waitFor(check, timeoutMs, what) {
    return new Promise((resolve, reject) => {
      const test = () => {
        let v;
        try { v = check(); } catch (e) { done(); reject(e); return; }
        if (v) { done(); resolve(v); } else if (this.exitCode !== undefined) { done(); reject(new Error(`server exited (${this.exitCode}) while waiting for ${what}\n${this.stderr.slice(-2000)}`)); }
      };
      const timer = setTimeout(() => { done(); reject(new Error(`timeout after ${timeoutMs} ms waiting for ${what}`)); }, timeoutMs);
      const done = () => { clearTimeout(timer); this.waiters.delete(test); };
      this.waiters.add(test);
      test();
    });
  }

  ready() { return this.statusLog.find((s) => s.state === 'ready'); }

  open(path, text = readFileSync(path, 'utf8')) {
    this.versions.set(path, 1);
    this.conn.sendNotification('textDocument/didOpen', { textDocument: { uri: uriOf(path), languageId: path.endsWith('.py') ? 'python' : 'json', version: 1, text } });
    return text;
  }
  change(path, text) {
    const version = (this.versions.get(path) ?? 1) + 1;
    this.versions.set(path, version);
    this.conn.sendNotification('textDocument/didChange', { textDocument: { uri: uriOf(path), version }, contentChanges: [{ text }] });
  }
  close(path) { this.conn.sendNotification('textDocument/didClose', { textDocument: { uri: uriOf(path) } }); }
  watchedChanged(paths, type = 2) {
    this.conn.sendNotification('workspace/didChangeWatchedFiles', { changes: paths.map((p) => ({ uri: uriOf(p), type })) });
  }

  /** Round trip of a request the server cannot know: the transport + dispatch cost alone. */
  async ping() {
    const t0 = now();
    try { await this.conn.sendRequest('bench/ping', {}); } catch { /* MethodNotFound expected */ }
    return now() - t0;
  }

  async timed(method, params) {
    const t0 = now();
    const result = await this.conn.sendRequest(method, params);
    return { ms: now() - t0, result };
  }

  memory() {
    const status = readFileSync(`/proc/${this.pid}/status`, 'utf8');
    const kb = (k) => Number((status.match(new RegExp(`^${k}:\\s+(\\d+) kB`, 'm')) ?? [])[1] ?? NaN);
    return { vmHWMMB: kb('VmHWM') / 1024, vmRSSMB: kb('VmRSS') / 1024 };
  }

  /** CPU time (user+sys) the server process used so far, in ms (clock ticks of 10 ms). */
  cpuMs() {
    const f = readFileSync(`/proc/${this.pid}/stat`, 'utf8');
    const fields = f.slice(f.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) * 10;
  }

  /** Heap figures from the preloaded probe (SIGUSR2 -> JSON file). */
  async heap(timeoutMs = 5000) {
    rmSync(this.heapFile, { force: true });
    process.kill(this.pid, 'SIGUSR2');
    const t0 = now();
    while (now() - t0 < timeoutMs) {
      if (existsSync(this.heapFile)) {
        try { const h = JSON.parse(readFileSync(this.heapFile, 'utf8')); rmSync(this.heapFile, { force: true }); return h; } catch { /* partial write */ }
      }
      await new Promise((r) => setTimeout(r, 10));
    }
    return undefined;
  }

  async stop() {
    if (this.exitCode === undefined) {
      try {
        await Promise.race([this.conn.sendRequest('shutdown'), new Promise((r) => setTimeout(r, 3000))]);
        this.conn.sendNotification('exit');
      } catch { /* already gone */ }
      await Promise.race([this.exited, new Promise((r) => setTimeout(r, 3000))]);
      if (this.exitCode === undefined) this.child.kill('SIGKILL');
    }
    this.conn.dispose();
    rmSync(this.heapFile, { force: true });
  }
}

/** Zero-based line/character of a string offset. */
export function positionAt(text, offset) {
  let line = 0, last = -1;
  for (let i = text.indexOf('\n'); i !== -1 && i < offset; i = text.indexOf('\n', i + 1)) { line++; last = i; }
  return { line, character: offset - last - 1 };
}
