/** Which contract checks a Python file gets, from its name and the element folder it sits in. */
import type { PythonRecord } from '../../model/records';
import type { TrackingLookup } from '../trackingLookup';
import type { DiagnosticSink } from './diag';
import { baseName, dirOf } from '../../files/paths';
import { fullNameOf } from '../../workspace/elementKind';
import { checkServiceInit, checkServicePy } from './servicePythonRules';
import { checkModelPy } from './modelFieldRules';

export function checkPythonContract(py: PythonRecord, ctx: TrackingLookup, out: DiagnosticSink): void {
  const file = baseName(py.path);
  if (file !== 'service.py' && file !== 'model.py' && file !== '__init__.py') return;
  const dir = dirOf(py.path);
  if (dir.length <= py.appRoot.length) return;
  const fullName = fullNameOf(py.appRoot, dir);
  // Most element folders are neither services nor models: no dependency for them (a change of kind re-checks these files).
  const peek = ctx.peekElement(py.appRoot, fullName);
  if (!peek || peek.dir !== dir || (peek.kind !== 'service' && peek.kind !== 'model')) return;
  const el = ctx.element(py.appRoot, fullName)!;
  if (el.kind === 'service' && file === 'service.py') checkServicePy(py, el, ctx, out);
  else if (el.kind === 'service' && file === '__init__.py') checkServiceInit(py, el, ctx, out);
  else if (el.kind === 'model' && file === 'model.py') checkModelPy(py, el, ctx, out);
}
