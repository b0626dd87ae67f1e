/** Model fields in model.py: `name=` equals the attribute name, and no field uses a reserved name. */
import type { ElementRecord, PythonRecord } from '../../model/records';
import { msg } from '../../i18n/messages';
import type { TrackingLookup } from '../trackingLookup';
import type { DiagnosticSink } from './diag';
import { RESERVED_FIELD_NAMES } from '../../domain/dataTypes';

export function checkModelPy(py: PythonRecord, el: ElementRecord, ctx: TrackingLookup, out: DiagnosticSink): void {
  const L = ctx.locale;
  const cls = py.scan.classes.find((c) => c.name === el.name) ?? py.scan.classes[0];
  for (const a of cls?.attributes ?? []) {
    if (!a.call || !a.call.callee.startsWith('datatypes.')) continue;
    if (RESERVED_FIELD_NAMES.has(a.name)) {
      out.error(a.nameRange, 'reserved-field-name', msg(L, 'reserved-field-name', { name: a.name, suggestion: `${a.name}Field` }));
    }
    const n = a.call.nameArg;
    if (n && n.value !== a.name) {
      out.error(n.contentRange, 'model-field-name-mismatch', msg(L, 'model-field-name-mismatch', { attr: a.name, name: n.value }),
        { fix: { range: n.contentRange, newText: a.name } });
    }
  }
}
