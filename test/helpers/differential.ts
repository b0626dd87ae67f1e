/**
 * The seeded differential run: a generated app changes by random steps (editor edits, disk writes,
 * creates, deletes, folder renames, app.json changes) and after each step the incrementally kept
 * diagnostics and every level of the events tree must equal those of a fresh engine indexing the
 * same disk and open documents.
 * Used by test/unit/engine/differential.test.ts (short) and bench/differential.mjs (long).
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { createEngine, type Engine } from '../../server/src/engine';
import { prng } from './prng';

// Names close to each other on purpose: did-you-mean suggestions change as they come and go.
const SERVICES = ['OrderService', 'OrderServise', 'OrdersService', 'PayService', 'PaySrvice', 'UserService', 'UsrService'];
const EVENTS = ['paid', 'payd', 'paidd', 'sent', 'created', 'creatd', 'deleted'];
const LISTENERS = ['NotifyA', 'NotifyB', 'Archive', 'Audit', 'Count', 'Mail'];

export interface DifferentialOptions { seed: number; steps: number; log?: (line: string) => void }
export interface DifferentialResult {
  steps: number;
  /** Steps whose incremental diagnostics differed from a fresh index (with the first difference). */
  mismatches: { step: number; op: string; diff: string }[];
  ops: Record<string, number>;
  /** Milliseconds spent in the incremental engine, and in fresh indexes. */
  incrementalMs: number;
  freshMs: number;
  /** Diagnostics compared in total (after every step). */
  diagnosticsCompared: number;
}

export class DifferentialApp {
  readonly dir: string;
  readonly app: string;
  readonly overlays = new Map<string, string>();
  private readonly r: () => number;

