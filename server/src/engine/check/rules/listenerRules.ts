/** What an event or task element listens to: custom-event senders, element references, operate/stage values, model fields. */
import type { ElementKind, ElementRecord } from '../../model/records';
import { kindLabel, msg } from '../../i18n/messages';
import { closestName } from '../../text/closestName';
import type { TrackingLookup } from '../trackingLookup';
import { Severity } from '../../model/diagnostics';
import type { DiagnosticSink } from './diag';
import { stringItems, stringProp, type StringValue } from '../../elements/elementJson';
import { eventDescsRelated, resolveSender } from '../../domain/senders';
import { modelFields } from '../../domain/handlers';
import { mayInherit } from '../../domain/senders';
import { EVENT_TYPES, REFERENCE_KEYS } from '../../domain/elementTypes';
import { TYPE_ENUMS } from '../../domain/enums';
import { checkFieldsIgnored, checkFilterFields } from './modelEventRules';
import { checkWorkflowEvent } from './workflowRules';
import { checkTask } from './taskRules';

/** Checks a custom-event sender (e.json) and reports at the offending part of the string. */
export function checkCustomSender(el: ElementRecord, ctx: TrackingLookup, out: DiagnosticSink): void {
  const v = stringProp(el.json, 'sender');
  if (!v) {
    if (!el.json.props.has('sender')) {
      const t = el.json.props.get('type');
      out.error(t?.range ?? { start: el.json.rootRange.start, end: el.json.rootRange.start + 1 }, 'missing-sender', msg(ctx.locale, 'missing-sender'));
    }
    return;
  }
  const r = resolveSender(ctx, el.appRoot, v.value, ctx.locale);
  if (r.ok) return;
  const base = v.contentRange.start;
  const part = r.code === 'sender-malformed' ? v.contentRange : { start: base + r.part.start, end: base + r.part.end };
  const related = eventDescsRelated(r.service);
  out.add(part, r.severity, r.code, r.message, { fix: r.suggestion ? { range: v.contentRange, newText: r.suggestion } : undefined, related });
}

/** A reference to another element that must be of a given kind (model events, workflows, assistants, agents, date tasks). */
export function checkElementRef(el: ElementRecord, key: string, expected: ElementKind, ctx: TrackingLookup, out: DiagnosticSink, required: boolean): ElementRecord | undefined {
  const L = ctx.locale;
  const v = stringProp(el.json, key);
  if (!v) {
    if (required && !el.json.props.has(key)) {
      const t = el.json.props.get('type');
      out.error(t?.range ?? { start: 0, end: 1 }, 'element-not-found', msg(L, 'missing-ref-key', { kind: kindLabel(L, expected), key }));
    }
    return undefined;
  }
  const target = ctx.element(el.appRoot, v.value);
  if (!target) {
    const near = ctx.closestOfKind(el.appRoot, expected, v.value)?.fullName;
    const hint = near ? msg(L, 'hint-did-you-mean-service', { suggestion: near }) : '';
    const inherit = mayInherit(ctx, el.appRoot);
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

export function checkEnum(el: ElementRecord, key: string, allowed: string[], out: DiagnosticSink, ctx: TrackingLookup, required: boolean, extra?: RegExp): StringValue | undefined {
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
export function checkModelFields(el: ElementRecord, model: ElementRecord, ctx: TrackingLookup, out: DiagnosticSink): void {
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
export function checkListener(el: ElementRecord, ctx: TrackingLookup, out: DiagnosticSink): void {
  const type = el.type ?? '';
  if (type === EVENT_TYPES.custom) { checkCustomSender(el, ctx, out); return; }
  const ref = REFERENCE_KEYS[type];
  const target = ref ? checkElementRef(el, ref.key, ref.kind, ctx, out, true) : undefined;
  const e = TYPE_ENUMS[type];
  if (e) checkEnum(el, e.key, e.values, out, ctx, true, e.extra);
  if (type === EVENT_TYPES.model) {
    checkFieldsIgnored(el, ctx, out);
    if (target) { checkModelFields(el, target, ctx, out); checkFilterFields(el, target, ctx, out); }
  }
  if (type === EVENT_TYPES.workflow) checkWorkflowEvent(el, target, ctx, out);
  if (el.kind === 'task') checkTask(el, target, ctx, out);
}
