/** app.json: valid JSON with an object root, and `extends` entries naming a parent app's appId and version. */
import type { AppJsonRecord } from '../../model/records';
import { msg, type MessageId } from '../../i18n/messages';
import type { TrackingLookup } from '../trackingLookup';
import type { DiagnosticSink } from './diag';
import { syntaxErrorText } from './commonRules';

export function checkAppJson(aj: AppJsonRecord, ctx: TrackingLookup, out: DiagnosticSink): void {
  const L = ctx.locale;
  for (const e of aj.syntaxErrors.slice(0, 10)) out.error(e, 'app-json-invalid', msg(L, 'app-json-syntax', { detail: syntaxErrorText(L, e.message) }));
  if (aj.rootKind !== 'object') {
    if (aj.rootKind !== 'none' || aj.syntaxErrors.length === 0) {
      out.error(aj.rootRange, 'app-json-invalid', msg(L, 'app-json-not-object', { kind: msg(L, `json-kind-${aj.rootKind}` as MessageId) }));
    }
    return;
  }
  if (aj.extendsNotArray) out.warning(aj.extendsNotArray, 'extends-entry-incomplete', msg(L, 'extends-not-array'));
  for (const e of aj.extendsIncomplete) {
    out.warning(e, 'extends-entry-incomplete', msg(L, 'extends-entry-incomplete', { missing: e.missing.map((m) => `"${m}"`).join(L === 'zh' ? ' 和 ' : ' and ') }));
  }
}
