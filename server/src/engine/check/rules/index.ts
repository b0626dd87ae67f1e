/** The rule set: which checks run for an e.json, a Python file and an app.json. */
import type { AppJsonRecord, ElementRecord, PythonRecord } from '../../model/records';
import type { EngineDiagnostic } from '../../model/diagnostics';
import type { TrackingLookup } from '../trackingLookup';
import { DiagnosticSink } from './diag';
import { checkCommon, checkJsonTypes } from './commonRules';
import { checkService } from './serviceRules';
import { checkHandler } from './handlerRules';
import { checkListener } from './listenerRules';
import { checkOptionTypes, checkUnknownKeys, checkUnusedInner } from './keyRules';
import { checkPython } from './pythonRules';
import { checkElementPython } from './pythonElementRules';
import { checkPayloadReads } from './payloadRules';
import { checkLoops } from './loopRules';

import { checkElementBasics, checkFullNameClash, checkType } from './elementRules';
import { checkServiceContract } from './serviceContractRules';
import { checkAppJson } from './appJsonRules';
import { checkPythonContract } from './pythonContractRules';
import { checkElementRefs } from './elementRefRules';

/** All diagnostics of one e.json (JSON syntax errors left out when `syntaxErrors` is false). Never throws. */
export function validateElement(record: ElementRecord, ctx: TrackingLookup, opts: { syntaxErrors?: boolean } = {}): EngineDiagnostic[] {
  const out = new DiagnosticSink(() => record.lines);
  if (!checkCommon(record, out, ctx.locale, opts.syntaxErrors ?? true)) return out.items;
  checkFullNameClash(record, ctx, out);
  if (record.kind === 'type') return out.items;
  const el = checkType(record, ctx, out);
  checkElementBasics(el, ctx, out);
  if (el.json.eventDescs || el.json.functionList || el.kind === 'service') {
    checkService(el, ctx, out);
    checkServiceContract(el, ctx, out);
  }
  if (el.kind === 'event' || el.kind === 'task') {
    checkJsonTypes(el, out, ctx.locale);
    checkOptionTypes(el, ctx, out);
    checkUnknownKeys(el, ctx, out);
    checkListener(el, ctx, out);
    checkHandler(el, ctx, out);
    checkUnusedInner(el, ctx, out);
    if (el.json.props.has('sender')) checkLoops(el.path, ctx, out);
  }
  return out.items;
}

/** All diagnostics of one Python file. Never throws. */
export function validatePython(py: PythonRecord, ctx: TrackingLookup): EngineDiagnostic[] {
  const out = new DiagnosticSink(() => py.lines);
  if (py.unreadable) return out.items;
  checkPython(py, ctx, out);
  checkElementPython(py, ctx, out);
  if (py.scan.publishCalls.length) checkLoops(py.path, ctx, out);
  checkPayloadReads(py, ctx, out);
  checkElementRefs(py, ctx, out);
  checkPythonContract(py, ctx, out);
  return out.items;
}

/** All diagnostics of one app.json. Never throws. */
export function validateAppJson(aj: AppJsonRecord, ctx: TrackingLookup): EngineDiagnostic[] {
  const out = new DiagnosticSink(() => aj.lines);
  checkAppJson(aj, ctx, out);
  return out.items;
}
