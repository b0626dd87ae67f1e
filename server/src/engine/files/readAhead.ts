/**
 * A FileHost that reads ahead on a worker thread (readWorker.ts): once the index has listed the
 * files it will load (`readAhead`), a second core reads them in that order while this thread
 * parses, scans and checks. `read` of such a file answers with the worker's result; when the
 * worker is behind (a busy machine), this thread reads the file itself and the worker skips past
 * it, so neither waits for the other for long. Later reads of a file (positions and line starts
 * computed on demand) get the same text again instead of going to the disk: one snapshot per file
 * for the whole check. Without the worker (no script, no start) files are read here: answers are
 * those of the host it wraps, whichever thread read the file. Meant for one full load that is not
 * updated afterwards (the CLI): it keeps every text it read.
 */
import * as fs from 'node:fs';
import { MessageChannel, Worker, receiveMessageOnPort, type MessagePort } from 'node:worker_threads';
import { nodeFileHost, type FileHost, type ReadResult } from './fileHost';
import { Shared, type ReadBatch, type ReadRequest, type ReadWorkerData } from './readWorker';

/** Fewer files than this are read here: starting a thread would cost more than it saves. */
export const READ_AHEAD_MIN_FILES = 2000;
/** How long this thread waits for a file the worker has started before reading it itself. */
const WAIT_MS = 5;

class ReadAheadState {
  private readonly index = new Map<string, number>();
  private readonly paths: string[];
  /** Results by position (from either thread), as they come. */
  private readonly results: (ReadResult | undefined)[];
  /** Files whose result came from the worker (the others were read here). */
  fromWorker = 0;
  /** Cleared when a wait ran out: the worker is taken as stuck, and this thread no longer waits. */
  private patient = true;

  constructor(paths: readonly string[], private readonly base: FileHost, private readonly port: MessagePort, private readonly s: Int32Array) {
    for (const p of paths) if (!this.index.has(p)) this.index.set(p, this.index.size);
    this.paths = [...this.index.keys()];
    this.results = new Array(this.paths.length);
  }

  get request(): ReadRequest { return { paths: this.paths }; }

  /** The result for a listed file (read here when the worker has not got to it), or undefined for another file. */
  take(path: string): ReadResult | undefined {
    const i = this.index.get(path);
    if (i === undefined) return undefined;
    let r = this.results[i];
    if (r) return r;
    this.receive();
    r = this.results[i];
    if (!r && this.patient && Atomics.load(this.s, Shared.Started) > i) {
      // The worker has started it: it posts as soon as it has it.
      Atomics.store(this.s, Shared.Waiting, i);
      for (let tries = 0; !r && tries < 2; tries++) {
        const seen = Atomics.load(this.s, Shared.Posted);
        this.receive();
        r = this.results[i];
        if (!r) Atomics.wait(this.s, Shared.Posted, seen, WAIT_MS);
        this.receive();
        r = this.results[i];
      }
      Atomics.store(this.s, Shared.Waiting, -1);
      if (!r) this.patient = false;
    }
    if (r) return r;
    // The worker is behind: read it here, and let the worker skip past it.
    r = this.base.read(path);
    this.results[i] = r;
    if (Atomics.load(this.s, Shared.Claimed) < i + 1) Atomics.store(this.s, Shared.Claimed, i + 1);
    return r;
  }

  /** Takes the batches posted so far (a result this thread already has stays as it is). */
  private receive(): void {
    for (let m = receiveMessageOnPort(this.port); m; m = receiveMessageOnPort(this.port)) {
      const b = m.message as ReadBatch;
      for (let k = 0; k < b.results.length; k++) {
        if (this.results[b.start + k]) continue;
        this.results[b.start + k] = b.results[k];
        this.fromWorker++;
      }
    }
  }
}

export interface ReadAheadHost extends FileHost {
  /** Files whose result came from the worker (the rest were read on this thread). */
  readonly fromWorker: number;
  /** Settles when the worker has ended (at once without one); keeps the process alive until then. */
  finished(): Promise<void>;
}

/**
 * `base` (the Node file system by default) plus read-ahead on a worker running `workerScript`
 * (the bundled readWorker.js). The worker starts now, so it is ready when the listing is done.
 */
export function readAheadHost(workerScript: string, base: FileHost = nodeFileHost, minFiles = READ_AHEAD_MIN_FILES): ReadAheadHost {
  let worker: Worker | undefined;
  let thread: Worker | undefined;
  let done = () => {};
  const finished = new Promise<void>((resolve) => { done = resolve; });
  let port: MessagePort | undefined;
  let state: ReadAheadState | undefined;
  const s = new Int32Array(new SharedArrayBuffer(4 * Shared.Size));
  s[Shared.Waiting] = -1;
  try {
    if (fs.existsSync(workerScript)) {
      const ch = new MessageChannel();
      port = ch.port1;
      worker = new Worker(workerScript, { workerData: { port: ch.port2, shared: s.buffer } satisfies ReadWorkerData, transferList: [ch.port2] });
      worker.unref();
      port.unref();
      // A worker that fails leaves its files to this thread (they are never marked as started).
      worker.on('error', () => { Atomics.store(s, Shared.Started, 0); Atomics.store(s, Shared.Claimed, 0x7fffffff); });
      worker.on('exit', () => done());
      thread = worker;
    }
  } catch {
    worker = undefined;
  }
  if (!worker) done();
  return {
    get fromWorker() { return state?.fromWorker ?? 0; },
    finished: () => { thread?.ref(); return finished; },
    read: (path) => state?.take(path) ?? base.read(path),
    list: (root, exclude, onUnreadable) => base.list(root, exclude, onUnreadable),
    kind: base.kind ? (path) => base.kind!(path) : undefined,
    readAhead(paths) {
      const w = worker, p = port;
      worker = undefined; // one read-ahead per worker
      if (!w || !p) return;
      if (paths.length < minFiles) { p.close(); void w.terminate().catch(() => {}); return; }
      state = new ReadAheadState(paths, base, p, s);
      w.postMessage(state.request);
    },
  };
}
