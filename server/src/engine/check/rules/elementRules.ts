/**
 * Checks every element instance shares beyond its JSON shape: a title, a known Type (a misspelled
 * official Type is checked as the Type it was meant to be), the backend entry, the common settings,
 * the Python package's __init__.py, and a fullName no other folder of the app also yields.
 */
import type { ElementRecord } from '../../model/records';
import { msg, kindLabel } from '../../i18n/messages';
import { closestName } from '../../text/closestName';
import type { TrackingLookup } from '../trackingLookup';
import type { DiagnosticSink } from './diag';
import { stringProp } from '../../elements/elementJson';
import { closestOfficialType, isCheckedFamily, isOfficialType, isTypeElement } from '../../domain/officialTypes';
import { BACKEND_FILES, ELEMENT_SETTINGS, LEGACY_SETTING_VALUES, needsBackendEntry } from '../../domain/elementSettings';
import { kindOfType } from '../../workspace/elementKind';

/** Where a problem of the element as a whole is reported: its `type` value, else the first character. */
export function elementAnchor(el: ElementRecord) {
  return el.json.props.get('type')?.range ?? { start: el.json.rootRange.start, end: el.json.rootRange.start + 1 };
}

/** Two folders of one app yielding the same fullName (also when only the case differs). */
export function checkFullNameClash(el: ElementRecord, ctx: TrackingLookup, out: DiagnosticSink): void {
  const other = ctx.namesakes(el.appRoot, el.fullName).find((o) => o.path !== el.path);
  if (!other) return;
  const rel = (e: ElementRecord) => e.dir.slice(e.appRoot.length + 1);
  out.error({ start: el.json.rootRange.start, end: el.json.rootRange.start + 1 }, 'duplicate-full-name', msg(ctx.locale, 'duplicate-full-name', {
    rel: rel(el), fullName: el.fullName, otherRel: rel(other), otherName: other.fullName,
  }), { related: [{ path: other.path, range: { start: { line: 0, character: 0 }, end: { line: 0, character: 1 } }, message: other.fullName }] });
}

/**
 * `type` names an official Type or a Type element of the app. Returns the element as the checks
 * should see it: with a misspelled official Type replaced by the one it was meant to be.
 */
export function checkType(el: ElementRecord, ctx: TrackingLookup, out: DiagnosticSink): ElementRecord {
  const t = stringProp(el.json, 'type');
  if (!t || !t.value || isOfficialType(t.value)) return el;
  const target = ctx.element(el.appRoot, t.value);
  if (target && (isTypeElement(target, !!ctx.python(`${target.dir}/loader.py`)) || target.kind !== 'other')) return el;
  const near = closestOfficialType(t.value);
  if (!near && !isCheckedFamily(t.value)) return el; // a family whose Types are not all known: cannot judge
  const L = ctx.locale;
  out.warning(t.contentRange, 'unknown-type', msg(L, 'unknown-type', { type: t.value, hint: near ? msg(L, 'unknown-type-checked-as', { suggestion: near }) : '' }),
    near ? { fix: { range: t.contentRange, newText: near } } : {});
  if (!near) return el;
  const kind = kindOfType(near, () => undefined, !!el.json.eventDescs);
  return Object.create(el, { type: { value: near }, kind: { value: kind } }) as ElementRecord;
}

/** title, backendBundleEntry, the common settings' values and __init__.py of a backend element. */
export function checkElementBasics(el: ElementRecord, ctx: TrackingLookup, out: DiagnosticSink): void {
  const L = ctx.locale;
  const p = el.json.props;
  if (!p.has('title')) out.warning(elementAnchor(el), 'missing-title', msg(L, 'missing-title', { what: msg(L, 'what-element') }));
  if (needsBackendEntry(el) && !p.has('backendBundleEntry')) {
    out.warning(elementAnchor(el), 'missing-backend-entry', msg(L, 'missing-backend-entry', { kind: kindLabel(L, el.kind) }));
  }
  for (const [key, allowed] of Object.entries(ELEMENT_SETTINGS)) {
    const v = p.get(key);
    if (!v || allowed.includes(v.value as string | number)) continue;
    // Only a misspelled word has a plausible correction; a wrong number does not.
    const near = typeof v.value === 'string' ? closestName(v.value, allowed.filter((a) => !LEGACY_SETTING_VALUES.has(a)).map(String)) : undefined;
    const fixed = near === undefined ? undefined : JSON.stringify(allowed.find((a) => String(a) === near));
    out.error(v.range, 'invalid-setting', msg(L, 'invalid-setting', {
      key, value: v.kind === 'string' ? JSON.stringify(v.value) : v.kind === 'number' || v.kind === 'boolean' ? String(v.value) : msg(L, `json-kind-${v.kind}`),
      allowed: allowed.map((a) => JSON.stringify(a)).join(', '), suggestion: fixed ? msg(L, 'did-you-mean', { name: fixed.replace(/"/g, '') }) : '',
    }), fixed ? { fix: { range: v.range, newText: fixed } } : {});
  }
  const files = BACKEND_FILES.filter((f) => ctx.hasPythonFile(`${el.dir}/${f}`));
  if (files.length && !ctx.hasPythonFile(`${el.dir}/__init__.py`)) {
    const example = files[0] === 'inner.py' ? 'from .inner import customFunc' : `from .${files[0].slice(0, -3)} import ${el.name}`;
    out.warning(elementAnchor(el), 'missing-init-py', msg(L, 'missing-init-py', { files: files.join(', '), example }));
  }
}
