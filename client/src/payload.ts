/**
 * Handler payloads (`args` tuple + `kwargs` dict): the JSON the user edits, its validation, and the
 * per-handler history of payloads used before. Pure (no vscode import).
 */
import { parseTree, printParseErrorCode, type ParseError } from 'jsonc-parser';
import { formatMessage, type Localize } from './localize';

export interface Payload { args: unknown[]; kwargs: Record<string, unknown> }

export const EMPTY_PAYLOAD: Payload = { args: [], kwargs: {} };

/** How many payloads are remembered per handler. */
export const HISTORY_LIMIT = 10;

export type PayloadParse = { ok: true; payload: Payload } | { ok: false; error: string };

/** The text of the "Edit as JSON…" document. */
export function payloadToJson(payload: Payload): string {
  return JSON.stringify({ args: payload.args, kwargs: payload.kwargs }, null, 2) + '\n';
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

/** Canonical text of a payload (stable key order), used to compare payloads. */
export function canonicalPayload(payload: Payload): string {
  const sort = (v: unknown): unknown => {
    if (Array.isArray(v)) return v.map(sort);
    if (v && typeof v === 'object') {
      return Object.fromEntries(Object.keys(v as object).sort().map((k) => [k, sort((v as Record<string, unknown>)[k])]));
    }
    return v;
  };
  return JSON.stringify({ args: sort(payload.args), kwargs: sort(payload.kwargs) });
}

/** One-line rendering for quick picks and the output, e.g. `args=[1, "a"] kwargs={"x": 2}`. */
export function describePayload(payload: Payload, maxLength = 120): string {
  const text = `args=${JSON.stringify(payload.args)} kwargs=${JSON.stringify(payload.kwargs)}`;
  return text.length > maxLength ? text.slice(0, maxLength - 1) + '…' : text;
}

export function isEmptyPayload(payload: Payload): boolean {
  return payload.args.length === 0 && Object.keys(payload.kwargs).length === 0;
}

/** Key of a handler in the history store. */
export function historyKey(appRoot: string, fullName: string): string {
  return `${appRoot}::${fullName}`;
}

/** The store kept in workspaceState: handler key -> payloads, newest first. */
export type PayloadHistory = Record<string, Payload[]>;

/** Adds a payload as the newest for the handler: moves an equal one to the front, keeps at most `limit`. */
export function rememberPayload(history: PayloadHistory, key: string, payload: Payload, limit = HISTORY_LIMIT): PayloadHistory {
  const canonical = canonicalPayload(payload);
  const previous = (history[key] ?? []).filter((p) => canonicalPayload(p) !== canonical);
  return { ...history, [key]: [{ args: payload.args, kwargs: payload.kwargs }, ...previous].slice(0, limit) };
}

/** Payloads used before for a handler, newest first; tolerant of a corrupt store. */
export function recentPayloads(history: PayloadHistory | undefined, key: string): Payload[] {
  const list = history?.[key];
  if (!Array.isArray(list)) return [];
  return list.filter((p): p is Payload => !!p && Array.isArray(p.args) && !!p.kwargs && typeof p.kwargs === 'object');
}

/** Payload choices in the order the quick pick shows them, without duplicates. */
export interface PayloadChoice { source: 'publish' | 'history' | 'empty'; label: string; detail?: string; payload: Payload }
export function payloadChoices(
  published: Array<{ label: string; args: unknown[]; kwargs: Record<string, unknown> }>,
  history: Payload[],
  t: Localize = formatMessage,
): PayloadChoice[] {
  const seen = new Set<string>();
  const out: PayloadChoice[] = [];
  const add = (c: PayloadChoice) => {
    const key = canonicalPayload(c.payload);
    if (seen.has(key)) return;
    seen.add(key);
    out.push(c);
  };
  for (const p of published) {
    add({ source: 'publish', label: p.label, detail: describePayload({ args: p.args, kwargs: p.kwargs }), payload: { args: p.args, kwargs: p.kwargs } });
  }
  for (const p of history) add({ source: 'history', label: describePayload(p, 80), detail: t('Used before'), payload: p });
  add({ source: 'empty', label: t('Empty payload'), detail: 'args=[] kwargs={}', payload: { args: [], kwargs: {} } });
  return out;
}
