/**
 * Task timers: a timer task's timerCfg (startTime, repeatType, period) and a date-field task's
 * startField (a Date/Datetime field of modelPath), startOffset and repeatType.
 */
import type { ElementRecord } from '../../model/records';
import { msg } from '../../i18n/messages';
import { closestName } from '../../text/closestName';
import type { TrackingLookup } from '../trackingLookup';
import type { DiagnosticSink } from './diag';
import { valueAt, type JsonValue } from '../../elements/elementJson';
import { implementationClass } from '../../domain/handlers';
import { DATE_FIELD_TYPES, DATE_REPEAT_TYPES, OFFSET_TYPES, OFFSET_UNITS, REPEAT_SYNONYMS, TIMER_REPEAT_TYPES } from '../../domain/eventKeys';
import { TASK_TYPES } from '../../domain/elementTypes';

const START_TIME = /^\d{4}-\d{1,2}-\d{1,2}( \d{1,2}:\d{2}(:\d{2})?)?$/;

function anchor(el: ElementRecord, v: JsonValue | undefined) {
  return v?.keyRange ?? el.json.props.get('type')?.range ?? { start: el.json.rootRange.start, end: el.json.rootRange.start + 1 };
}

/** A value from a fixed set; reports on the value with a did-you-mean (and synonyms such as daily → day). */
function checkChoice(v: JsonValue | undefined, key: string, allowed: readonly (string | number)[], ctx: TrackingLookup, out: DiagnosticSink): boolean {
  if (!v || allowed.includes(v.value as string | number)) return true;
  const L = ctx.locale;
  const raw = typeof v.value === 'string' ? v.value : undefined;
  const strings = allowed.filter((a): a is string => typeof a === 'string');
  const near = raw === undefined ? undefined : (REPEAT_SYNONYMS[raw.toLowerCase()] && strings.includes(REPEAT_SYNONYMS[raw.toLowerCase()]) ? REPEAT_SYNONYMS[raw.toLowerCase()] : closestName(raw, strings));
  out.error(v.kind === 'string' ? v.contentRange : v.range, 'task-timer-invalid', msg(L, 'timer-bad-enum', {
    key, value: v.kind === 'string' ? `"${raw}"` : JSON.stringify(v.value ?? v.kind),
    suggestion: near ? msg(L, 'did-you-mean', { name: near }) : '', allowed: allowed.join(', '),
  }), near ? { fix: { range: v.contentRange, newText: near } } : {});
  return false;
}

/** R-TK-1: tasks.NormalType timerCfg. */
export function checkTimerTask(el: ElementRecord, ctx: TrackingLookup, out: DiagnosticSink): void {
  const L = ctx.locale;
  const cfg = el.json.props.get('timerCfg');
  if (cfg && cfg.kind !== 'object') return; // wrong JSON type reported elsewhere
  const start = valueAt(el.json, ['timerCfg', 'startTime']);
  if (!start) out.error(anchor(el, cfg), 'task-timer-invalid', msg(L, 'timer-missing-start'));
  else if (start.kind !== 'string' || !START_TIME.test(String(start.value).trim())) {
    out.error(start.kind === 'string' ? start.contentRange : start.range, 'task-timer-invalid', msg(L, 'timer-bad-start', { value: String(start.value) }));
  }
  const rt = valueAt(el.json, ['timerCfg', 'repeat', 'repeatType']);
  if (!rt || !checkChoice(rt, 'repeatType', TIMER_REPEAT_TYPES, ctx, out) || rt.value === 'normal') return;
  const period = valueAt(el.json, ['timerCfg', 'repeat', 'period']);
  if (!period) {
    out.error(valueAt(el.json, ['timerCfg', 'repeat'])!.keyRange ?? rt.range, 'task-timer-invalid', msg(L, 'timer-missing-period', { repeat: String(rt.value) }));
  } else if (!(typeof period.value === 'number' && Number.isInteger(period.value) && period.value > 0)) {
    out.error(period.range, 'task-timer-invalid', msg(L, 'timer-bad-period', { repeat: String(rt.value), value: JSON.stringify(period.value ?? period.kind) }));
  }
}

/** Field name -> data type (`Date`, `Stext`, …) of a model's class attributes created with datatypes.*. */
function fieldTypes(ctx: TrackingLookup, model: ElementRecord): Map<string, string> | undefined {
  const attrs = implementationClass(ctx, model)?.cls.attributes;
  if (!attrs) return undefined;
  return new Map(attrs.filter((a) => a.isCall).map((a) => [a.name, a.dataType ?? '']));
}

/** R-TK-2: tasks.DateFieldType startField, startOffset and repeat. `model` is modelPath when it resolved. */
export function checkDateFieldTask(el: ElementRecord, model: ElementRecord | undefined, ctx: TrackingLookup, out: DiagnosticSink): void {
  const L = ctx.locale;
  const cfg = el.json.props.get('timerCfg');
  if (cfg && cfg.kind !== 'object') return;
  checkChoice(valueAt(el.json, ['timerCfg', 'startOffset', 'offsetType']), 'offsetType', OFFSET_TYPES, ctx, out);
  checkChoice(valueAt(el.json, ['timerCfg', 'startOffset', 'offsetUnit']), 'offsetUnit', OFFSET_UNITS, ctx, out);
  checkChoice(valueAt(el.json, ['timerCfg', 'repeat', 'repeatType']), 'repeatType', DATE_REPEAT_TYPES, ctx, out);
  const sf = valueAt(el.json, ['timerCfg', 'startField']);
  const modelName = model?.fullName ?? String(el.json.props.get('modelPath')?.value ?? '');
  if (!sf) { out.error(anchor(el, cfg), 'task-timer-invalid', msg(L, 'date-task-missing-field', { model: modelName })); return; }
  if (sf.kind !== 'string' || !model) return;
  const types = fieldTypes(ctx, model);
  if (!types) return;
  const field = String(sf.value);
  const dates = [...types].filter(([, t]) => DATE_FIELD_TYPES.includes(t)).map(([n]) => n);
  const near = closestName(field, dates);
  const suggestion = near ? msg(L, 'did-you-mean', { name: near }) : '';
  const fix = near ? { fix: { range: sf.contentRange, newText: near } } : {};
  const type = types.get(field);
  if (type === undefined) {
    out.error(sf.contentRange, 'task-date-field', msg(L, 'date-task-unknown-field', { model: model.fullName, field, suggestion, fields: dates.join(', ') || '—' }), fix);
  } else if (!DATE_FIELD_TYPES.includes(type)) {
    out.error(sf.contentRange, 'task-date-field', msg(L, 'date-task-not-date', { model: model.fullName, field, dataType: type, suggestion }), fix);
  }
}

export function checkTask(el: ElementRecord, model: ElementRecord | undefined, ctx: TrackingLookup, out: DiagnosticSink): void {
  if (el.type === TASK_TYPES.timer) checkTimerTask(el, ctx, out);
  else if (el.type === TASK_TYPES.dateField) checkDateFieldTask(el, model, ctx, out);
}
