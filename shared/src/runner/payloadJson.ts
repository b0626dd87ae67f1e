/**
 * The Run-handler payload JSON (`{ "args": [...], "kwargs": {...} }`) and its validation, shared by
 * the VS Code client ("Edit as JSON…") and `jitai-events run --payload`. Messages say what is
 * wrong and what would be right; `t` localizes them (vscode.l10n.t in the client).
 */
import { parseTree, printParseErrorCode, type ParseError } from 'jsonc-parser';

export interface Payload { args: unknown[]; kwargs: Record<string, unknown> }

export type PayloadParse = { ok: true; payload: Payload } | { ok: false; error: string };

/** A message formatter: `vscode.l10n.t` in the extension, `formatMessage` (English) elsewhere. */
export type Localize = (message: string, ...args: Array<string | number | boolean>) => string;

/** Substitutes `{0}`, `{1}`… like `vscode.l10n.t` does for the default (English) bundle. */
export const formatMessage: Localize = (message, ...args) =>
  message.replace(/\{(\d+)\}/g, (whole, index: string) => {
    const value = args[Number(index)];
    return value === undefined ? whole : String(value);
  });

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
