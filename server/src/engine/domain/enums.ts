/**
 * Fixed value sets of event e.json fields (exact case). schemas/e.schema.json lists the same
 * values; a unit test keeps the two equal.
 */
import { EVENT_TYPES } from './elementTypes';

/** `operate` of a model event. */
export const MODEL_OPERATES = ['AddBefore', 'AddAfter', 'UpdateBefore', 'UpdateAfter', 'DeleteBefore', 'DeleteAfter', 'FieldUpdateAfter'];
/** `operate` of an approval (workflow) event. */
export const WORKFLOW_OPERATES = ['Process', 'NodeChange', 'NodeHandled'];
/** `operate` of an AI assistant event, besides the per-node `<nodeId>.<ASSISTANT_NODE_OPERATES>`. */
export const ASSISTANT_OPERATES = ['beforeRun', 'afterRun'];
/** The per-node part of an assistant `operate`: `<nodeId>.beforeNodeRun` etc. */
export const ASSISTANT_NODE_OPERATES = ['beforeNodeRun', 'afterNodeRun', 'approved', 'rejected', 'replied', 'edited'];
export const ASSISTANT_NODE_OPERATE = new RegExp(`^[A-Za-z_][\\w-]*\\.(${ASSISTANT_NODE_OPERATES.join('|')})$`);
/** `stage` of an AI agent (tool-call) event. */
export const AGENT_STAGES = ['preEvent', 'postEvent'];
/** `funcType` as documented; lowercase spellings are accepted as legacy. */
export const FUNC_TYPES = ['Global', 'Inner'] as const;

/** The enum-valued key of each event Type and its values (completion and validation share it). */
export const TYPE_ENUMS: Readonly<Record<string, { key: string; values: string[]; extra?: RegExp }>> = {
  [EVENT_TYPES.model]: { key: 'operate', values: MODEL_OPERATES },
  [EVENT_TYPES.workflow]: { key: 'operate', values: WORKFLOW_OPERATES },
  [EVENT_TYPES.assistant]: { key: 'operate', values: ASSISTANT_OPERATES, extra: ASSISTANT_NODE_OPERATE },
  [EVENT_TYPES.agent]: { key: 'stage', values: AGENT_STAGES },
};
