/**
 * The user's choice of severity per diagnostic code (setting jitaiEvents.diagnostics.severity, CLI
 * --rule): parsing the levels, and mapping a file's diagnostics ('off' drops them).
 */
import { Severity, type EngineDiagnostic } from '../model/diagnostics';
import { ALL_DIAGNOSTIC_CODES } from '../model/codes';
import { closestName } from '../text/closestName';

export type SeverityLevel = 'off' | 'info' | 'warning' | 'error';
export const SEVERITY_LEVELS: readonly SeverityLevel[] = ['off', 'info', 'warning', 'error'];
export type SeverityOverrides = ReadonlyMap<string, Severity | 'off'>;

const LEVEL: Record<SeverityLevel, Severity | 'off'> = { off: 'off', info: Severity.Information, warning: Severity.Warning, error: Severity.Error };

/** A problem with one entry of a user's severity map: unknown code (with the closest registered one) or level. */
export type SeverityProblem = { code: string; kind: 'unknown-code'; suggestion?: string } | { code: string; kind: 'bad-level'; level: string };

/** Turns `{ code: level }` into overrides; entries with an unknown code or level are skipped and reported. */
export function parseSeverityOverrides(raw: Readonly<Record<string, unknown>>): { overrides: Map<string, Severity | 'off'>; problems: SeverityProblem[] } {
  const overrides = new Map<string, Severity | 'off'>();
  const problems: SeverityProblem[] = [];
  const known = new Set<string>(ALL_DIAGNOSTIC_CODES);
  for (const [code, level] of Object.entries(raw)) {
    if (!known.has(code)) { problems.push({ code, kind: 'unknown-code', suggestion: closestName(code, known) }); continue; }
    if (typeof level !== 'string' || !(level in LEVEL)) { problems.push({ code, kind: 'bad-level', level: String(level) }); continue; }
    overrides.set(code, LEVEL[level as SeverityLevel]);
  }
  return { overrides, problems };
}

/** The diagnostics with the user's severities applied ('off' removes them). */
export function applySeverities(list: EngineDiagnostic[], o: SeverityOverrides): EngineDiagnostic[] {
  const out: EngineDiagnostic[] = [];
  for (const d of list) {
    const s = o.get(d.code);
    if (s === 'off') continue;
    out.push(s === undefined || s === d.severity ? d : { ...d, severity: s });
  }
  return out;
}