  constructor(seed: number) {
    this.r = prng(seed);
    this.dir = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'jitai-diff-')));
    this.app = path.join(this.dir, 'crm');
    this.write('crm/app.json', JSON.stringify({ appId: 'acme.Crm', title: 'CRM' }));
    for (const s of SERVICES.slice(0, 4)) this.writeService(s);
    for (const l of LISTENERS.slice(0, 4)) this.writeListener(l);
    this.write('crm/models/Order/e.json', JSON.stringify({ title: 'Order', type: 'models.NormalType', backendBundleEntry: '.' }));
  }

  pick<T>(list: readonly T[]): T { return list[Math.floor(this.r() * list.length)]; }
  chance(p: number): boolean { return this.r() < p; }

  write(rel: string, text: string): string {
    const p = path.join(this.dir, rel);
    fs.mkdirSync(path.dirname(p), { recursive: true });
    fs.writeFileSync(p, text);
    return p;
  }

  serviceJson(): string {
    const events = [...new Set([this.pick(EVENTS), this.pick(EVENTS), this.pick(EVENTS)])].slice(0, 1 + Math.floor(this.r() * 3));
    return JSON.stringify({
      title: 'S', type: 'services.NormalType', backendBundleEntry: '.',
      functionList: [{ name: 'onIt', title: 'On it', args: [] }],
      eventDescs: events.map((name) => ({ name, title: name })),
    }, null, 2);
  }

  /** A sender that is right, or has a misspelled service or event. */
  sender(): string { return `services.${this.pick(SERVICES)}.${this.pick(EVENTS)}`; }

  servicePy(name: string): string {
    const calls = Array.from({ length: 1 + Math.floor(this.r() * 3) }, () => `        app.event.publish(sender="${this.sender()}", args=(1,))`);
    return ['from services.NormalType import NormalService', '', `class ${name}(NormalService):`, '    def onIt(self, *args, **kwargs):', ...calls, ''].join('\n');
  }

  listenerJson(): string {
    // Some model events and timer tasks too: the tree groups them apart from custom subscribers.
    if (this.chance(0.2)) {
      const task = this.chance(0.5);
      return JSON.stringify(task
        ? { title: 'T', type: 'tasks.NormalType', funcType: 'Inner', backendBundleEntry: '.' }
        : { title: 'M', type: 'events.ModelType', model: this.pick(['models.Order', 'models.Ordr']), operate: 'AddAfter', funcType: 'Inner', backendBundleEntry: '.' }, null, 2);
    }
    const inner = this.chance(0.5);
    const o: Record<string, unknown> = { title: 'L', type: 'events.NormalType', sender: this.sender(), funcType: inner ? 'Inner' : 'Global', backendBundleEntry: '.' };
    if (!inner) o.func = `services.${this.pick(SERVICES)}.onIt`;
    return JSON.stringify(o, null, 2);
  }

  writeService(name: string): string[] {
    return [this.write(`crm/services/${name}/e.json`, this.serviceJson()), this.write(`crm/services/${name}/service.py`, this.servicePy(name))];
  }

  writeListener(name: string): string[] {
    return [this.write(`crm/events/${name}/e.json`, this.listenerJson()), this.write(`crm/events/${name}/inner.py`, 'def customFunc(*args, **kwargs):\n    pass\n')];
  }

  /** Element folders on disk now (relative to the app). */
  folders(kind: 'services' | 'events'): string[] {
    const d = path.join(this.app, kind);
    return fs.existsSync(d) ? fs.readdirSync(d).filter((n) => fs.existsSync(path.join(d, n, 'e.json'))) : [];
  }

  /** An e.json text cut short or with a wrong value: what an editor holds mid-edit. */
  partial(text: string): string {
    return this.chance(0.5) ? text.slice(0, Math.floor(this.r() * text.length)) : text.replace(/"sender": "[^"]*"/, `"sender": "${this.sender()}"`);
  }

  /** One random step; returns its name and the paths changed on disk (undefined for editor-only steps). */
  step(engine: Engine): string {
    const op = this.pick(['edit', 'edit', 'close', 'write', 'write', 'partial', 'create', 'delete', 'rename', 'appjson', 'inner']);
    const services = this.folders('services');
    const events = this.folders('events');
    const anyElement = () => (this.chance(0.5) && services.length ? `crm/services/${this.pick(services)}` : events.length ? `crm/events/${this.pick(events)}` : undefined);
    switch (op) {
      case 'edit': {
        const el = anyElement();
        if (!el) return 'noop';
        const p = path.join(this.dir, el, 'e.json');
        const text = el.includes('/services/') ? this.serviceJson() : this.partial(this.listenerJson());
        this.overlays.set(p, text);
        engine.setOverlay(p, text);
        return op;
      }
      case 'close': {
        const open = [...this.overlays.keys()];
        if (!open.length) return 'noop';
        const p = this.pick(open);
        this.overlays.delete(p);
        engine.setOverlay(p, undefined);
        return op;
      }
      case 'write': case 'partial': {
        const el = anyElement();
        if (!el) return 'noop';
        const name = path.basename(el);
        const isService = el.includes('/services/');
        const paths = isService
          ? (this.chance(0.5) ? [this.write(`${el}/e.json`, this.serviceJson())] : [this.write(`${el}/service.py`, this.servicePy(name))])
          : [this.write(`${el}/e.json`, op === 'partial' ? this.partial(this.listenerJson()) : this.listenerJson())];
        return this.apply(engine, op, paths);
      }
      case 'create': {
        const isService = this.chance(0.5);
        const name = isService ? this.pick(SERVICES) : this.pick(LISTENERS);
        const files = isService ? this.writeService(name) : this.writeListener(name);
        // A folder that appears is one event for the folder, or one per file.
        return this.apply(engine, op, this.chance(0.5) ? [path.dirname(files[0])] : files);
      }
      case 'delete': {
        const el = anyElement();
        if (!el) return 'noop';
        const p = path.join(this.dir, el);
        if (this.chance(0.7)) { fs.rmSync(p, { recursive: true, force: true }); return this.apply(engine, op, [p]); }
        fs.rmSync(path.join(p, 'e.json'), { force: true });
        return this.apply(engine, op, [path.join(p, 'e.json')]);
      }
      case 'rename': {
        const isService = this.chance(0.6);
        const list = isService ? services : events;
        if (!list.length) return 'noop';
        const from = path.join(this.app, isService ? 'services' : 'events', this.pick(list));
        const to = path.join(path.dirname(from), this.pick(isService ? SERVICES : LISTENERS));
        if (from === to || fs.existsSync(to)) return 'noop';
        fs.renameSync(from, to);
        return this.apply(engine, op, [from, to]);
      }
      case 'appjson': {
        const p = path.join(this.app, 'app.json');
        const roll = this.r();
        if (roll < 0.3 && fs.existsSync(p)) fs.rmSync(p);
        else fs.writeFileSync(p, JSON.stringify(roll < 0.65 ? { appId: 'acme.Crm', extends: ['acme.Base'] } : { appId: 'acme.Crm' }));
        return this.apply(engine, op, [p]);
      }
      default: {
        if (!events.length) return 'noop';
        const p = path.join(this.app, 'events', this.pick(events), 'inner.py');
        if (this.chance(0.4)) fs.rmSync(p, { force: true }); else fs.writeFileSync(p, this.chance(0.5) ? 'def customFunc(*a, **k):\n    pass\n' : 'def other():\n    pass\n');
        return this.apply(engine, op, [p]);
      }
    }
  }

  /** Disk changes reach the engine either all at once, or as records first and checks in small slices. */
  private apply(engine: Engine, op: string, paths: string[]): string {
    if (this.chance(0.5)) { engine.applyChanges(paths); return op; }
    engine.applyRecords(paths);
    while (engine.pendingChecks) engine.checkPending(0);
    return `${op}/sliced`;
  }

  cleanup(): void { fs.rmSync(this.dir, { recursive: true, force: true }); }
}

