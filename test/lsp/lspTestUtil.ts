/** Small helpers shared by the protocol tests (not a test file itself). */
import * as fs from 'node:fs';
import type { Range } from 'vscode-languageserver-protocol';
import type { Diagnostic } from '../helpers/lspClient';

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

/** Zero-based LSP position of a string offset. */
export function positionAt(text: string, offset: number): { line: number; character: number } {
  const before = text.slice(0, offset);
  return { line: before.split('\n').length - 1, character: offset - (before.lastIndexOf('\n') + 1) };
}

/** Zero-based position of the first occurrence of `needle` (plus `delta` characters) in `text`. */
export function positionOf(text: string, needle: string, delta = 0, occurrence = 0): { line: number; character: number } {
  let at = -1;
  for (let i = 0; i <= occurrence; i++) {
    at = text.indexOf(needle, at + 1);
    if (at < 0) throw new Error(`"${needle}" not found (occurrence ${i})`);
  }
  return positionAt(text, at + delta);
}

export function positionInFile(file: string, needle: string, delta = 0, occurrence = 0): { line: number; character: number } {
  return positionOf(fs.readFileSync(file, 'utf8'), needle, delta, occurrence);
}

export function codes(d: Diagnostic[]): string[] {
  return d.map((x) => String(x.code)).sort();
}

/** Applies LSP text edits (non-overlapping) to a text. */
export function applyEdits(text: string, edits: { range: Range; newText: string }[]): string {
  const offset = (pos: { line: number; character: number }) => {
    let off = 0;
    for (let l = 0; l < pos.line; l++) off = text.indexOf('\n', off) + 1;
    return off + pos.character;
  };
  const sorted = [...edits].sort((a, b) => offset(b.range.start) - offset(a.range.start));
  let out = text;
  for (const e of sorted) out = out.slice(0, offset(e.range.start)) + e.newText + out.slice(offset(e.range.end));
  return out;
}

/** Definition results as plain `{ uri, range }` (Location or LocationLink). */
export function asLocations(r: unknown): { uri: string; range: Range }[] {
  const list = (r == null ? [] : Array.isArray(r) ? r : [r]) as Record<string, unknown>[];
  return list.map((x) => ('targetUri' in x
    ? { uri: x.targetUri as string, range: (x.targetSelectionRange ?? x.targetRange) as Range }
    : { uri: x.uri as string, range: x.range as Range }));
}
