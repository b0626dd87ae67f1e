import * as fs from 'node:fs';
import * as path from 'node:path';
import { createEngine, type CheckedIndex, type FileChange } from '../../server/src/engine';
import { applyChanges } from '../../server/src/engine/features/edits/fileChanges';
import { tempCopy, tempWorkspace } from './repo';

/** A minimal valid app: one service with two events and functions, a model, two subscribers. */
export const BASE_APP: Record<string, string | object> = {
  'app.json': { appId: 'acme.Demo', title: 'Demo', version: '1.0.0' },
  'services/OrderService/e.json': {
    title: 'Orders', type: 'services.NormalType', backendBundleEntry: '.',
    functionList: [{ name: 'pay', title: 'Pay', args: [{ name: 'orderId', title: 'Order', dataType: 'Numeric' }] }, { name: 'onPaid', title: 'On paid', args: [] }],
    eventDescs: [{ name: 'orderPaid', title: 'Order paid', desc: 'after payment' }, { name: 'orderCancelled', title: 'Order cancelled' }],
  },
  'services/OrderService/service.py': [
    'from services.NormalType import NormalService',
    '',
    'class OrderService(NormalService):',
    '    def pay(self, orderId):',
    '        app.event.publish(sender="services.OrderService.orderPaid", args=({"orderId": 42},), kwargs={"by": "test"})',
    '',
    '    def onPaid(self, *args, **kwargs):',
    '        return None',
    '',
  ].join('\n'),
  'services/OrderService/__init__.py': 'from .service import OrderService\n',
  'models/OrderModel/e.json': { title: 'Order', type: 'models.NormalType', backendBundleEntry: '.' },
  'models/OrderModel/__init__.py': 'from .model import OrderModel\n',
  'models/OrderModel/model.py': [
    'from models.NormalType import NormalModel',
    'class OrderModel(NormalModel):',
    '    id = datatypes.AutoInt(name="id", title="id")',
    '    amount = datatypes.Money(name="amount", title="Amount")',
    '',
  ].join('\n'),
  'events/NotifyPaid/e.json': { title: 'Notify', type: 'events.NormalType', sender: 'services.OrderService.orderPaid', funcType: 'Global', func: 'services.OrderService.onPaid', backendBundleEntry: '.' },
  'events/ArchivePaid/e.json': { title: 'Archive', type: 'events.NormalType', sender: 'services.OrderService.orderPaid', funcType: 'Inner', backendBundleEntry: '.' },
  'events/ArchivePaid/__init__.py': 'from .inner import customFunc\n',
  'events/ArchivePaid/inner.py': 'def customFunc(*args, **kwargs):\n    return args\n',
};

/** Engine options tests pass: the locale, and severity overrides to look at one family of rules alone. */
export interface TestEngineOptions { locale?: string; severity?: Record<string, string> }

export async function indexOf(files: Record<string, string | object>, opts: TestEngineOptions = {}) {
  const ws = tempWorkspace(files);
  const engine = createEngine({ locale: opts.locale, severity: opts.severity });
  engine.setFolders([ws.dir]);
  await engine.indexAll();
  return { engine, index: engine.index, dir: ws.dir, cleanup: ws.cleanup };
}

/** `[relative path, code, 1-based line]` of every diagnostic, sorted. */
export function problems(index: CheckedIndex, dir: string): [string, string, number][] {
  const out: [string, string, number][] = [];
  for (const [p, list] of index.allDiagnostics()) for (const d of list) out.push([p.slice(dir.length + 1), d.code, d.range.start.line + 1]);
  return out.sort((a, b) => (a.join() < b.join() ? -1 : 1));
}

/** A temporary copy of a repository folder (e.g. `test/fixtures/flow`), indexed by a fresh engine. */
export async function indexCopy(relative: string, opts: TestEngineOptions = {}) {
  const { dir, cleanup } = tempCopy(relative);
  const engine = createEngine({ locale: opts.locale, severity: opts.severity });
  engine.setFolders([dir]);
  await engine.indexAll();
  return { engine, dir, cleanup };
}

/** Writes engine file changes to disk (creating files and folders), as an editor applying the edit would. */
export function writeChanges(changes: readonly FileChange[]): void {
  const texts = new Map<string, string>();
  for (const c of changes) if (c.kind === 'edit') texts.set(c.path, fs.readFileSync(c.path, 'utf8'));
  applyChanges(texts, changes);
  for (const [p, t] of texts) { fs.mkdirSync(path.dirname(p), { recursive: true }); fs.writeFileSync(p, t); }
}
