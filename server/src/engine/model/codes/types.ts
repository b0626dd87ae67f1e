/** The shape of one registered diagnostic code: rules enforced, default severity, en/zh title and help. */
import type { Severity } from '../diagnostics';

export interface CodeText { title: string; help: string }
export interface CodeInfo {
  /**
   * Ids of the validation rules this code enforces: R-APP app, R-EL element, R-SV service, R-EV event, R-NT custom,
   * R-MT model, R-WF approval, R-AS assistant, R-AG agent events, R-TK tasks, R-PY Python code,
   * R-PL payload contracts between publishers and handlers, R-LP event loops, R-LIM the checker's own limits (not a JitAi rule).
   */
  rules: readonly string[];
  /** Severity when nothing lowers it (e.g. an unresolved name in an app that extends a parent app is a warning). */
  severity: Severity;
  en: CodeText;
  zh: CodeText;
}
