/** What the cursor is on in an e.json text: the property path and the string value under it. */
import { getLocation, type JSONPath } from 'jsonc-parser';
import type { OffsetRange } from '../python/types';

/** Where the cursor is in an e.json: which property value, and the string under it. */
export interface JsonCursor {
  path: JSONPath;
  /** The string literal under the cursor (value, content range); undefined when none yet. */
  string?: { value: string; contentRange: OffsetRange; typed: string };
  /** Where to insert a new quoted value when there is no string yet. */
  insertAt: number;
  isAtPropertyKey: boolean;
}

export function jsonCursorAt(text: string, offset: number): JsonCursor {
  const loc = getLocation(text, offset);
  const node = loc.previousNode;
  const cursor: JsonCursor = { path: loc.path, insertAt: offset, isAtPropertyKey: loc.isAtPropertyKey };
  if (node && node.type === 'string' && !loc.isAtPropertyKey) {
    const start = node.offset + 1;
    const closed = node.length >= 2 && text.charCodeAt(node.offset + node.length - 1) === 34;
    let end = closed ? node.offset + node.length - 1 : node.offset + node.length;
    // An unterminated string runs to the end of the line at most.
    const nl = text.indexOf('\n', start);
    if (!closed && nl >= 0 && nl < end) end = nl;
    if (offset >= start && offset <= end) {
      cursor.string = { value: text.slice(start, end), contentRange: { start, end }, typed: text.slice(start, offset) };
    }
  }
  return cursor;
}
