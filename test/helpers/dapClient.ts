/**
 * A minimal Debug Adapter Protocol client for tests: speaks Content-Length framed JSON to an adapter
 * process over stdio, sends requests, and waits (bounded) for responses and events.
 */
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';

export interface DapMessage { seq: number; type: 'request' | 'response' | 'event'; command?: string; event?: string; success?: boolean; message?: string; body?: any; request_seq?: number }

export class DapClient {
  private readonly proc: ChildProcessWithoutNullStreams;
  private buffer = Buffer.alloc(0);
  private seq = 1;
  readonly received: DapMessage[] = [];
  private waiters: { match: (m: DapMessage) => boolean; resolve: (m: DapMessage) => void }[] = [];
  stderr = '';

  constructor(command: string, args: string[]) {
    this.proc = spawn(command, args, { stdio: ['pipe', 'pipe', 'pipe'] });
    this.proc.stdout.on('data', (c: Buffer) => this.onData(c));
    this.proc.stderr.on('data', (c: Buffer) => { this.stderr += c.toString('utf8'); });
  }

  private onData(chunk: Buffer): void {
    this.buffer = Buffer.concat([this.buffer, chunk]);
    for (;;) {
      const headerEnd = this.buffer.indexOf('\r\n\r\n');
      if (headerEnd < 0) return;
      const length = Number(/Content-Length: (\d+)/i.exec(this.buffer.subarray(0, headerEnd).toString('ascii'))?.[1]);
      if (this.buffer.length < headerEnd + 4 + length) return;
      const msg = JSON.parse(this.buffer.subarray(headerEnd + 4, headerEnd + 4 + length).toString('utf8')) as DapMessage;
      this.buffer = this.buffer.subarray(headerEnd + 4 + length);
      this.received.push(msg);
      for (const w of [...this.waiters]) if (w.match(msg)) { this.waiters.splice(this.waiters.indexOf(w), 1); w.resolve(msg); }
    }
  }

  /** The first message (already received or still to come) that matches, or a timeout error naming what was awaited. */
  waitFor(what: string, match: (m: DapMessage) => boolean, timeoutMs = 30_000, since = 0): Promise<DapMessage> {
    const seen = this.received.slice(since).find(match);
    if (seen) return Promise.resolve(seen);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`DAP: no ${what} within ${timeoutMs} ms; got ${this.received.map((m) => m.event ?? m.command).join(', ')}\nstderr: ${this.stderr}`)), timeoutMs);
      this.waiters.push({ match, resolve: (m) => { clearTimeout(timer); resolve(m); } });
    });
  }

  event(name: string, timeoutMs?: number, since?: number): Promise<DapMessage> {
    return this.waitFor(`"${name}" event`, (m) => m.type === 'event' && m.event === name, timeoutMs, since);
  }

  /** Sends a request; the promise is its response (rejects when the adapter answers success: false). */
  request(command: string, args?: unknown, timeoutMs?: number): Promise<DapMessage> {
    const seq = this.seq++;
    const body = Buffer.from(JSON.stringify({ seq, type: 'request', command, arguments: args }), 'utf8');
    this.proc.stdin.write(Buffer.concat([Buffer.from(`Content-Length: ${body.length}\r\n\r\n`, 'ascii'), body]));
    return this.waitFor(`response to ${command}`, (m) => m.type === 'response' && m.request_seq === seq, timeoutMs).then((r) => {
      if (!r.success) throw new Error(`DAP ${command} failed: ${r.message}`);
      return r;
    });
  }

  /** Ends the adapter (and with it the debuggee). */
  async close(): Promise<void> {
    if (this.proc.exitCode !== null) return;
    const exited = new Promise<void>((r) => this.proc.once('exit', () => r()));
    this.proc.kill('SIGTERM');
    const timer = setTimeout(() => this.proc.kill('SIGKILL'), 3000);
    await exited;
    clearTimeout(timer);
  }
}
