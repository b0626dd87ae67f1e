/**
 * Keys of event and task e.json files: unknown top-level keys (hint), an inner.py that a Global
 * handler never calls (hint), and the JSON types of the approval and task options.
 */
import type { ElementRecord } from '../../model/records';
import { msg } from '../../i18n/messages';
import { closestName } from '../../text/closestName';
import type { TrackingLookup } from '../trackingLookup';
import type { DiagnosticSink } from './diag';
import { wrongType } from './commonRules';
import { effectiveFuncType, funcProp } from '../../domain/handlers';
import { alwaysGlobal } from '../../domain/elementTypes';
import { COMMON_ELEMENT_KEYS, TYPE_KEYS } from '../../domain/eventKeys';

/** R-EV-12: a top-level key that is neither documented for the official Type nor a common element field. */
export function checkUnknownKeys(el: ElementRecord, ctx: TrackingLookup, out: DiagnosticSink): void {
  const known = TYPE_KEYS[el.type ?? ''];
  if (!known) return;
  const all = [...COMMON_ELEMENT_KEYS, ...known];
  for (const [key, v] of el.json.props) {
    if (all.includes(key) || !v.keyRange) continue;
    const near = closestName(key, known.filter((k) => !el.json.props.has(k)));
    const kr = v.keyRange;
    out.info({ start: kr.start + 1, end: kr.end - 1 }, 'unknown-key', msg(ctx.locale, 'unknown-key', {
      key, type: el.type!, suggestion: near ? msg(ctx.locale, 'did-you-mean', { name: near }) : '',
    }), near ? { fix: { range: { start: kr.start + 1, end: kr.end - 1 }, newText: near } } : {});
  }
}

/** R-EV-11: funcType Global (explicit or default) while the element has an inner.py. */
export function checkUnusedInner(el: ElementRecord, ctx: TrackingLookup, out: DiagnosticSink): void {
  if (effectiveFuncType(el) !== 'Global' && !alwaysGlobal(el)) return;
  const func = funcProp(el);
  if (!func || !ctx.python(`${el.dir}/inner.py`)) return;
  const ft = el.json.props.get('funcType');
  out.info(ft?.kind === 'string' ? ft.contentRange : func.contentRange, 'inner-unused', msg(ctx.locale, 'inner-unused', { func: func.value }));
}

/** R-EV-10 rest: enable as true/false, and the JSON types of approval and task options. */
export function checkOptionTypes(el: ElementRecord, ctx: TrackingLookup, out: DiagnosticSink): void {
  const L = ctx.locale;
  const p = el.json.props;
  const en = p.get('enable');
  if (en?.kind === 'boolean') {
    out.error(en.range, 'wrong-json-type', msg(L, 'enable-boolean', { value: String(en.value) }), { fix: { range: en.range, newText: en.value ? '1' : '0' } });
  }
  const tf = p.get('taskFunc');
  if (tf && tf.kind !== 'string') wrongType(out, L, 'taskFunc', tf, 'type-string');
  const tn = p.get('triggerNode');
  if (tn && tn.kind !== 'array') wrongType(out, L, 'triggerNode', tn, 'type-array');
  const ht = p.get('handleType');
  if (ht && ht.kind !== 'array' && ht.kind !== 'string') wrongType(out, L, 'handleType', ht, 'type-array');
  const tc = p.get('timerCfg');
  if (tc && tc.kind !== 'object') wrongType(out, L, 'timerCfg', tc, 'type-object');
}
