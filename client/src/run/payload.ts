/**
 * Handler payloads (`args` tuple + `kwargs` dict): the JSON the user edits, its validation, and the
 * per-handler history of payloads used before. Pure (no vscode import).
 */
import { formatMessage, type Localize } from '../../../shared/src/l10n';
import { describePayload, parsePayloadJson, type Payload, type PayloadParse } from '../../../shared/src/runner/payloadJson';

export { describePayload, parsePayloadJson };
export type { Payload, PayloadParse };

export const EMPTY_PAYLOAD: Payload = { args: [], kwargs: {} };

/** How many payloads are remembered per handler. */
export const HISTORY_LIMIT = 10;


/** The text of the "Edit as JSON…" document. */
export function payloadToJson(payload: Payload): string {
  return JSON.stringify({ args: payload.args, kwargs: payload.kwargs }, null, 2) + '\n';
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
export interface PayloadChoice { source: 'publish' | 'skeleton' | 'history' | 'empty'; label: string; detail?: string; payload: Payload }
export function payloadChoices(
  published: Array<{ label: string; args: unknown[]; kwargs: Record<string, unknown>; source?: 'publish' | 'skeleton' }>,
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
  // Publish-site literals first, then the skeleton built from the payload shape (keys with placeholders).
  for (const source of ['publish', 'skeleton'] as const) {
    for (const p of published) {
      if ((p.source ?? 'publish') !== source) continue;
      add({ source, label: p.label, detail: describePayload({ args: p.args, kwargs: p.kwargs }), payload: { args: p.args, kwargs: p.kwargs } });
    }
  }
  // The empty payload keeps its own row (last) even after it was used.
  for (const p of history) if (!isEmptyPayload(p)) add({ source: 'history', label: describePayload(p, 80), detail: t('Used before'), payload: p });
  add({ source: 'empty', label: t('Empty payload'), detail: 'args=[] kwargs={}', payload: { args: [], kwargs: {} } });
  return out;
}
