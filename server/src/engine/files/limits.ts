/**
 * Size and shape limits that keep every request cheap: above them a file is still indexed where it
 * can be, but not scanned (Python) nor walked by the cursor features (JSON and Python).
 */

/** Largest Python file the scanner reads; larger ones get one Information diagnostic instead. */
export const LARGE_FILE_BYTES = 1024 * 1024;

/** Deepest bracket nesting the cursor features (completion, hover, definition, rename) walk. */
export const MAX_FEATURE_DEPTH = 256;

/**
 * True when a document is too big or too deeply nested for the cursor features: the JSON parser
 * they use recurses once per nesting level, so a 100k-deep `[[[[…` would overflow the stack.
 * One linear pass, no recursion; brackets inside string literals are skipped.
 */
export function tooBigForFeatures(text: string): boolean {
  if (text.length > LARGE_FILE_BYTES) return true;
  let depth = 0;
  let quote = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (quote) {
      if (c === 92) i++; // backslash: skip the escaped character
      else if (c === quote || c === 10) quote = 0;
      continue;
    }
    if (c === 34 || c === 39) quote = c;
    else if (c === 91 || c === 123 || c === 40) { if (++depth > MAX_FEATURE_DEPTH) return true; }
    else if ((c === 93 || c === 125 || c === 41) && depth > 0) depth--;
  }
  return false;
}
