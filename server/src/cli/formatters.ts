/** Output of `jitai-events check`: problems as text lines, JSON or SARIF, and the stats line. */
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { ALL_DIAGNOSTIC_CODES, codeInfo, severityName, type EngineDiagnostic, type EngineStats, type Severity } from '../engine';
import { plural, type Localize } from '../../../shared/src/l10n';
import { ansiPaint } from './output';

export interface FileDiagnostics { path: string; diagnostics: EngineDiagnostic[] }

function rel(p: string, cwd: string): string {
  const r = path.relative(cwd, p);
  return r && !r.startsWith('..') ? r.split(path.sep).join('/') : p;
}

/** `path:line:col severity code message`, one problem a line, then a summary line. */
export function formatText(files: FileDiagnostics[], cwd: string, color: boolean, t: Localize): string {
  const paint = ansiPaint(color);
  const lines: string[] = [];
  let errors = 0, warnings = 0, infos = 0;
  for (const f of files) {
    for (const d of f.diagnostics) {
      const sev = severityName(d.severity);
      if (sev === 'error') errors++; else if (sev === 'warning') warnings++; else infos++;
      const sevText = paint(sev === 'error' || sev === 'warning' ? sev : 'info', sev);
      lines.push(`${rel(f.path, cwd)}:${d.range.start.line + 1}:${d.range.start.character + 1} ${sevText} ${d.code} ${d.message}`);
    }
  }
  lines.push(t('{0}, {1}, {2}', plural(errors, '{0} error', '{0} errors', t), plural(warnings, '{0} warning', '{0} warnings', t),
    t('{0} info', infos)));
  return lines.join('\n') + '\n';
}

/** The line written to stderr after a text check: what was read and how long it took. */
export function formatCheckStats(stats: EngineStats & { ms: number }, t: Localize): string {
  return t('checked {0} and {1} in {2} in {3} ms', plural(stats.elements, '{0} element', '{0} elements', t),
    plural(stats.pythonFiles, '{0} Python file', '{0} Python files', t), plural(stats.apps, '{0} app', '{0} apps', t), stats.ms) + '\n';
}

export function formatJson(files: FileDiagnostics[], cwd: string, stats: object): string {
  return JSON.stringify({
    stats,
    problems: files.flatMap((f) => f.diagnostics.map((d) => ({
      file: rel(f.path, cwd), absolutePath: f.path,
      line: d.range.start.line + 1, column: d.range.start.character + 1,
      endLine: d.range.end.line + 1, endColumn: d.range.end.character + 1,
      severity: severityName(d.severity), code: d.code, message: d.message,
      ...(d.fix ? { fix: { newText: d.fix.newText, line: d.fix.range.start.line + 1, column: d.fix.range.start.character + 1, endLine: d.fix.range.end.line + 1, endColumn: d.fix.range.end.character + 1 } } : {}),
    }))),
  }, null, 2) + '\n';
}

/** SARIF level of a severity. */
function sarifLevel(s: Severity): 'error' | 'warning' | 'note' {
  const n = severityName(s);
  return n === 'error' ? 'error' : n === 'warning' ? 'warning' : 'note';
}

/** SARIF 2.1.0, for code-scanning uploads. Every registered diagnostic code is a rule, with its help text. */
export function formatSarif(files: FileDiagnostics[], cwd: string, version: string): string {
  const codes: string[] = ALL_DIAGNOSTIC_CODES;
  const rules = ALL_DIAGNOSTIC_CODES.map((id) => {
    const info = codeInfo(id);
    return {
      id, name: id,
      shortDescription: { text: info.en.title },
      fullDescription: { text: info.en.help },
      help: { text: info.en.help },
      defaultConfiguration: { level: sarifLevel(info.severity) },
      properties: { tags: [...info.rules] },
    };
  });
  const level = (d: EngineDiagnostic) => sarifLevel(d.severity);
  const log = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [{
      tool: { driver: {
        name: 'jitai-events', version, informationUri: 'https://jit.pro/docs',
        rules,
      } },
      originalUriBaseIds: { SRCROOT: { uri: pathToFileURL(cwd + path.sep).href } },
      results: files.flatMap((f) => f.diagnostics.map((d) => ({
        ruleId: d.code,
        ruleIndex: codes.indexOf(d.code),
        level: level(d),
        message: { text: d.message },
        locations: [{ physicalLocation: {
          artifactLocation: { uri: rel(f.path, cwd), uriBaseId: 'SRCROOT' },
          region: { startLine: d.range.start.line + 1, startColumn: d.range.start.character + 1, endLine: d.range.end.line + 1, endColumn: d.range.end.character + 1 },
        } }],
      }))),
    }],
  };
  return JSON.stringify(log, null, 2) + '\n';
}
