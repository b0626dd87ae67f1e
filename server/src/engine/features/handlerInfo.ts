/** What "Run handler" executes for an event or task element, with payload candidates from publish calls. */
import type { HandlerInfoOnDisk, PayloadCandidate } from '../../../../shared/src/protocol/types';
import type { ElementRecord } from '../model/records';
import type { WorkspaceIndex } from '../workspace/workspaceIndex';
import { msg } from '../i18n/messages';
import { stringProp } from '../elements/elementJson';
import { findMethod, funcProp, implementationClass, innerHandler, runFuncType, splitFunc } from '../domain/handlers';
import { EVENT_TYPES, isListener, subscriberKind } from '../domain/elementTypes';
import { publishSitesOf } from './eventGraph';
import { toLocation } from './locations';
import { handlerOf } from './payloadHover';
import { payloadSkeleton, payloadKeyInfo } from './payloadSkeleton';

/** What "Run handler" must execute for an event or task element. Null for non-subscribers. */
export function handlerInfo(index: WorkspaceIndex, el: ElementRecord): HandlerInfoOnDisk | null {
  if (!isListener(el)) return null;
  const L = index.locale;
  const funcType = runFuncType(el);
  const sender = stringProp(el.json, 'sender')?.value;
  const base: HandlerInfoOnDisk = {
    appRoot: el.appRoot, fullName: el.fullName, title: el.title, type: el.type ?? '', kind: subscriberKind(el),
    funcType, functionName: 'customFunc', sender, payloads: [],
  };
  if (el.type === EVENT_TYPES.custom && sender) base.payloads = payloadsFor(index, el.appRoot, sender);
  const payload = handlerOf(index, el)?.payload;
  if (payload) base.payloadShape = payloadKeyInfo(payload);
  if (payload && base.payloadShape?.length) {
    base.payloads.push({ source: 'skeleton', label: msg(L, 'payload-skeleton'), ...payloadSkeleton(payload) });
  }
  if (funcType === 'Inner') {
    const h = innerHandler(index, el);
    base.modulePath = `${el.dir}/inner.py`;
    if (h.status === 'no-file') base.problem = msg(L, 'handler-no-inner');
    else if (h.status === 'no-func') base.problem = msg(L, 'handler-no-custom-func');
    return base;
  }
  const func = funcProp(el)?.value;
  const parts = func ? splitFunc(func) : undefined;
  if (!func || !parts) return { ...base, problem: msg(L, 'handler-no-func') };
  base.functionName = parts.fn;
  base.serviceFullName = parts.element;
  const target = index.element(el.appRoot, parts.element);
  const impl = target ? implementationClass(index, target) : undefined;
  if (!target || !impl || !findMethod(impl, parts.fn)) return { ...base, problem: msg(L, 'handler-func-unresolved', { func }) };
  base.modulePath = impl.file;
  base.className = impl.cls.name;
  return base;
}

function payloadsFor(index: WorkspaceIndex, appRoot: string, sender: string): PayloadCandidate[] {
  const out: PayloadCandidate[] = [];
  for (const site of publishSitesOf(index, appRoot, sender)) {
    const a = site.call.args, k = site.call.kwargs;
    // Literal payloads as written; partly literal ones with their variables as null (partial: true).
    const args = a ? (a.value ?? a.template) : [];
    const kwargs = k ? (k.value ?? k.template) : {};
    if (!Array.isArray(args) || typeof kwargs !== 'object' || kwargs === null || Array.isArray(kwargs)) continue;
    const partial = (a !== undefined && a.value === undefined) || (k !== undefined && k.value === undefined);
    const loc = toLocation(site.py.path, site.py.lines, site.call.range.start, site.call.range.end);
    out.push({
      source: 'publish',
      label: `${site.py.path.slice(appRoot.length + 1)}:${loc.range.start.line + 1}${site.call.enclosingFunction ? ` (${site.call.enclosingFunction})` : ''}`,
      location: loc,
      args: args as unknown[],
      kwargs: kwargs as Record<string, unknown>,
      partial,
    });
  }
  return out;
}
