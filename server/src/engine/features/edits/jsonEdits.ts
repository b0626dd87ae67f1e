/**
 * Edits of an e.json that keep its layout: append an object to a top-level array (eventDescs,
 * functionList), creating the array when it is missing, indented like the rest of the file.
 */
import { modify, parseTree, findNodeAtLocation, type FormattingOptions } from 'jsonc-parser';

/** The file's indentation (first indented line) and line ends. */
export function formattingOf(text: string): FormattingOptions {
  const m = /\n([ \t]+)\S/.exec(text);
  const indent = m?.[1] ?? '  ';
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  return indent.startsWith('\t') ? { insertSpaces: false, tabSize: 1, eol } : { insertSpaces: true, tabSize: indent.length, eol };
}

/**
 * Offset edits appending `value` to the top-level array `key`; undefined when the file is not a
 * JSON object or `key` holds something other than an array.
 */
export function appendToTopLevelArray(text: string, key: string, value: unknown): { offset: number; length: number; content: string }[] | undefined {
  const root = parseTree(text);
  if (!root || root.type !== 'object') return undefined;
  const existing = findNodeAtLocation(root, [key]);
  if (existing && existing.type !== 'array') return undefined;
  const formattingOptions = formattingOf(text);
  return existing
    ? modify(text, [key, -1], value, { formattingOptions, isArrayInsertion: true })
    : modify(text, [key], [value], { formattingOptions });
}

/** "orderPaid" → "Order paid", "on_order_paid" → "On order paid": a title derived from a name. */
export function titleFromName(name: string): string {
  const words = name.replace(/_+/g, ' ').replace(/([a-z0-9])([A-Z])/g, '$1 $2').replace(/([A-Z]+)([A-Z][a-z])/g, '$1 $2').trim().split(/\s+/);
  const text = words.map((w, i) => (i === 0 ? w : /^[A-Z]+$/.test(w) && w.length > 1 ? w : w.toLowerCase())).join(' ');
  return text.charAt(0).toUpperCase() + text.slice(1);
}
