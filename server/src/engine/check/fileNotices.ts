/**
 * What the checker adds around the rules' own problems: a cap per code and file (a file with
 * thousands of broken publish calls stays cheap to publish and to read) and the one Information
 * diagnostic of a Python file that was not scanned (too large, binary, unreadable).
 */
import type { DiagnosticCode } from '../model/codes';
import { Severity, type EngineDiagnostic } from '../model/diagnostics';
import type { PythonRecord } from '../model/records';
import { msg, type Locale } from '../i18n/messages';
import { LARGE_FILE_BYTES } from '../files/limits';

/** Problems of one code listed per file; the rest are summed up in one more diagnostic. */
export const MAX_PROBLEMS_PER_CODE = 100;

/** Code of the "N more problems of this kind" diagnostic. */
export const MORE_PROBLEMS_CODE: DiagnosticCode = 'more-problems';
/** Code of the note on a Python file that was not scanned. */
export const NOT_SCANNED_CODE: DiagnosticCode = 'file-not-scanned';

/** At most MAX_PROBLEMS_PER_CODE problems of each code, then one Information diagnostic with the count. */
export function capProblems(list: EngineDiagnostic[], L: Locale): EngineDiagnostic[] {
  if (list.length <= MAX_PROBLEMS_PER_CODE) return list;
  const seen = new Map<string, number>();
  const out: EngineDiagnostic[] = [];
  const firstDropped = new Map<string, EngineDiagnostic>();
  for (const d of list) {
    const n = (seen.get(d.code) ?? 0) + 1;
    seen.set(d.code, n);
    if (n <= MAX_PROBLEMS_PER_CODE) out.push(d);
    else if (n === MAX_PROBLEMS_PER_CODE + 1) firstDropped.set(d.code, d);
  }
  for (const [code, d] of firstDropped) {
    const count = seen.get(code)! - MAX_PROBLEMS_PER_CODE;
    out.push({ range: d.range, severity: Severity.Information, code: MORE_PROBLEMS_CODE, message: msg(L, 'more-problems', { count, code }) });
  }
  return out;
}

/** The note on a Python file that could not be scanned, or undefined when it was. */
export function notScannedNotice(py: PythonRecord, L: Locale): EngineDiagnostic | undefined {
  if (!py.unreadable) return undefined;
  const [reason, detail] = py.unreadable.split(':');
  const message = reason === 'too-large'
    ? msg(L, 'large-file-skipped', { size: detail ?? '?', limit: LARGE_FILE_BYTES })
    : msg(L, 'python-unreadable', { detail: detail ? `${reason}: ${detail}` : reason });
  return { range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, severity: Severity.Information, code: NOT_SCANNED_CODE, message };
}
