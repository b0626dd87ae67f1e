/**
 * The flow graph, the event loops and the event wiring are kept current by edits instead of being
 * rebuilt: after every step of a scripted sequence (loops broken, re-made, merged; handlers moved;
 * subscribers deleted and re-created) the diagnostics, listeners, publish sites and hovers equal
 * those of a fresh index of the same files.
 */
import test from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { createEngine, severityName, type Engine } from '../../../server/src/engine';
import { indexCopy } from '../../helpers/engineWorkspace';

const FLOW_ONLY = { 'event-unused': 'off' };
const SENDERS = ['services.OrderService.stockLow', 'services.OrderService.stockChecked', 'services.OrderService.auditLogged',
  'services.OrderService.orderPlaced', 'services.OrderService.reportReady'];

/** Everything a user sees of the flow: every diagnostic, and per sender its listeners, publish sites and hover. */
function view(engine: Engine, dir: string): unknown {
  const diags: string[] = [];
  for (const [p, list] of engine.allDiagnostics()) {
    for (const d of list) diags.push(`${p.slice(dir.length + 1)} ${d.code} ${severityName(d.severity)} ${d.range.start.line}:${d.range.start.character} ${d.message}`);
  }
  diags.sort();
  const senders = SENDERS.map((s) => [s, engine.listeners(dir, s).map((l) => `${l.fullName}:${l.kind}`).sort()]);
  const svc = path.join(dir, 'services/OrderService/service.py');
  const text = fs.readFileSync(svc, 'utf8');
  const hovers = SENDERS.map((s) => { const at = text.indexOf(s); return at < 0 ? null : engine.hover(svc, text, at + 3)?.markdown ?? null; });
  return { diags, senders, hovers };
}

async function freshView(dir: string): Promise<unknown> {
  const engine = createEngine({ severity: FLOW_ONLY });
  engine.setFolders([dir]);
  await engine.indexAll();
  return view(engine, dir);
}

test('flow graph, loops and wiring after each edit equal a fresh index of the same files', async () => {
  const { engine, dir, cleanup } = await indexCopy('test/fixtures/flow', { severity: FLOW_ONLY });
  const svc = path.join(dir, 'services/OrderService/service.py');
  const audit = path.join(dir, 'events/AuditRepeat/e.json');
  const low = path.join(dir, 'events/StockLowRestock/e.json');
  const inner = path.join(dir, 'events/AuditRepeat/inner.py');
  const original = { svc: fs.readFileSync(svc, 'utf8'), audit: fs.readFileSync(audit, 'utf8'), low: fs.readFileSync(low, 'utf8'), inner: fs.readFileSync(inner, 'utf8') };
  const write = (p: string, text: string | undefined) => {
    if (text === undefined) fs.rmSync(p, { force: true }); else fs.writeFileSync(p, text);
    engine.applyChanges([p]);
  };
  const steps: [string, () => void][] = [
    ['break the stockLow/stockChecked loop at its publish', () => write(svc, original.svc.replace('sender="services.OrderService.stockChecked"', 'sender="services.OrderService.reportReady"'))],
    ['make it again', () => write(svc, original.svc)],
    ['AuditRepeat listens elsewhere (its self loop goes)', () => write(audit, original.audit.replace('auditLogged', 'stockLow'))],
    ['AuditRepeat back', () => write(audit, original.audit)],
    ['delete a loop subscriber', () => write(low, undefined)],
    ['re-create it', () => write(low, original.low)],
    ['a handler in another function of the same file', () => write(svc, original.svc.replace('self.recheck(sku)', 'pass'))],
    ['restore', () => write(svc, original.svc)],
    ['the self loop\'s handler publishes another event (only inner.py changes)', () => write(inner, original.inner.replace('services.OrderService.auditLogged', 'services.OrderService.reportReady'))],
    ['inner.py back', () => write(inner, original.inner)],
    ['inner.py deleted', () => write(inner, undefined)],
    ['inner.py back again', () => write(inner, original.inner)],
    ['an edit that changes no flow fact', () => write(svc, `${original.svc}\n# note\n`)],
  ];
  try {
    assert.deepEqual(view(engine, dir), await freshView(dir), 'before any edit');
    let sawLoops = 0;
    for (const [name, step] of steps) {
      step();
      const now = view(engine, dir) as { diags: string[] };
      sawLoops += now.diags.filter((d) => d.includes(' event-loop ')).length;
      assert.deepEqual(now, await freshView(dir), name);
    }
    assert.ok(sawLoops > 0, 'the sequence passes through states with loops');
  } finally { cleanup(); }
});

test('a loop flagged at first appears when its closing publish is added by an edit, and goes when removed', async () => {
  const { engine, dir, cleanup } = await indexCopy('test/fixtures/flow', { severity: FLOW_ONLY });
  const svc = path.join(dir, 'services/OrderService/service.py');
  const text = fs.readFileSync(svc, 'utf8');
  const loopsIn = (p: string) => engine.diagnosticsOf(p).filter((d) => d.code === 'event-loop').length;
  try {
    assert.equal(loopsIn(svc), 2);
    engine.setOverlay(svc, text.replace('sender="services.OrderService.stockChecked"', 'sender="services.OrderService.reportReady"'));
    assert.equal(loopsIn(svc), 0);
    assert.equal(loopsIn(path.join(dir, 'events/StockLowRestock/e.json')), 0);
    engine.setOverlay(svc, text);
    assert.equal(loopsIn(svc), 2);
    assert.equal(loopsIn(path.join(dir, 'events/StockLowRestock/e.json')), 1);
  } finally { cleanup(); }
});