/** Every diagnostic of an engine as comparable lines (file, code, range, severity, message, fix). */
export function diagnosticLines(engine: Engine, root: string): string[] {
  const out: string[] = [];
  for (const [p, list] of engine.allDiagnostics()) for (const d of list) {
    out.push(`${p.slice(root.length + 1)} ${d.code} ${d.range.start.line}:${d.range.start.character}-${d.range.end.line}:${d.range.end.character} ${d.severity} ${d.message}${d.fix ? ` fix=${d.fix.newText}` : ''}`);
  }
  return out.sort();
}

/** JSON with object keys sorted (answers built in another order compare equal). */
const canonical = (v: unknown) => JSON.stringify(v, (_k, x) => (x && typeof x === 'object' && !Array.isArray(x)
  ? Object.fromEntries(Object.keys(x).sort().map((k) => [k, (x as Record<string, unknown>)[k]])) : x));

/** Every level of the events tree (apps, each app, each service, each listener kind) as comparable lines. */
export function treeLines(engine: Engine): string[] {
  const out: string[] = [];
  const ask = (level: Parameters<Engine['eventTreeLevel']>[0]) => {
    const { version: _v, ...answer } = engine.eventTreeLevel(level);
    out.push(`${canonical(level)} ${canonical(answer)}`);
    return answer;
  };
  for (const app of ask({}).apps) {
    const appRoot = decodeURIComponent(new URL(app.rootUri).pathname);
    for (const svc of ask({ appRoot }).apps[0]?.services ?? []) ask({ appRoot, service: svc.fullName });
    for (const kind of ['model', 'workflow', 'assistant', 'agent', 'task', 'other'] as const) ask({ appRoot, kind });
  }
  return out;
}

async function freshLines(app: DifferentialApp): Promise<string[]> {
  const fresh = createEngine();
  fresh.setFolders([app.dir]);
  for (const [p, t] of app.overlays) fresh.setOverlay(p, t);
  await fresh.indexAll();
  return [...diagnosticLines(fresh, app.dir), ...treeLines(fresh)];
}

function firstDifference(a: string[], b: string[]): string {
  const sa = new Set(a), sb = new Set(b);
  const stale = a.filter((x) => !sb.has(x)), missing = b.filter((x) => !sa.has(x));
  const cut = (l: string[]) => JSON.stringify(l.slice(0, 3).map((x) => (x.length > 400 ? `${x.slice(0, 400)}…` : x)));
  return `stale: ${cut(stale)} missing: ${cut(missing)}`;
}

export async function runDifferential(o: DifferentialOptions): Promise<DifferentialResult> {
  const app = new DifferentialApp(o.seed);
  const res: DifferentialResult = { steps: 0, mismatches: [], ops: {}, incrementalMs: 0, freshMs: 0, diagnosticsCompared: 0 };
  try {
    const engine = createEngine();
    engine.setFolders([app.dir]);
    await engine.indexAll();
    for (let i = 0; i < o.steps; i++) {
      const t0 = performance.now();
      const op = app.step(engine);
      res.incrementalMs += performance.now() - t0;
      res.ops[op] = (res.ops[op] ?? 0) + 1;
      const t1 = performance.now();
      const want = await freshLines(app);
      res.freshMs += performance.now() - t1;
      const got = [...diagnosticLines(engine, app.dir), ...treeLines(engine)];
      res.diagnosticsCompared += want.length;
      res.steps++;
      if (got.join('\n') !== want.join('\n')) {
        res.mismatches.push({ step: i, op, diff: firstDifference(got, want) });
        o.log?.(`seed ${o.seed} step ${i} (${op}): ${firstDifference(got, want)}`);
        if (res.mismatches.length >= 5) break;
      }
    }
  } finally {
    app.cleanup();
  }
  return res;
}
