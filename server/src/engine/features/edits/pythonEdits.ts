/**
 * Where generated Python goes: a top-level function appended to a module, a method appended to the
 * end of a class body (indented like the class's other methods), an import line added to a module.
 */
import type { PyClassDef } from '../../python/types';

export interface OffsetEdit { offset: number; length: number; content: string }

function lineStartOf(text: string, offset: number): number {
  return text.lastIndexOf('\n', offset - 1) + 1;
}

function indentAt(text: string, offset: number): string {
  const start = lineStartOf(text, offset);
  return /^[ \t]*/.exec(text.slice(start))![0];
}

/** Appends a top-level block (a function) after the module's last line, two blank lines before it. */
export function appendTopLevel(text: string, block: string): OffsetEdit {
  if (!text.trim()) return { offset: 0, length: text.length, content: block };
  const trimmedEnd = text.replace(/\s+$/, '').length;
  return { offset: trimmedEnd, length: text.length - trimmedEnd, content: `\n\n\n${block}` };
}

/** The indentation of the class's methods (the first method's, else the class's plus four spaces). */
export function methodIndentOf(text: string, cls: PyClassDef): string {
  const classIndent = indentAt(text, cls.nameRange.start);
  const first = cls.methods[0];
  return first ? indentAt(text, first.defRange.start) : `${classIndent}    `;
}

/**
 * Appends `block` (already indented as a method) after the last line of the class body: the last
 * non-blank line indented deeper than the `class` line before the next line that is not.
 */
export function appendToClass(text: string, cls: PyClassDef, block: string): OffsetEdit {
  const classIndent = indentAt(text, cls.nameRange.start).length;
  let pos = text.indexOf('\n', cls.nameRange.end);
  let bodyEnd = pos < 0 ? text.length : pos;
  let depth = 0;
  // The class header may continue over several lines inside brackets: skip to its colon line.
  for (let i = cls.nameRange.end; i < bodyEnd; i++) { const c = text[i]; if (c === '(' || c === '[') depth++; else if (c === ')' || c === ']') depth--; }
  while (depth > 0 && pos >= 0) {
    const next = text.indexOf('\n', pos + 1);
    const end = next < 0 ? text.length : next;
    for (let i = pos; i < end; i++) { const c = text[i]; if (c === '(' || c === '[') depth++; else if (c === ')' || c === ']') depth--; }
    bodyEnd = end; pos = next;
  }
  while (pos >= 0) {
    const next = text.indexOf('\n', pos + 1);
    const line = text.slice(pos + 1, next < 0 ? text.length : next).replace(/\r$/, '');
    pos = next;
    if (!line.trim()) continue;
    const indent = /^[ \t]*/.exec(line)![0].length;
    if (indent <= classIndent) {
      if (line.trimStart().startsWith('#')) continue;
      break;
    }
    bodyEnd = (next < 0 ? text.length : next) - (text[(next < 0 ? text.length : next) - 1] === '\r' ? 1 : 0);
  }
  return { offset: bodyEnd, length: 0, content: `\n\n${block}` };
}

/** Adds `line` (an import) after the module's last import, or at the top. */
export function addImportLine(text: string, line: string): OffsetEdit {
  const re = /^(from\s+\S+\s+import\s+[^\n]*|import\s+[^\n]*)$/gm;
  let last = -1;
  for (let m = re.exec(text); m; m = re.exec(text)) last = m.index + m[0].length;
  if (last < 0) return { offset: 0, length: 0, content: `${line}\n` };
  return { offset: last, length: 0, content: `\n${line}` };
}
