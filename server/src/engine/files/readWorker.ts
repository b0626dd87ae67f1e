/**
 * Entry of the read-ahead worker thread (bundled as dist/readWorker.js; see readAhead.ts): reads the
 * files it is given, in order, with the engine's own safe reader (nodeFileHost.read: regular files
 * only, no symbolic links, size limit, binary check, BOM), and posts the results in batches. Files
 * the main thread has read itself meanwhile (it does when the worker falls behind) are skipped.
 */
import { parentPort, workerData, type MessagePort } from 'node:worker_threads';
import { nodeFileHost, type ReadResult } from './fileHost';

/** Slots of the shared Int32Array the two threads coordinate through. */
export const enum Shared {
  /** Batches posted (the main thread waits on it). */
  Posted = 0,
  /** Files the worker has started: every file below this index is read, being read, or skipped. */
  Started = 1,
  /** The main thread read every file below this index itself: the worker skips them. */
  Claimed = 2,
  /** The file the main thread waits for (-1: none): the worker posts as soon as it has it. */
  Waiting = 3,
  Size = 4,
}

/** What the main thread passes: where to post, and the shared slots. */
export interface ReadWorkerData { port: MessagePort; shared: SharedArrayBuffer }
/** The main thread's one message: the files to read. */
export interface ReadRequest { paths: string[] }
/** One batch: the results of files `start`, `start + 1`, …, in order. */
export interface ReadBatch { start: number; results: ReadResult[] }

const BATCH = 128;

function run(paths: string[], port: MessagePort, s: Int32Array): void {
  let start = 0;
  let batch: ReadResult[] = [];
  const flush = () => {
    if (batch.length) port.postMessage({ start, results: batch } satisfies ReadBatch);
    batch = [];
    Atomics.add(s, Shared.Posted, 1);
    Atomics.notify(s, Shared.Posted);
  };
  for (let i = 0; i < paths.length; i++) {
    const claimed = Atomics.load(s, Shared.Claimed);
    if (i < claimed) {
      if (batch.length) flush();
      i = claimed;
      if (i >= paths.length) break;
    }
    if (!batch.length) start = i;
    Atomics.store(s, Shared.Started, i + 1);
    let r: ReadResult;
    try { r = nodeFileHost.read(paths[i]); } catch (e) { r = { error: 'unreadable', detail: String((e as Error)?.message ?? e) }; }
    batch.push(r);
    const waiting = Atomics.load(s, Shared.Waiting);
    if (batch.length >= BATCH || (waiting >= 0 && waiting <= i)) flush();
  }
  flush();
}

const data = workerData as ReadWorkerData | undefined;
if (parentPort && data?.port) {
  const shared = new Int32Array(data.shared);
  parentPort.once('message', (m: ReadRequest) => {
    run(m.paths, data.port, shared);
    data.port.close();
    parentPort!.close();
  });
}
