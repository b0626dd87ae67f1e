/** Path-set helpers of the index's incremental updates: element files below a folder, records below a folder. */
import { fileKind, isInside } from '../files/paths';

/** True when one of `paths` is an element e.json inside `root`. */
export function elementBelow(root: string, paths: Iterable<string>): boolean {
  for (const p of paths) if (fileKind(p) === 'element' && isInside(p, root)) return true;
  return false;
}

/**
 * Records at or below a folder, by binary search in the record paths sorted once per update (a
 * burst of folder events costs one sort, not one pass over every record per folder).
 */
export function knownBelow(allPaths: () => string[]): (folder: string) => string[] {
  let sorted: string[] | undefined;
  return (folder) => {
    sorted ??= allPaths().sort();
    const out: string[] = [];
    let lo = 0, hi = sorted.length;
    while (lo < hi) { const mid = (lo + hi) >> 1; if (sorted[mid] < folder) lo = mid + 1; else hi = mid; }
    for (let i = lo; i < sorted.length && sorted[i].startsWith(folder); i++) if (isInside(sorted[i], folder)) out.push(sorted[i]);
    return out;
  };
}
