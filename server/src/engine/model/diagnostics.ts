/** The diagnostic a check reports (code, range, message, fix, related places) and severity names. */
import type { Range } from '../../../../shared/src/protocol/types';

export const enum Severity { Error = 1, Warning = 2, Information = 3, Hint = 4 }

export interface RelatedInfo { path: string; range: Range; message: string }

/** A problem found by a rule: stable code, exact range, a message saying what is wrong and what would be right. */
export interface EngineDiagnostic {
  range: Range;
  severity: Severity;
  code: string;
  message: string;
  related?: RelatedInfo[];
  /** For quick fixes: replace `range` (often wider than the diagnostic's) with `newText`. */
  fix?: { range: Range; newText: string };
  /** Marks a diagnostic as unnecessary code (faded), when true. */
  unnecessary?: boolean;
}

export function severityName(s: Severity): 'error' | 'warning' | 'info' | 'hint' {
  return s === Severity.Error ? 'error' : s === Severity.Warning ? 'warning' : s === Severity.Information ? 'info' : 'hint';
}
