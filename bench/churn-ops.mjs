// The disk operations of bench/churn.mjs, run in a worker thread so that making them never delays
// the main thread, which forwards each batch to the server and times requests.
import { readFileSync, writeFileSync, rmSync, mkdirSync, existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { parentPort, workerData } from 'node:worker_threads';
import { prng } from './generate.mjs';

const { dir, seed, OPS, SECONDS } = workerData;
const now = () => performance.now();
const rnd = prng(seed);
const pick = (l) => l[Math.floor(rnd() * l.length)];
const list = (rel) => (existsSync(join(dir, rel)) ? readdirSync(join(dir, rel)).filter((n) => existsSync(join(dir, rel, n, 'e.json'))) : []);
const services = list('services');
const events = list('events');
const serviceEvents = new Map(services.map((s) => [s, (JSON.parse(readFileSync(join(dir, 'services', s, 'e.json'), 'utf8')).eventDescs ?? []).map((e) => e.name)]));

/** One disk operation; returns [path, type] pairs for didChangeWatchedFiles (1 created, 2 changed, 3 deleted). */
const deleted = new Map();
function operation(i) {
  const r = rnd();
  if (r < 0.35) { // a subscriber's sender: valid, or a typo of service or event
    const ev = pick(events), p = join(dir, 'events', ev, 'e.json');
    if (!existsSync(p)) return [];
    const o = JSON.parse(readFileSync(p, 'utf8'));
    if (typeof o.sender !== 'string') return [];
    const svc = pick(services), names = serviceEvents.get(svc) ?? ['x'];
    o.sender = rnd() < 0.7 ? `services.${svc}.${pick(names)}` : rnd() < 0.5 ? `services.${svc}x.${pick(names)}` : `services.${svc}.${pick(names)}z`;
    writeFileSync(p, JSON.stringify(o, null, 2));
    return [[p, 2]];
  }
  if (r < 0.55) { // an event of a service renamed
    const svc = pick(services), p = join(dir, 'services', svc, 'e.json');
    if (!existsSync(p)) return [];
    const o = JSON.parse(readFileSync(p, 'utf8'));
    const e = o.eventDescs?.[Math.floor(rnd() * (o.eventDescs?.length ?? 0))];
    if (!e) return [];
    e.name = e.name.endsWith('Renamed') ? e.name.slice(0, -7) : `${e.name}Renamed`;
    writeFileSync(p, JSON.stringify(o, null, 2));
    return [[p, 2]];
  }
  if (r < 0.7) { // a service folder deleted, or restored
    const svc = pick(services), folder = join(dir, 'services', svc);
    if (deleted.has(folder)) {
      for (const [name, text] of deleted.get(folder)) { mkdirSync(folder, { recursive: true }); writeFileSync(join(folder, name), text); }
      deleted.delete(folder);
      return [[folder, 1]];
    }
    if (!existsSync(folder)) return [];
    deleted.set(folder, readdirSync(folder).map((n) => [n, readFileSync(join(folder, n), 'utf8')]));
    rmSync(folder, { recursive: true, force: true });
    return [[folder, 3]];
  }
  if (r < 0.85) { // an event folder created
    const folder = join(dir, 'events', `Churn${i}`);
    mkdirSync(folder, { recursive: true });
    const svc = pick(services);
    writeFileSync(join(folder, 'e.json'), JSON.stringify({ title: `Churn ${i}`, type: 'events.NormalType', sender: `services.${svc}.${pick(serviceEvents.get(svc) ?? ['x'])}`, funcType: 'Inner', backendBundleEntry: '.' }, null, 2));
    writeFileSync(join(folder, 'inner.py'), 'def customFunc(*args, **kwargs):\n    pass\n');
    events.push(`Churn${i}`);
    return [[folder, 1]];
  }
  // an event's e.json deleted
  const ev = pick(events), p = join(dir, 'events', ev, 'e.json');
  if (!existsSync(p)) return [];
  rmSync(p);
  return [[p, 3]];
}

const nodeArgs = process.env.CHURN_PROFILE ? ['--cpu-prof', `--cpu-prof-dir=${process.env.CHURN_PROFILE}`] : [];

const batches = 100, perBatch = Math.ceil(OPS / batches);
const t0 = now();
let opsMs = 0, done = 0;
for (let b = 0; b < batches && done < OPS; b++) {
  const changes = [];
  const tb = now();
  for (let i = 0; i < perBatch && done < OPS; i++, done++) changes.push(...operation(done));
  opsMs += now() - tb;
  parentPort.postMessage({ changes });
  const wait = t0 + ((b + 1) * SECONDS * 1000) / batches - now();
  if (wait > 0) await new Promise((r) => setTimeout(r, wait));
}
parentPort.postMessage({ done: true, opsMs, events: events.slice(0, 10) });
