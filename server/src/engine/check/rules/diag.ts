/** Collects one file's diagnostics, turning offset ranges into line/character ranges. */
import { Severity, type EngineDiagnostic } from '../../model/diagnostics';
import type { LineIndex } from '../../text/lineIndex';
import type { OffsetRange } from '../../python/types';
import type { DiagnosticCode } from '../../model/codes';

/** Builds diagnostics for one file from offset ranges; only registered codes compile. */
export class DiagnosticSink {
  readonly items: EngineDiagnostic[] = [];
  /** `linesOf` is called only when a diagnostic is reported: line starts are computed lazily. */
  constructor(private readonly linesOf: () => LineIndex) {}
  get lines(): LineIndex { return this.linesOf(); }

  add(range: OffsetRange, severity: Severity, code: DiagnosticCode, message: string,
      extra: { fix?: { range: OffsetRange; newText: string }; related?: EngineDiagnostic['related']; unnecessary?: boolean } = {}): void {
    const d: EngineDiagnostic = { range: this.lines.range(range.start, range.end), severity, code, message };
    if (extra.fix) d.fix = { range: this.lines.range(extra.fix.range.start, extra.fix.range.end), newText: extra.fix.newText };
    if (extra.related?.length) d.related = extra.related;
    if (extra.unnecessary) d.unnecessary = true;
    this.items.push(d);
  }
  error(range: OffsetRange, code: DiagnosticCode, message: string, extra?: Parameters<DiagnosticSink['add']>[4]): void {
    this.add(range, Severity.Error, code, message, extra);
  }
  warning(range: OffsetRange, code: DiagnosticCode, message: string, extra?: Parameters<DiagnosticSink['add']>[4]): void {
    this.add(range, Severity.Warning, code, message, extra);
  }
  info(range: OffsetRange, code: DiagnosticCode, message: string, extra?: Parameters<DiagnosticSink['add']>[4]): void {
    this.add(range, Severity.Information, code, message, extra);
  }
}
