// The e.json examples of the JitAi documentation, in their documented forms (older and newer page
// revisions), validate against schemas/e.schema.json: the schema describes shapes for completion and
// hover and never rejects a documented value. Wrong values are the language server's to report.
import test from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv from 'ajv';
import { findRepoRoot } from './repo-files.js';

const schema = JSON.parse(readFileSync(join(findRepoRoot(), 'schemas', 'e.schema.json'), 'utf8')) as Record<string, unknown>;
const ajv = new Ajv({ allErrors: true, strict: false });
const validate = ajv.compile(schema);
const errorsOf = (v: unknown) => (validate(v) ? [] : (validate.errors ?? []).map((e) => `${e.instancePath || '/'}: ${e.message}`));

const DOCUMENTED: Record<string, unknown> = {
  'custom event (newer table)': { type: 'events.NormalType', title: 'My event', sender: 'services.MyService.CustomEvent', funcType: 'Global', func: 'services.NotifySvc.send_email', asyncType: false, objMode: false, enable: 1, backendBundleEntry: '.', returnType: 'None', path: 'events', extendType: 'self' },
  'custom event (older example, bare func name)': { type: 'events.NormalType', title: 'Async data', sender: 'services.DataService.dataReady', funcType: 'Global', func: 'handleAsyncData', asyncType: true, enable: 0, backendEpath: 'events/MyCustomEvent/element.pkg' },
  'model event (newer, malformed-looking filter)': { type: 'events.ModelType', title: 'User audit', sender: 'models.UserModel', operate: 'UpdateAfter', funcType: 'Global', func: 'services.AuditSvc.log_change', asyncType: false, filter: "Q(Q('status', 'status', 'active'))", fields: [], enable: 1, backendBundleEntry: '.' },
  'model event (older filter)': { type: 'events.ModelType', title: 'User audit', sender: 'models.UserModel', operate: 'AddAfter', funcType: 'Inner', filter: "Q(status='active')" },
  'approval event (newer)': { title: 'Approval done', type: 'events.WorkflowType', backendBundleEntry: '.', model: 'models.OrderModel', operate: 'Process', funcType: 'Global', func: 'services.AuditSvc.log_approval', enable: 1 },
  'approval event (older: lowercase funcType, inner.<fn>, plain node ids)': { title: 'Node change', type: 'events.WorkflowType', model: 'models.LeaveModel', operate: 'NodeChange', funcType: 'inner', func: 'inner.handleNodeChange', triggerNode: ['node1', 'node2'] },
  'approval event (older: handleType transfer as a string)': { title: 'Handled', type: 'events.WorkflowType', model: 'models.LeaveModel', operate: 'NodeHandled', funcType: 'global', func: 'services.A.b', handleNode: 'node1', handleType: 'transfer' },
  'approval event (newer node forms)': { title: 'Node change', type: 'events.WorkflowType', model: 'models.OrderModel', operate: 'NodeChange', triggerNode: ['after.StartNode', 'before.StartNode', 'before.ApproveNode1', 'after.ApproveNode1'], func: 'services.A.b' },
  'assistant event': { title: 'Assistant finished', type: 'events.AIAssistantType', sender: 'aiassistants.CustomerService', operate: 'node001.beforeNodeRun', func: 'services.AuditSvc.log_assistant', asyncType: true, enable: 1, backendBundleEntry: '.' },
  'agent event (newer example with Inner)': { title: 'Agent audit', type: 'events.AIAgentType', sender: 'aiagents.MyAgent', stage: 'postEvent', funcType: 'Inner', asyncType: false, enable: 1 },
  'timer task (newer)': { type: 'tasks.NormalType', title: 'Nightly', enable: 0, funcType: 'Global', func: 'services.S.run', backendBundleEntry: '.', timerCfg: { startTime: '2025-01-01 02:00:00', endTime: '2025-12-31 02:00:00', skipHoliday: 0, repeat: { repeatType: 'day', period: 1 } } },
  'timer task (older taskFunc)': { type: 'tasks.NormalType', title: 'Nightly', funcType: 'Global', taskFunc: 'services.S.run', timerCfg: { startTime: '2025-01-01 02:00:00', repeat: { repeatType: 'normal' } } },
  'date-field task (page example: repeatType day)': { type: 'tasks.DateFieldType', title: 'Contract reminder', modelPath: 'models.ContractModel', funcType: 'Inner', enable: 1, timerCfg: { startField: 'endDate', startOffset: { offsetType: -1, offset: 3, offsetUnit: 'day', time: '09:00' }, repeat: { repeatType: 'day' } } },
  'date-field task (older offset units)': { type: 'tasks.DateFieldType', title: 'Reminder', modelPath: 'models.M', timerCfg: { startField: 'due', startOffset: { offsetType: 1, offset: 30, offsetUnit: 'minutes' }, repeat: { repeatType: 'year' } } },
  'service (JAAP, protect)': { title: 'Svc', type: 'services.NormalType', accessModifier: 'protect', backendBundleEntry: '.', functionList: [{ name: 'f', title: 'F', args: [{ name: 'a', title: 'A', dataType: 'Stext' }], returnType: 'JitDict', argsToDatatype: 1 }], eventDescs: [{ name: 'done', title: 'Done', desc: '' }] },
};

for (const [label, value] of Object.entries(DOCUMENTED)) {
  test(`documented e.json validates: ${label}`, () => {
    assert.deepEqual(errorsOf(value), []);
  });
}

test('the three forms the field report named validate: triggerNode ["node1", "node2"], date-field repeatType "day", funcType "inner"', () => {
  assert.deepEqual(errorsOf({ type: 'events.WorkflowType', model: 'models.M', operate: 'NodeChange', triggerNode: ['node1', 'node2'] }), []);
  assert.deepEqual(errorsOf({ type: 'tasks.DateFieldType', modelPath: 'models.M', timerCfg: { startField: 'd', repeat: { repeatType: 'day' } } }), []);
  assert.deepEqual(errorsOf({ type: 'events.WorkflowType', model: 'models.M', operate: 'Process', funcType: 'inner' }), []);
});
