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
/** The schema keeps every check in `anyOf: [check, {}]` (it describes, the engine reports): the check part. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
const check = (node: any): any => node?.anyOf?.length === 2 && Object.keys(node.anyOf[1]).length === 0 ? node.anyOf[0] : node;
const prop = (def: string, name: string) => check(check(defs[def]).properties[name]);

test('model, approval and agent event enums equal the schema', () => {
  assert.deepEqual(MODEL_OPERATES, prop('modelEvent', 'operate').enum);
  assert.deepEqual(WORKFLOW_OPERATES, prop('workflowEvent', 'operate').enum);
  assert.deepEqual(AGENT_STAGES, prop('agentEvent', 'stage').enum);
});

test('funcType: the schema lists the documented spellings and their legacy lowercase forms', () => {
  assert.deepEqual(check(defs.funcType).enum, [...FUNC_TYPES, ...FUNC_TYPES.map((f) => f.toLowerCase())]);
});

test('assistant operate: the schema pattern is built from the same values', () => {
  const pattern: string = prop('assistantEvent', 'operate').pattern;
  assert.equal(pattern, `^(${ASSISTANT_OPERATES.join('|')}|[^.\\s]+\\.(${ASSISTANT_NODE_OPERATES.join('|')}))$`);
});
