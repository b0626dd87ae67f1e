/** One completion item as the engine gives it: label, kind, what it replaces and the text inserted. */
import type { OffsetRange } from '../python/types';

export interface EngineCompletion {
  label: string;
  kind: 'event' | 'function' | 'value' | 'element' | 'field';
  detail?: string;
  documentation?: string;
  /** Text replaced: inside the quotes (or the insertion point when no string exists yet). */
  replace: OffsetRange;
  insertText: string;
  sortText?: string;
}
