/** Locations (URI + line/character range) from paths and offsets, and path <-> file URI. */
import { fileURLToPath } from 'node:url';
import { pathToUri } from '../../../../shared/src/protocol/uris';
import type { Location } from '../../../../shared/src/protocol/types';
import type { LineIndex } from '../text/lineIndex';

export { pathToUri };
export function uriToPath(uri: string): string | undefined {
  try { return uri.startsWith('file:') ? fileURLToPath(uri).replace(/\\/g, '/') : undefined; } catch { return undefined; }
}
export function toLocation(path: string, lines: LineIndex, start: number, end: number): Location {
  return { uri: pathToUri(path), range: lines.range(start, end) };
}
