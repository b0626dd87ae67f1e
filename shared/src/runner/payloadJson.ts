/**
 * The Run-handler payload JSON (`{ "args": [...], "kwargs": {...} }`) and its validation, shared by
 * the VS Code client ("Edit as JSON…") and `jitai-events run --payload`. Messages say what is
 * wrong and what would be right; `t` localizes them (vscode.l10n.t in the client, loadBundle in the CLI).
 */
import { parseTree, printParseErrorCode, type ParseError } from 'jsonc-parser';
import { formatMessage, type Localize } from '../l10n';

export interface Payload { args: unknown[]; kwargs: Record<string, unknown> }

export type PayloadParse = { ok: true; payload: Payload } | { ok: false; error: string };

/**
 * How deeply arrays and objects may nest. Deeper payloads are refused before parsing: serializing them
 * again (JSON.stringify for the harness, describePayload) would overflow the stack, and the harness's
 * Python json module stops near its recursion limit of 1000 anyway.
 */
export const MAX_PAYLOAD_DEPTH = 200;

/** The deepest nesting of `[`/`{` in JSON text (brackets inside strings do not count). */
export function jsonNestingDepth(text: string): number {
  let depth = 0, max = 0, inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c) i++; // backslash: skip the escaped character
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x5b || c === 0x7b) { if (++depth > max) max = depth; }
    else if (c === 0x5d || c === 0x7d) depth--;
  }
  return max;
}

/** One-line rendering for quick picks and the output, e.g. `args=[1, "a"] kwargs={"x": 2}`. */
export function describePayload(payload: Payload, maxLength = 120): string {
  const text = `args=${JSON.stringify(payload.args)} kwargs=${JSON.stringify(payload.kwargs)}`;
  return text.length > maxLength ? text.slice(0, maxLength - 1) + '…' : text;
}

/** Line and column (1-based) of a character offset. */
function lineAndColumn(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, offset);
  const line = before.split('\n').length;
  return { line, column: offset - before.lastIndexOf('\n') };
}

/** Where and why strict JSON parsing fails, in words (JSON.parse's own message has no position on Node 20). */
function syntaxError(text: string, t: Localize): string {
  const errors: ParseError[] = [];
  parseTree(text, errors, { disallowComments: true, allowTrailingComma: false, allowEmptyContent: false });
  const first = errors[0];
  if (!first) return t('The payload is not valid JSON.');
  const where = lineAndColumn(text, first.offset);
  const reasons: Record<string, string> = {
    InvalidSymbol: t('unexpected character'),
    InvalidNumberFormat: t('invalid number'),
    PropertyNameExpected: t('a property name in double quotes is expected'),
    ValueExpected: t('a value is expected (no trailing commas in JSON)'),
    ColonExpected: t('":" is expected'),
    CommaExpected: t('"," is expected'),
    CloseBraceExpected: t('"}" is expected'),
    CloseBracketExpected: t('"]" is expected'),
    EndOfFileExpected: t('nothing may follow the object'),
    InvalidCommentToken: t('comments are not allowed'),
    UnexpectedEndOfString: t('a string is not closed'),
  };
  const code = printParseErrorCode(first.error);
  if (text[first.offset] === "'") reasons[code] = t('JSON strings and property names use double quotes');
  return t('The payload is not valid JSON (line {0}, column {1}): {2}', where.line, where.column, reasons[code] ?? code);
}

function typeName(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  return typeof value;
}

/**
 * Validates the user's payload JSON: an object with an optional `args` array and an optional
 * `kwargs` object, nothing else. Errors say what is wrong and what would be right.
 */
export function parsePayloadJson(text: string, t: Localize = formatMessage): PayloadParse {
  if (text.trim() === '') return { ok: false, error: t('The payload is empty. Write an object such as {0}.', '{ "args": [], "kwargs": {} }') };
  if (jsonNestingDepth(text) > MAX_PAYLOAD_DEPTH) {
    return { ok: false, error: t('The payload is nested too deeply: at most {0} levels of arrays and objects are allowed.', MAX_PAYLOAD_DEPTH) };
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return { ok: false, error: syntaxError(text, t) };
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return { ok: false, error: t('The payload must be a JSON object like {0}, not {1}.', '{ "args": [], "kwargs": {} }', typeName(value)) };
  }
  const obj = value as Record<string, unknown>;
  const unknownKeys = Object.keys(obj).filter((k) => k !== 'args' && k !== 'kwargs');
  if (unknownKeys.length) {
    return { ok: false, error: t('Unknown key {0} in the payload: only "args" (a list) and "kwargs" (an object) are allowed.', unknownKeys.map((k) => JSON.stringify(k)).join(', ')) };
  }
  const args = obj.args ?? [];
  const kwargs = obj.kwargs ?? {};
  if (!Array.isArray(args)) {
    return { ok: false, error: t('"args" must be a JSON array (the positional arguments), not {0}.', typeName(args)) };
  }
  if (typeof kwargs !== 'object' || kwargs === null || Array.isArray(kwargs)) {
    return { ok: false, error: t('"kwargs" must be a JSON object (the keyword arguments), not {0}.', typeName(kwargs)) };
  }
  const badName = Object.keys(kwargs).find((k) => !/^[A-Za-z_][A-Za-z0-9_]*$/.test(k));
  if (badName !== undefined) {
    return { ok: false, error: t('"kwargs" key {0} is not a valid Python argument name.', JSON.stringify(badName)) };
  }
  return { ok: true, payload: { args, kwargs: kwargs as Record<string, unknown> } };
}
