/**
 * One answer to "who listens to this sender": the events tree, the eventDescs lens, hover counts,
 * references and customSubscribers (Run chain) agree on an app with one listener of each kind.
 */
import test from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { indexOf } from '../../helpers/engineWorkspace';
import { msg } from '../../../server/src/engine';

const SENDER = 'services.OrderService.orderPaid';
const handler = { funcType: 'Global', func: 'services.OrderService.onEvent', backendBundleEntry: '.' };

const APP: Record<string, string | object> = {
  'app.json': { appId: 'acme.Listeners', title: 'Listeners', version: '1.0.0' },
  'services/OrderService/e.json': {
    title: 'Orders', type: 'services.NormalType', backendBundleEntry: '.',
    functionList: [{ name: 'pay', title: 'Pay', args: [] }, { name: 'onEvent', title: 'On event', args: [] }],
    eventDescs: [{ name: 'orderPaid', title: 'Order paid' }],
  },
  'services/OrderService/service.py': [
    'class OrderService(NormalService):',
    '    def pay(self):',
    `        app.event.publish(sender="${SENDER}", args=(1,))`,
    '    def onEvent(self, *args, **kwargs):',
    '        return None',
    '',
  ].join('\n'),
  'models/OrderModel/e.json': { title: 'Order', type: 'models.NormalType', backendBundleEntry: '.' },
  'aiassistants/Helper/e.json': { title: 'Helper', type: 'aiassistants.NormalType' },
  'aiagents/Bot/e.json': { title: 'Bot', type: 'aiagents.ReActType' },
  'events/OnPaid/e.json': { title: 'Custom', type: 'events.NormalType', sender: SENDER, ...handler },
  'events/OnOrderAdd/e.json': { title: 'Model', type: 'events.ModelType', sender: 'models.OrderModel', operate: 'AddAfter', ...handler },
  'events/OnApproval/e.json': { title: 'Approval', type: 'events.WorkflowType', model: 'models.OrderModel', operate: 'Process', ...handler },
  'events/OnAssist/e.json': { title: 'Assistant', type: 'events.AIAssistantType', sender: 'aiassistants.Helper', operate: 'afterRun', ...handler },
  'events/OnAgent/e.json': { title: 'Agent', type: 'events.AIAgentType', sender: 'aiagents.Bot', stage: 'preEvent', ...handler },
  'tasks/Remind/e.json': { title: 'Date task', type: 'tasks.DateFieldType', modelPath: 'models.OrderModel', ...handler },
  // A model event that names the custom event as its sender does not listen to it (wrong-element-kind).
  'events/WrongKind/e.json': { title: 'Wrong', type: 'events.ModelType', sender: SENDER, operate: 'AddAfter', ...handler },
};

test('tree, lens, hover, references and customSubscribers agree on the listeners of a custom event', async () => {
  const { engine, dir, cleanup } = await indexOf(APP);
  try {
    const root = dir;
    const listeners = engine.listeners(root, SENDER);
    assert.deepEqual(listeners, [{ fullName: 'events.OnPaid', kind: 'custom' }]);

    assert.deepEqual(engine.customSubscribers(root, SENDER), ['events.OnPaid']);

    const app = engine.eventTree().apps[0];
    const event = app.services.find((s) => s.fullName === 'services.OrderService')!.events.find((e) => e.name === 'orderPaid')!;
    assert.deepEqual(event.subscribers.map((s) => `${s.fullName}:${s.kind}`), ['events.OnPaid:custom']);

    const svcPath = path.join(dir, 'services/OrderService/e.json');
    const text = fs.readFileSync(svcPath, 'utf8');
    const lens = engine.codeLenses(svcPath).filter((l) => !l.run);
    assert.equal(lens.length, 1);
    assert.ok(lens[0].title.startsWith(msg('en', 'lens-subscriber-one')), lens[0].title);

    const offset = text.indexOf('"orderPaid"') + 3;
    const hover = engine.hover(svcPath, text, offset)!;
    assert.ok(hover.markdown.includes(msg('en', 'hover-counts', { pub: 1, sub: listeners.length })), hover.markdown);

    const refs = engine.references(svcPath, text, offset, false);
    const subscriberFiles = refs.map((r) => r.uri).filter((u) => u.endsWith('/e.json'));
    assert.equal(subscriberFiles.length, listeners.length);
    assert.ok(subscriberFiles[0].endsWith('/events/OnPaid/e.json'));
  } finally { cleanup(); }
});

test('tree groups and listenersOf agree on the listeners of a model, an assistant and an agent', async () => {
  const { engine, dir, cleanup } = await indexOf(APP);
  try {
    const app = engine.eventTree().apps[0];
    const fromTree = (target: string) => app.groups.filter((g) => g.target === target)
      .flatMap((g) => g.subscribers.map((s) => `${s.fullName}:${s.kind}`)).sort();
    const expected: Record<string, string[]> = {
      'models.OrderModel': ['events.OnApproval:workflow', 'events.OnOrderAdd:model', 'tasks.Remind:task'],
      'aiassistants.Helper': ['events.OnAssist:assistant'],
      'aiagents.Bot': ['events.OnAgent:agent'],
    };
    for (const [target, list] of Object.entries(expected)) {
      assert.deepEqual(engine.listeners(dir, target).map((l) => `${l.fullName}:${l.kind}`).sort(), list, target);
      assert.deepEqual(fromTree(target), list, target);
      assert.deepEqual(engine.customSubscribers(dir, target), [], target);
    }
  } finally { cleanup(); }
});
