/**
 * Approval (workflow) events: which options apply to which operate, triggerNode and handleType
 * items, node ids against the nodeList of the workflows bound to the model, and that some
 * workflow binds the model at all.
 */
import type { ElementRecord } from '../../model/records';
import { msg } from '../../i18n/messages';
import { closestName } from '../../text/closestName';
import type { TrackingLookup } from '../trackingLookup';
import type { DiagnosticSink } from './diag';
import { stringProp, type JsonValue, type StringValue } from '../../elements/elementJson';
import { HANDLE_TYPES } from '../../domain/eventKeys';

const OPTION_OPERATE: Readonly<Record<string, string>> = { triggerNode: 'NodeChange', handleNode: 'NodeHandled', handleType: 'NodeHandled' };
const TRIGGER_ITEM = /^(?:(before|after)\.)?([A-Za-z_][\w-]*)$/;

/** Workflows whose dataModel is `model` (each recorded as a dependency). */
function boundWorkflows(el: ElementRecord, model: string, ctx: TrackingLookup): ElementRecord[] {
  return ctx.elementsOfKind(el.appRoot, 'workflow')
    .map((w) => ctx.element(w.appRoot, w.fullName) ?? w)
    .filter((w) => stringProp(w.json, 'dataModel')?.value === model);
}

function items(v: JsonValue | undefined): StringValue[] {
  if (!v) return [];
  if (v.kind === 'string') return [v as StringValue];
  return (v.items ?? []).filter((i): i is StringValue => i.kind === 'string');
}

/** R-WF-3..5 for an approval event whose `model` resolved to a model element of this app. */
export function checkWorkflowEvent(el: ElementRecord, model: ElementRecord | undefined, ctx: TrackingLookup, out: DiagnosticSink): void {
  const L = ctx.locale;
  const operate = stringProp(el.json, 'operate')?.value;
  for (const [key, needed] of Object.entries(OPTION_OPERATE)) {
    const v = el.json.props.get(key);
    const empty = !v || (v.kind === 'array' && !v.items?.length) || (v.kind === 'string' && v.value === '');
    if (empty || !operate || operate === needed || !['Process', 'NodeChange', 'NodeHandled'].includes(operate)) continue;
    out.warning(v!.keyRange ?? v!.range, 'workflow-option-misplaced', msg(L, 'workflow-option-misplaced', { key, needed, operate }));
  }
  const nodeRefs: StringValue[] = [];
  for (const t of items(el.json.props.get('triggerNode'))) {
    const m = TRIGGER_ITEM.exec(t.value);
    if (!m) {
      out.warning(t.contentRange, 'workflow-item-invalid', msg(L, 'trigger-node-invalid', { value: t.value, suggestion: '' }));
      continue;
    }
    nodeRefs.push(t);
  }
  for (const h of items(el.json.props.get('handleType'))) {
    if (HANDLE_TYPES.includes(h.value)) continue;
    const near = closestName(h.value, HANDLE_TYPES);
    out.warning(h.contentRange, 'workflow-item-invalid', msg(L, 'handle-type-invalid', {
      value: h.value, allowed: HANDLE_TYPES.join(', '), suggestion: near ? msg(L, 'did-you-mean', { name: near }) : '',
    }), near ? { fix: { range: h.contentRange, newText: near } } : {});
  }
  const hn = stringProp(el.json, 'handleNode');
  if (hn && hn.value) nodeRefs.push(hn);
  if (!model) return;
  const workflows = boundWorkflows(el, model.fullName, ctx);
  const mv = stringProp(el.json, 'model')!;
  if (!workflows.length) {
    out.warning(mv.contentRange, 'workflow-not-bound', msg(L, 'workflow-not-bound', { model: model.fullName }));
    return;
  }
  const known = workflows.filter((w) => w.workflowNodes);
  if (!known.length) return;
  const nodes = [...new Set(known.flatMap((w) => w.workflowNodes!))];
  for (const r of nodeRefs) {
    const m = TRIGGER_ITEM.exec(r.value);
    const prefix = r === hn ? '' : m?.[1] ? `${m[1]}.` : '';
    const node = r === hn ? r.value : m![2];
    if (nodes.includes(node) || node === 'StartNode') continue;
    const near = closestName(node, nodes);
    const start = r.contentRange.start + prefix.length;
    const exact = r.contentRange.end - r.contentRange.start === r.value.length;
    const range = exact ? { start, end: start + node.length } : r.contentRange;
    out.warning(range, 'workflow-node-unknown', msg(L, 'workflow-node-unknown', {
      node, model: model.fullName, workflows: known.map((w) => w.fullName).join(', '),
      suggestion: near ? msg(L, 'did-you-mean', { name: near }) : '', nodes: nodes.join(', '),
    }), near && exact ? { fix: { range, newText: near } } : {});
  }
}
