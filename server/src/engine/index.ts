/** The engine's public surface: the facade (createEngine) and the record/diagnostic types adapters convert. */
export type { IndexOptions, IndexProgress } from './workspace/workspaceIndex';
export { CheckedIndex } from './checkedIndex';
export { DIAGNOSTIC_CODES, ALL_DIAGNOSTIC_CODES, codeInfo, type DiagnosticCode, type CodeInfo } from './model/codes';
export { nodeFileHost, type FileHost, type ReadResult, MAX_FILE_BYTES } from './files/fileHost';
export { normalizePath, fileKind } from './files/paths';
export { Severity, severityName, type EngineDiagnostic } from './model/diagnostics';
export type { AppRecord, ElementRecord, PythonRecord, ElementKind } from './model/records';
export { localeOf, msg, type Locale } from './i18n/messages';
export {
  createEngine, Engine, type EngineOptions, type EngineStats, type HandlerRef, type RenameResult,
  type EngineCompletion, type CompletionOptions, type EngineLens, type TextEditByFile, type FlowGraphOptions,
  type ActionDiagnostic, type EngineCodeAction, type FileChange, type NewSubscriberRequest, type NewSubscriberResult, type SubscriberChoices,
} from './engine';
export { DEFAULT_FLOW_DEPTH } from './features/flowGraph';
export { parseSeverityOverrides, SEVERITY_LEVELS, type SeverityLevel, type SeverityProblem } from './check/severityOverrides';
