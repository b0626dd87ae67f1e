/** Domain facts: the engine's value sets equal the enums of schemas/e.schema.json. */
import test from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { repoRoot } from '../../helpers/repo';
import {
  AGENT_STAGES, ASSISTANT_NODE_OPERATES, ASSISTANT_OPERATES, FUNC_TYPES, MODEL_OPERATES, WORKFLOW_OPERATES,
} from '../../../server/src/engine/domain/enums';

const schema = JSON.parse(fs.readFileSync(path.join(repoRoot(), 'schemas/e.schema.json'), 'utf8'));
const defs = schema.definitions;

test('model, approval and agent event enums equal the schema', () => {
  assert.deepEqual(MODEL_OPERATES, defs.modelEvent.properties.operate.enum);
  assert.deepEqual(WORKFLOW_OPERATES, defs.workflowEvent.properties.operate.enum);
  assert.deepEqual(AGENT_STAGES, defs.agentEvent.properties.stage.enum);
});

test('funcType: the schema lists the documented spellings and their legacy lowercase forms', () => {
  assert.deepEqual(defs.funcType.enum, [...FUNC_TYPES, ...FUNC_TYPES.map((f) => f.toLowerCase())]);
});

test('assistant operate: the schema pattern is built from the same values', () => {
  const pattern: string = defs.assistantEvent.properties.operate.pattern;
  assert.equal(pattern, `^(${ASSISTANT_OPERATES.join('|')}|[^.\\s]+\\.(${ASSISTANT_NODE_OPERATES.join('|')}))$`);
});
