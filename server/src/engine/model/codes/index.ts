/**
 * The one registry of diagnostic codes: for each code, the validation rule(s) it enforces, its
 * default severity and a short title and help paragraph in English and Simplified Chinese.
 * Rules report only registered codes (DiagnosticCode); SARIF, the README table and tests read it.
 * The codes live by family in the files beside this one.
 */
import type { CodeInfo } from './types';
import { ELEMENT_CODES } from './element';
import { SERVICE_CODES } from './service';
import { EVENT_CODES } from './event';
import { PYTHON_CODES } from './python';
import { EVENT_CONTRACT_CODES } from './eventContract';
import { FLOW_CODES } from './flow';
import { LIMIT_CODES } from './limits';

export type { CodeInfo, CodeText } from './types';

export const DIAGNOSTIC_CODES = { ...ELEMENT_CODES, ...SERVICE_CODES, ...EVENT_CODES, ...EVENT_CONTRACT_CODES, ...PYTHON_CODES, ...FLOW_CODES, ...LIMIT_CODES } as const satisfies Record<string, CodeInfo>;

/** A registered diagnostic code. */
export type DiagnosticCode = keyof typeof DIAGNOSTIC_CODES;

/** Every registered code, in registry order. */
export const ALL_DIAGNOSTIC_CODES = Object.keys(DIAGNOSTIC_CODES) as DiagnosticCode[];

export function codeInfo(code: DiagnosticCode): CodeInfo {
  return DIAGNOSTIC_CODES[code];
}
