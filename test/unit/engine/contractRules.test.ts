/**
 * Focused checks of the event/approval/task contract beside the contract-b app: one diagnostic for
 * a lowercase funcType, JSON syntax errors in words (en, zh) and left to the editor for open files,
 * func suggestions naming an existing element and method, a workflow's config.json re-checking its
 * approval events, valid and violating forms of each new rule compared exactly.
 */
import test from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { BASE_APP, indexOf } from '../../helpers/engineWorkspace';

const ev = (o: object) => ({ title: 'E', type: 'events.NormalType', backendBundleEntry: '.', ...o });
const text = (dir: string, rel: string, d: { range: { start: { line: number; character: number }; end: { line: number; character: number } } }) => {
  const lines = fs.readFileSync(path.join(dir, rel), 'utf8').split('\n');
  return lines[d.range.start.line].slice(d.range.start.character, d.range.end.character);
};

test('lowercase funcType "inner": one warning whose fix ("Inner") leaves the file clean', async () => {
  const files = { ...BASE_APP, 'events/ArchivePaid/e.json': ev({ sender: 'services.OrderService.orderPaid', funcType: 'inner' }) };
  const { engine, dir, cleanup } = await indexOf(files);
  try {
    const file = path.join(dir, 'events/ArchivePaid/e.json');
    const list = engine.diagnosticsOf(file);
    assert.deepEqual(list.map((d) => [d.code, d.severity, d.message]), [['invalid-func-type', 2, '"funcType" is written "inner"; the documented spelling is "Inner".']]);
    assert.equal(list[0].fix?.newText, 'Inner');
    assert.equal(text(dir, 'events/ArchivePaid/e.json', list[0]), 'inner');
    const fixed = fs.readFileSync(file, 'utf8').replace('"inner"', '"Inner"');
    engine.setOverlay(file, fixed);
    assert.deepEqual(engine.diagnosticsOf(file), []);
  } finally { cleanup(); }
});

test('JSON syntax errors are in words (en and zh), and left to the editor for open files when it shows them', async () => {
  const broken = '{\n  "title": "E"\n  "type": "events.NormalType",\n  "sender": "services.OrderService.orderPaid",\n  "func": "services.OrderService.onPaid",\n  "backendBundleEntry": "."\n}\n';
  for (const [locale, expected] of [['en', 'e.json is not valid JSON: a comma (,) is missing between two entries.'], ['zh-cn', 'e.json 不是合法的 JSON：两个条目之间缺少逗号（,）。']]) {
    const { engine, dir, cleanup } = await indexOf({ ...BASE_APP, 'events/Broken/e.json': broken }, { locale });
    try {
      const file = path.join(dir, 'events/Broken/e.json');
      assert.deepEqual(engine.diagnosticsOf(file).map((d) => [d.code, d.message, d.range.start.line]), [['json-syntax', expected, 2]]);
      engine.setJsonSyntaxErrors('client');
      engine.setOverlay(file, broken);
      assert.deepEqual(engine.diagnosticsOf(file), [], 'open file: the editor reports the syntax error');
      engine.setOverlay(file, undefined);
      assert.deepEqual(engine.diagnosticsOf(file).map((d) => d.code), ['json-syntax'], 'closed again: the engine reports it');
    } finally { cleanup(); }
  }
});

test('func with a wrong element: the suggestion names an existing service and one of its methods, both parts corrected', async () => {
  const { engine, dir, cleanup } = await indexOf({
    ...BASE_APP,
    'events/A/e.json': ev({ sender: 'services.OrderService.orderPaid', func: 'services.OrderSvc.onPayed' }),
    'events/B/e.json': ev({ sender: 'services.OrderService.orderPaid', func: 'services.OrderSvc.sendLowStockWarning' }),
  });
  try {
    const [a] = engine.diagnosticsOf(path.join(dir, 'events/A/e.json'));
    assert.equal(a.code, 'func-element-not-found');
    assert.match(a.message, /Did you mean "services\.OrderService\.onPaid"\?/);
    assert.equal(a.fix?.newText, 'services.OrderService.onPaid');
    const [b] = engine.diagnosticsOf(path.join(dir, 'events/B/e.json'));
    assert.equal(b.code, 'func-element-not-found');
    assert.doesNotMatch(b.message, /sendLowStockWarning"\?/, 'never proposes a method the service does not have');
    assert.equal(b.fix, undefined);
  } finally { cleanup(); }
});

const WF_APP = {
  ...BASE_APP,
  'workflows/OrderFlow/e.json': { title: 'Flow', type: 'workflows.NormalType', dataModel: 'models.OrderModel', backendBundleEntry: '.' },
  'workflows/OrderFlow/config.json': { nodeList: [{ name: 'StartNode' }, { name: 'ManagerNode' }, { name: 'EndNode' }] },
  'events/Handled/e.json': { title: 'H', type: 'events.WorkflowType', model: 'models.OrderModel', operate: 'NodeHandled', handleNode: 'CfoNode', func: 'services.OrderService.onPaid', backendBundleEntry: '.' },
};

test('approval node ids come from the workflow config.json; changing it re-checks the event', async () => {
  const { engine, dir, cleanup } = await indexOf(WF_APP);
  try {
    const file = path.join(dir, 'events/Handled/e.json');
    const [d] = engine.diagnosticsOf(file);
    assert.deepEqual([d.code, d.severity, text(dir, 'events/Handled/e.json', d)], ['workflow-node-unknown', 2, 'CfoNode']);
    assert.equal(d.message, 'Node "CfoNode" is not in the workflow(s) bound to models.OrderModel (workflows.OrderFlow). Nodes: StartNode, ManagerNode, EndNode.');
    const cfg = path.join(dir, 'workflows/OrderFlow/config.json');
    fs.writeFileSync(cfg, JSON.stringify({ nodeList: [{ name: 'StartNode' }, { name: 'CfoNode' }] }));
    const changed = engine.applyChanges([cfg]);
    assert.ok(changed.includes(file), 'the event was re-checked');
    assert.deepEqual(engine.diagnosticsOf(file), []);
  } finally { cleanup(); }
});

test('a handler method of a Global approval event that takes no eventOutData: error on func, related to the def', async () => {
  const svc = (BASE_APP['services/OrderService/service.py'] as string) + '    def onFlow(self):\n        return None\n';
  const { engine, dir, cleanup } = await indexOf({ ...WF_APP, 'services/OrderService/service.py': svc,
    'events/Handled/e.json': { ...WF_APP['events/Handled/e.json'], handleNode: 'ManagerNode', func: 'services.OrderService.onFlow' } });
  try {
    const list = engine.diagnosticsOf(path.join(dir, 'events/Handled/e.json'));
    assert.deepEqual(list.map((d) => d.code), ['handler-signature-fails', 'func-not-in-function-list']);
    assert.equal(text(dir, 'events/Handled/e.json', list[0]), 'onFlow');
    assert.equal(list[0].related?.[0].path, path.join(dir, 'services/OrderService/service.py'));
  } finally { cleanup(); }
});
