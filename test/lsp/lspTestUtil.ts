/** Small helpers shared by the protocol tests (not a test file itself). */
import * as fs from 'node:fs';
import type { Diagnostic, Range } from 'vscode-languageserver-protocol';

export const SEVERITY: Record<string, number> = { error: 1, warning: 2, info: 3, hint: 4 };

/** The text a zero-based LSP range covers in `text` (UTF-16 columns, `\n` line ends). */
export function textInRange(text: string, range: Range): string {
  const lines = text.split('\n');
  if (range.start.line === range.end.line) return lines[range.start.line].slice(range.start.character, range.end.character);
  const parts = [lines[range.start.line].slice(range.start.character)];
  for (let l = range.start.line + 1; l < range.end.line; l++) parts.push(lines[l]);
  parts.push(lines[range.end.line].slice(0, range.end.character));
  return parts.join('\n');
}

export function textInFileRange(file: string, range: Range): string {
  return textInRange(fs.readFileSync(file, 'utf8'), range);
}

/** Zero-based position of the first occurrence of `needle` (plus `delta` characters) in `text`. */
export function positionOf(text: string, needle: string, delta = 0, occurrence = 0): { line: number; character: number } {
  let at = -1;
  for (let i = 0; i <= occurrence; i++) {
    at = text.indexOf(needle, at + 1);
    if (at < 0) throw new Error(`"${needle}" not found (occurrence ${i})`);
  }
  const offset = at + delta;
  const before = text.slice(0, offset);
  const line = before.split('\n').length - 1;
  return { line, character: offset - (before.lastIndexOf('\n') + 1) };
}

export function positionInFile(file: string, needle: string, delta = 0, occurrence = 0): { line: number; character: number } {
  return positionOf(fs.readFileSync(file, 'utf8'), needle, delta, occurrence);
}

export function codes(d: Diagnostic[]): string[] {
  return d.map((x) => String(x.code)).sort();
}
