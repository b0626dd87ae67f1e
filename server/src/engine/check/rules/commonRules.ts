/** Checks every element shares: readable JSON, an object root, a string `type`, JSON types of known keys. */
import type { ElementRecord } from '../../model/records';
import { hasMessage, msg, type Locale, type MessageId } from '../../i18n/messages';
import { MAX_FILE_BYTES } from '../../files/fileHost';
import type { DiagnosticSink } from './diag';
import type { JsonValue } from '../../elements/elementJson';

/** Syntax, root shape and `type`. Returns false when the element cannot be checked further. */
export function checkCommon(el: ElementRecord, out: DiagnosticSink, L: Locale, syntaxErrors = true): boolean {
  if (el.unreadable) {
    const [reason, detail] = el.unreadable.split(':');
    const id: MessageId = reason === 'binary' ? 'json-binary' : reason === 'too-large' ? 'json-too-large' : 'json-unreadable';
    out.error({ start: 0, end: 0 }, 'json-syntax', msg(L, id, { size: detail ?? '', limit: MAX_FILE_BYTES, detail: detail ?? reason }));
    return false;
  }
  const json = el.json;
  if (syntaxErrors) for (const e of json.syntaxErrors.slice(0, 10)) out.error(e.range, 'json-syntax', msg(L, 'json-syntax', { detail: syntaxErrorText(L, e.message) }));
  if (json.rootKind !== 'object') {
    if (json.rootKind !== 'none' || json.syntaxErrors.length === 0) {
      out.error(json.rootRange, 'root-not-object', msg(L, 'root-not-object', { kind: msg(L, `json-kind-${json.rootKind}` as MessageId) }));
    }
    return false;
  }
  const type = json.props.get('type');
  if (!type) {
    out.error({ start: json.rootRange.start, end: json.rootRange.start + 1 }, 'missing-type', msg(L, 'missing-type'));
  } else if (type.kind !== 'string') {
    wrongType(out, L, 'type', type, 'type-string');
  }
  return true;
}

/** A jsonc-parser error code (`CommaExpected`) in words. */
export function syntaxErrorText(L: Locale, code: string): string {
  const id = `json-err-${code}`;
  return hasMessage(id) ? msg(L, id) : code;
}

export function wrongType(out: DiagnosticSink, L: Locale, key: string, v: JsonValue, expected: MessageId): void {
  out.error(v.range, 'wrong-json-type', msg(L, 'wrong-json-type', { key, expected: msg(L, expected), actual: msg(L, `json-kind-${v.kind}` as MessageId) }));
}

/** `asyncType`/`objMode` booleans, `enable` 0/1, reference keys strings. */
export function checkJsonTypes(el: ElementRecord, out: DiagnosticSink, L: Locale): void {
  const p = el.json.props;
  for (const key of ['asyncType', 'objMode']) {
    const v = p.get(key);
    if (v && v.kind !== 'boolean') wrongType(out, L, key, v, 'type-boolean');
  }
  const en = p.get('enable');
  if (en && !(en.kind === 'number' && (en.value === 0 || en.value === 1)) && en.kind !== 'boolean') wrongType(out, L, 'enable', en, 'type-enable');
  for (const key of ['sender', 'func', 'funcType', 'operate', 'stage', 'model', 'modelPath', 'filter', 'handleNode']) {
    const v = p.get(key);
    if (v && v.kind !== 'string') wrongType(out, L, key, v, 'type-string');
  }
  const fields = p.get('fields');
  if (fields && fields.kind !== 'array') wrongType(out, L, 'fields', fields, 'type-array');
}
