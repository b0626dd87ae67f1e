/** Model-event options: `fields` on Add/Delete (hint) and field ids inside the `filter` Q-expression. */
import type { ElementRecord } from '../../model/records';
import { msg } from '../../i18n/messages';
import { closestName } from '../../text/closestName';
import type { TrackingLookup } from '../trackingLookup';
import type { DiagnosticSink } from './diag';
import { stringProp } from '../../elements/elementJson';
import { modelFields } from '../../domain/handlers';

/** R-MT-4: a non-empty `fields` list with an Add/Delete operate. */
export function checkFieldsIgnored(el: ElementRecord, ctx: TrackingLookup, out: DiagnosticSink): void {
  const op = stringProp(el.json, 'operate')?.value ?? '';
  const fields = el.json.props.get('fields');
  if (!/^(Add|Delete)(Before|After)$/.test(op) || !fields?.items?.length) return;
  out.info(fields.range, 'fields-ignored', msg(ctx.locale, 'fields-ignored', { operate: op }));
}

/** Field ids in a filter: `Q('field', op, value)` and `Q(field=value)`; `a__b` (related field) checks `a`. Offsets are in the string value. */
export function filterFieldIds(filter: string): { id: string; start: number }[] {
  const out: { id: string; start: number }[] = [];
  const re = /Q\(\s*(?:(['"])([A-Za-z_]\w*)\1\s*,|([A-Za-z_]\w*)\s*=(?!=))/g;
  for (let m = re.exec(filter); m; m = re.exec(filter)) {
    const id = m[2] ?? m[3];
    const start = m.index + m[0].indexOf(id, 2);
    out.push({ id: id.split('__')[0], start });
  }
  return out;
}

/** R-MT-5: each field id in `filter` is a field of the sender model. */
export function checkFilterFields(el: ElementRecord, model: ElementRecord, ctx: TrackingLookup, out: DiagnosticSink): void {
  const f = stringProp(el.json, 'filter');
  if (!f) return;
  const fields = modelFields(ctx, model);
  if (!fields) return;
  const L = ctx.locale;
  // Ranges inside the string are exact only when it has no escapes.
  const exact = f.contentRange.end - f.contentRange.start === f.value.length;
  for (const { id, start } of filterFieldIds(f.value)) {
    if (fields.includes(id)) continue;
    const near = closestName(id, fields);
    const range = exact ? { start: f.contentRange.start + start, end: f.contentRange.start + start + id.length } : f.contentRange;
    out.warning(range, 'filter-unknown-field', msg(L, 'filter-unknown-field', {
      model: model.fullName, field: id, suggestion: near ? msg(L, 'did-you-mean', { name: near }) : '', fields: fields.join(', '),
    }), near && exact ? { fix: { range, newText: near } } : {});
  }
}
