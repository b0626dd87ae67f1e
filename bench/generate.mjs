// Deterministic synthetic JitAi apps for the benchmark (issue 5).
//
//   node bench/generate.mjs <N> [--seed 42] [--force]
//
// An app of N elements (N counts every folder with an e.json):
//   ~10% services (3–8 eventDescs, 3–8 functionList entries, a service.py that publishes every event),
//   ~5% models (model.py with fields), ~3% tasks, ~7% model events, the rest custom events
//   (half Inner: inner.py customFunc + __init__.py; half Global: func -> a declared service function);
//   ~2% of the custom events have a broken sender (a typo of a real event name of a real service).
//   One "hot" service (services.HotEventService) whose event `hotEvent` has exactly 20 subscribers;
//   no other element depends on that service (figure 2 renames that event).
// Output goes to bench/.cache/app-n<N>-s<seed>-v<version>/ and is reused while the marker matches.
import { mkdirSync, writeFileSync, readFileSync, existsSync, rmSync, renameSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

export const GENERATOR_VERSION = 1;
export const HOT_SERVICE = 'HotEventService';
export const HOT_EVENT = 'hotEvent';
export const HOT_SUBSCRIBERS = 20;
const here = dirname(fileURLToPath(import.meta.url));
export const CACHE_DIR = join(here, '.cache');

/** mulberry32: small, fast, good enough for shuffling names. */
export function prng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const NOUNS = ['Customer', 'Order', 'Invoice', 'Payment', 'Shipment', 'Product', 'Inventory', 'Employee',
  'Contract', 'Ticket', 'Lead', 'Account', 'Refund', 'Coupon', 'Warehouse', 'Supplier', 'Report', 'Audit',
  'Notification', 'Subscription', 'Quote', 'Campaign', 'Project', 'Task', 'Asset', 'Budget', 'Expense',
  'Vendor', 'Member', 'Course', 'Booking', 'Claim', 'Device', 'Batch', 'Document', 'Review'];
const VERBS = ['Created', 'Updated', 'Deleted', 'Approved', 'Rejected', 'Paid', 'Shipped', 'Closed', 'Opened',
  'Assigned', 'Expired', 'Renewed', 'Imported', 'Exported', 'Synced', 'Failed', 'Processed', 'Archived',
  'Escalated', 'Merged', 'Cancelled', 'Completed', 'Started', 'Scheduled'];
const ROLES = ['Sync', 'Billing', 'Batch', 'Notify', 'Import', 'Report', 'Workflow', 'Audit', 'Gateway', 'Ledger'];
const DTYPES = ['Stext', 'Numeric', 'Money', 'Date', 'Datetime', 'Dropdown', 'Ltext', 'Percent', 'Phone'];
const OPERATES = ['AddBefore', 'AddAfter', 'UpdateBefore', 'UpdateAfter', 'DeleteBefore', 'DeleteAfter', 'FieldUpdateAfter'];
const lc = (s) => s[0].toLowerCase() + s.slice(1);
const pad = (i, w) => String(i).padStart(w, '0');

/** Element counts for an app of n elements (sum === n). */
export function plan(n) {
  if (n < 100) throw new Error('N must be >= 100');
  const fixed = 1 /* databases.Default */ + 1 /* hot service */ + HOT_SUBSCRIBERS;
  const services = Math.round(n * 0.10) - 1;
  const models = Math.round(n * 0.05);
  const tasks = Math.round(n * 0.03);
  const modelEvents = Math.round(n * 0.07);
  const customEvents = n - fixed - services - models - tasks - modelEvents;
  return { services, models, tasks, modelEvents, customEvents, fixed };
}

/** A typo of `name` that is not any of `taken`: drop, double or swap one character. */
function typo(name, taken, rnd) {
  for (let attempt = 0; attempt < 50; attempt++) {
    const i = 1 + Math.floor(rnd() * (name.length - 2));
    const kind = Math.floor(rnd() * 3);
    let t;
    if (kind === 0) t = name.slice(0, i) + name.slice(i + 1);
    else if (kind === 1) t = name.slice(0, i) + name[i] + name.slice(i);
    else t = name.slice(0, i) + name[i + 1] + name[i] + name.slice(i + 2);
    if (t !== name && !taken.includes(t)) return t;
  }
  return name + 'x';
}

function pickSome(arr, k, rnd) {
  const copy = arr.slice();
  for (let i = copy.length - 1; i > 0; i--) {
    const j = Math.floor(rnd() * (i + 1));
    [copy[i], copy[j]] = [copy[j], copy[i]];
  }
  return copy.slice(0, k);
}

const json = (o) => JSON.stringify(o, null, 2) + '\n';

function serviceFiles(svc) {
  const ejson = {
    title: svc.title,
    type: 'services.NormalType',
    backendBundleEntry: '.',
    functionList: svc.functions.map((f) => ({
      name: f.name,
      title: f.title,
      args: f.args.map((a) => ({ name: a.name, title: a.name, dataType: a.dataType })),
      returnType: 'JitDict',
      argsToDatatype: 1,
      desc: `${f.title} (generated)`,
    })),
    eventDescs: svc.events.map((e) => ({ name: e, title: e, desc: `Fired when ${e}` })),
  };
  const lines = ['from datatypes.Meta import datatypes', 'from services.NormalType import NormalService', '', '',
    `class ${svc.name}(NormalService):`];
  svc.functions.forEach((f, fi) => {
    const params = f.args.map((a) => a.name);
    lines.push(`    def ${f.name}(self${params.length ? ', ' + params.join(', ') : ''}, *args, **kwargs):`);
    lines.push(`        result = {"function": "${f.name}", "count": ${fi}}`);
    // Every event is published by exactly one function (round-robin).
    svc.events.forEach((e, ei) => {
      if (ei % svc.functions.length !== fi) return;
      lines.push(`        app.event.publish(sender="services.${svc.name}.${e}",`);
      lines.push(`                          args=({"source": "${f.name}", "count": ${ei}},), kwargs={"batch": ${ei}})`);
    });
    lines.push('        return result', '');
  });
  return {
    'e.json': json(ejson),
    'service.py': lines.join('\n'),
    '__init__.py': `from .service import ${svc.name}\n`,
  };
}

function modelFiles(m) {
  const lines = ['from datatypes.Meta import datatypes', 'from models.NormalType import NormalModel', '', '',
    `class ${m.name}(NormalModel):`,
    '    id = datatypes.AutoInt(name="id", title="id", primaryKey=True, readOnly=1)',
    '    createdAt = datatypes.Datetime(name="createdAt", title="Created")',
    '    updatedAt = datatypes.Datetime(name="updatedAt", title="Updated")'];
  for (const f of m.fields) lines.push(`    ${f.name} = datatypes.${f.dataType}(name="${f.name}", title="${f.name}")`);
  lines.push('', '    class Meta:', '        modelType = "NormalType"', `        name = "${m.name}"`,
    `        title = "${m.title}"`, '        db = "databases.Default"', `        dataTitle = "${m.fields[0].name}"`,
    `        dbTable = "${m.name}"`, '');
  return {
    'e.json': json({ title: m.title, type: 'models.NormalType', db: 'databases.Default', backendBundleEntry: '.', functionList: [] }),
    'model.py': lines.join('\n'),
    '__init__.py': `from .model import ${m.name}\n`,
  };
}

const INNER_CUSTOM = 'def customFunc(*args, **kwargs):\n    payload = args[0] if args else {}\n    count = payload.get("count", 0)\n    return count\n';
const INNER_MODEL = 'def customFunc(eventOutData):\n    before = eventOutData.prevData.value\n    after = eventOutData.postData.value\n    return None\n';
const INNER_TASK = 'def customFunc():\n    return None\n';
const INIT_INNER = 'from .inner import customFunc\n';

function eventFiles(ev) {
  const files = { 'e.json': json(ev.ejson) };
  if (ev.ejson.funcType === 'Inner') {
    files['inner.py'] = ev.inner;
    files['__init__.py'] = INIT_INNER;
  }
  return files;
}

/** Builds the whole app in memory as [relativeDir, {file: text}] pairs plus a manifest. */
export function buildApp(n, seed) {
  const rnd = prng(seed);
  const counts = plan(n);
  const pick = (arr) => arr[Math.floor(rnd() * arr.length)];
  const elements = [];
  const add = (dir, files) => elements.push([dir, files]);

  add('databases/Default', { 'e.json': json({ title: 'Default database', type: 'databases.SqliteType', backendBundleEntry: '.' }) });

  // Services.
  const services = [];
  const makeService = (name, events) => {
    const nf = 3 + Math.floor(rnd() * 6);
    const fnames = pickSome(NOUNS, nf, rnd);
    const functions = fnames.map((noun) => ({
      name: `handle${noun}`,
      title: `Handle ${noun.toLowerCase()}`,
      args: pickSome(['data', 'rowId', 'payload', 'options'], Math.floor(rnd() * 3), rnd).map((a) => ({ name: a, dataType: pick(DTYPES) })),
    }));
    return { name, title: name.replace(/([a-z])([A-Z])/g, '$1 $2'), events, functions };
  };
  const w = String(counts.services).length;
  for (let i = 0; i < counts.services; i++) {
    const name = `${pick(NOUNS)}${pick(ROLES)}Svc${pad(i, w)}`;
    const ne = 3 + Math.floor(rnd() * 6);
    const events = [];
    while (events.length < ne) {
      const e = lc(pick(NOUNS)) + pick(VERBS);
      if (!events.includes(e)) events.push(e);
    }
    services.push(makeService(name, events));
  }
  const hot = makeService(HOT_SERVICE, [HOT_EVENT, 'hotEventFailed', 'hotEventRetried']);
  for (const s of [...services, hot]) add(`services/${s.name}`, serviceFiles(s));

  // Models.
  const models = [];
  const wm = String(counts.models).length;
  for (let i = 0; i < counts.models; i++) {
    const noun = pick(NOUNS);
    const fields = pickSome(['name', 'email', 'status', 'amount', 'dueDate', 'owner', 'region', 'priority', 'note', 'code'],
      3 + Math.floor(rnd() * 5), rnd).map((f) => ({ name: f, dataType: pick(DTYPES) }));
    models.push({ name: `${noun}Model${pad(i, wm)}`, title: `${noun} ${i}`, fields });
  }
  for (const m of models) add(`models/${m.name}`, modelFiles(m));

  // Global handlers point at a declared function of any service except the hot one.
  const globalFunc = () => {
    const s = pick(services);
    return `services.${s.name}.${pick(s.functions).name}`;
  };
  const base = { asyncType: false, enable: 1, backendBundleEntry: '.' };
  const broken = [];
  const subscribers = [];

  // Custom events.
  const we = String(counts.customEvents + HOT_SUBSCRIBERS).length;
  const brokenEvery = 50; // ~2%
  for (let i = 0; i < counts.customEvents; i++) {
    const s = pick(services);
    const e = pick(s.events);
    const isBroken = i % brokenEvery === brokenEvery - 1;
    const sender = `services.${s.name}.${isBroken ? typo(e, s.events, rnd) : e}`;
    const inner = rnd() < 0.5;
    const name = `On${e[0].toUpperCase()}${e.slice(1)}${pad(i, we)}`;
    const ejson = { type: 'events.NormalType', title: `On ${e} #${i}`, sender, funcType: inner ? 'Inner' : 'Global',
      ...(inner ? {} : { func: globalFunc() }), ...base, returnType: 'None', extendType: 'self' };
    const dir = `events/${name}`;
    add(dir, eventFiles({ ejson, inner: INNER_CUSTOM }));
    subscribers.push(dir);
    if (isBroken) broken.push({ dir, sender, intended: `services.${s.name}.${e}` });
  }
  // The hot event's 20 subscribers.
  const hotSubscribers = [];
  for (let i = 0; i < HOT_SUBSCRIBERS; i++) {
    const inner = i % 2 === 0;
    const dir = `events/HotSubscriber${pad(i + 1, 2)}`;
    const ejson = { type: 'events.NormalType', title: `Hot subscriber ${i + 1}`, sender: `services.${HOT_SERVICE}.${HOT_EVENT}`,
      funcType: inner ? 'Inner' : 'Global', ...(inner ? {} : { func: globalFunc() }), ...base };
    add(dir, eventFiles({ ejson, inner: INNER_CUSTOM }));
    hotSubscribers.push(dir);
  }
  // Model events.
  for (let i = 0; i < counts.modelEvents; i++) {
    const m = pick(models);
    const op = pick(OPERATES);
    const inner = rnd() < 0.5;
    // Field filters only mean something for updates (an Add/Delete event with fields gets a hint).
    const picked = pickSome(m.fields.map((f) => f.name), Math.floor(rnd() * 3), rnd);
    const fields = /^(Add|Delete)/.test(op) ? [] : picked;
    const ejson = { type: 'events.ModelType', title: `${m.name} ${op}`, sender: `models.${m.name}`, operate: op,
      funcType: inner ? 'Inner' : 'Global', ...(inner ? {} : { func: globalFunc() }), fields, ...base };
    add(`events/${m.name}${op}${pad(i, we)}`, eventFiles({ ejson, inner: INNER_MODEL }));
  }
  // Tasks.
  for (let i = 0; i < counts.tasks; i++) {
    const inner = rnd() < 0.3;
    const ejson = { type: 'tasks.NormalType', title: `Nightly job ${i}`, funcType: inner ? 'Inner' : 'Global',
      ...(inner ? {} : { func: globalFunc() }),
      timerCfg: { startTime: '2025-01-01 02:00:00', repeat: { repeatType: 'day', period: 1 }, skipHoliday: 0 }, enable: 1, backendBundleEntry: '.' };
    add(`tasks/Nightly${pick(NOUNS)}${pad(i, we)}`, eventFiles({ ejson, inner: INNER_TASK }));
  }
  if (elements.length !== n) throw new Error(`generator bug: ${elements.length} elements for N=${n}`);

  const declaredEvents = services.reduce((k, s) => k + s.events.length, 0) + hot.events.length;
  const manifest = {
    generatorVersion: GENERATOR_VERSION, n, seed, counts, declaredEvents,
    serviceCount: services.length + 1,
    hot: { service: `services/${HOT_SERVICE}`, event: HOT_EVENT, subscribers: hotSubscribers, publisher: `services/${HOT_SERVICE}/service.py` },
    broken, // each should produce exactly one unknown-event error on its e.json
    sampleSubscribers: subscribers.filter((d) => !broken.some((b) => b.dir === d)).filter((_, i) => i % Math.max(1, Math.floor(subscribers.length / 50)) === 0).slice(0, 50),
  };
  return { elements, manifest };
}

export function appDir(n, seed = 42) {
  return join(CACHE_DIR, `app-n${n}-s${seed}-v${GENERATOR_VERSION}`);
}

/** Returns { dir, manifest, generatedMs } generating the app unless a complete copy is cached. */
export function ensureApp(n, seed = 42, { force = false, log = () => {} } = {}) {
  const dir = appDir(n, seed);
  const marker = join(dir, '.bench-manifest.json');
  if (!force && existsSync(marker)) return { dir, manifest: JSON.parse(readFileSync(marker, 'utf8')), generatedMs: 0 };
  const t0 = performance.now();
  const tmp = dir + '.tmp-' + process.pid;
  rmSync(tmp, { recursive: true, force: true });
  const { elements, manifest } = buildApp(n, seed);
  log(`generating N=${n} (seed ${seed}) into ${dir} …`);
  mkdirSync(tmp, { recursive: true });
  writeFileSync(join(tmp, 'app.json'), json({ appId: `bench.Synthetic${n}`, name: `Synthetic${n}`, title: `Synthetic app (${n} elements)`,
    version: '1.0.0', orgId: 'bench', encrypted: 0, extends: [{ appId: 'jit.OpenApp', version: '1.0.0' }],
    settings: { defaultElement: { defaultDatabase: 'databases.Default' } } }));
  writeFileSync(join(tmp, 'requirements.txt'), '');
  for (const [rel, files] of elements) {
    const d = join(tmp, rel);
    mkdirSync(d, { recursive: true });
    for (const [name, text] of Object.entries(files)) writeFileSync(join(d, name), text);
  }
  writeFileSync(join(tmp, '.bench-manifest.json'), JSON.stringify(manifest, null, 1));
  rmSync(dir, { recursive: true, force: true });
  renameSync(tmp, dir);
  return { dir, manifest, generatedMs: performance.now() - t0 };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const args = process.argv.slice(2);
  const n = Number(args.find((a) => /^\d+$/.test(a)) ?? 1000);
  const si = args.indexOf('--seed');
  const seed = si >= 0 ? Number(args[si + 1]) : 42;
  const r = ensureApp(n, seed, { force: args.includes('--force'), log: console.error });
  console.log(JSON.stringify({ dir: r.dir, generatedMs: Math.round(r.generatedMs), counts: r.manifest.counts,
    declaredEvents: r.manifest.declaredEvents, broken: r.manifest.broken.length }, null, 1));
}
