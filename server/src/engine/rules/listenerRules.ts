import type { ElementKind, ElementRecord } from '../model/records';
import { kindLabel, msg } from '../i18n/messages';
import { closestName } from '../text/closestName';
import type { ValidationContext } from '../workspace/validationContext';
import { Severity } from '../model/diagnostics';
import type { DiagnosticSink } from './diag';
import { stringItems, stringProp, type StringValue } from '../elements/elementJson';
import { eventDescsRelated, resolveSender } from './resolveSender';
import { modelFields } from './modelFields';

export const MODEL_OPERATES = ['AddBefore', 'AddAfter', 'UpdateBefore', 'UpdateAfter', 'DeleteBefore', 'DeleteAfter', 'FieldUpdateAfter'];
export const WORKFLOW_OPERATES = ['Process', 'NodeChange', 'NodeHandled'];
export const AGENT_STAGES = ['preEvent', 'postEvent'];
export const ASSISTANT_OPERATES = ['beforeRun', 'afterRun'];
const ASSISTANT_NODE_OPERATE = /^[A-Za-z_][\w-]*\.(beforeNodeRun|afterNodeRun|approved|rejected|replied|edited)$/;

/** Checks a custom-event sender (e.json) and reports at the offending part of the string. */
export function checkCustomSender(el: ElementRecord, ctx: ValidationContext, out: DiagnosticSink): void {
  const v = stringProp(el.json, 'sender');
  if (!v) {
    if (!el.json.props.has('sender')) {
      const t = el.json.props.get('type');
      out.error(t?.range ?? { start: el.json.rootRange.start, end: el.json.rootRange.start + 1 }, 'missing-sender', msg(ctx.locale, 'missing-sender'));
    }
    return;
  }
  const r = resolveSender(ctx, el.appRoot, v.value);
  if (r.ok) return;
  const base = v.contentRange.start;
  const part = r.code === 'sender-malformed' ? v.contentRange : { start: base + r.part.start, end: base + r.part.end };
  const related = eventDescsRelated(r.service);
  out.add(part, r.severity, r.code, r.message, { fix: r.suggestion ? { range: v.contentRange, newText: r.suggestion } : undefined, related });
}

/** A reference to another element that must be of a given kind (model events, workflows, assistants, agents, date tasks). */
export function checkElementRef(el: ElementRecord, key: string, expected: ElementKind, ctx: ValidationContext, out: DiagnosticSink, required: boolean): ElementRecord | undefined {
  const L = ctx.locale;
  const v = stringProp(el.json, key);
  if (!v) {
    if (required && !el.json.props.has(key)) {
      const t = el.json.props.get('type');
      out.error(t?.range ?? { start: 0, end: 1 }, 'element-not-found', msg(L, 'element-not-found', { kind: kindLabel(L, expected), name: `"${key}"`, hint: '' }));
    }
    return undefined;
  }
  const target = ctx.element(el.appRoot, v.value);
  if (!target) {
    const candidates = ctx.elementsOfKind(el.appRoot, expected).map((e) => e.fullName);
    const near = closestName(v.value, candidates);
    const hint = near ? msg(L, 'hint-did-you-mean-service', { suggestion: near }) : '';
    const inherit = ctx.mayInherit(el.appRoot);
    out.add(v.contentRange, inherit ? Severity.Warning : Severity.Error, 'element-not-found',
      msg(L, inherit ? 'element-inherited' : 'element-not-found', { kind: kindLabel(L, expected), name: v.value, hint }),
      near ? { fix: { range: v.contentRange, newText: near } } : {});
    return undefined;
  }
  if (target.kind !== expected && target.kind !== 'other') {
    out.error(v.contentRange, 'wrong-element-kind', msg(L, 'wrong-element-kind', { name: v.value, actual: kindLabel(L, target.kind), key, expected: kindLabel(L, expected) }));
    return undefined;
  }
  return target;
}

export function checkEnum(el: ElementRecord, key: string, allowed: string[], out: DiagnosticSink, ctx: ValidationContext, required: boolean, extra?: RegExp): StringValue | undefined {
  const L = ctx.locale;
  const v = stringProp(el.json, key);
  if (!v) {
    if (required && !el.json.props.has(key)) {
      const t = el.json.props.get('type');
      out.error(t?.range ?? { start: 0, end: 1 }, 'invalid-value', msg(L, 'invalid-value', { key, value: '', allowed: allowed.join(', ') }));
    }
    return undefined;
  }
  if (allowed.includes(v.value) || extra?.test(v.value)) return v;
  const near = closestName(v.value, allowed);
  out.error(v.contentRange, 'invalid-value', near
    ? msg(L, 'invalid-value-suggest', { key, value: v.value, suggestion: near, allowed: allowed.join(', ') })
    : msg(L, 'invalid-value', { key, value: v.value, allowed: allowed.join(', ') }),
  near ? { fix: { range: v.contentRange, newText: near } } : {});
  return undefined;
}

/** Each entry of `fields` names a field of the model. */
export function checkModelFields(el: ElementRecord, model: ElementRecord, ctx: ValidationContext, out: DiagnosticSink): void {
  const fields = modelFields(ctx, model);
  if (!fields) return;
  const L = ctx.locale;
  for (const f of stringItems(el.json, 'fields')) {
    if (fields.includes(f.value)) continue;
    const near = closestName(f.value, fields);
    out.error(f.contentRange, 'unknown-model-field', msg(L, 'unknown-model-field', {
      model: model.fullName, field: f.value, suggestion: near ? msg(L, 'did-you-mean', { name: near }) : '', fields: fields.join(', '),
    }), near ? { fix: { range: f.contentRange, newText: near } } : {});
  }
}

/** Type-specific listener checks (what the element listens to and when). */
export function checkListener(el: ElementRecord, ctx: ValidationContext, out: DiagnosticSink): void {
  switch (el.type) {
    case 'events.NormalType':
      checkCustomSender(el, ctx, out);
      break;
    case 'events.ModelType': {
      const model = checkElementRef(el, 'sender', 'model', ctx, out, true);
      checkEnum(el, 'operate', MODEL_OPERATES, out, ctx, true);
      if (model) checkModelFields(el, model, ctx, out);
      break;
    }
    case 'events.WorkflowType':
      checkElementRef(el, 'model', 'model', ctx, out, true);
      checkEnum(el, 'operate', WORKFLOW_OPERATES, out, ctx, true);
      break;
    case 'events.AIAssistantType':
      checkElementRef(el, 'sender', 'assistant', ctx, out, true);
      checkEnum(el, 'operate', ASSISTANT_OPERATES, out, ctx, true, ASSISTANT_NODE_OPERATE);
      break;
    case 'events.AIAgentType':
      checkElementRef(el, 'sender', 'agent', ctx, out, true);
      checkEnum(el, 'stage', AGENT_STAGES, out, ctx, true);
      break;
    case 'tasks.DateFieldType':
      checkElementRef(el, 'modelPath', 'model', ctx, out, true);
      break;
    default:
      break;
  }
}
