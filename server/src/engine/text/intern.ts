/**
 * `intern`: the engine's copy of a string kept in the index. V8 keeps one internalized copy per
 * distinct property name (weakly, in its string table): setting the string as a key and reading
 * the key back dedups without a map of our own, and the copy never pins a parent string (a slice
 * of a file's text keeps the whole text alive).
 */
const KEYS: Record<string, number> = Object.create(null) as Record<string, number>;

export function intern(s: string): string {
  KEYS[s] = 0;
  const k = Object.keys(KEYS)[0];
  delete KEYS[s];
  return k ?? s;
}
