/**
 * Listener rows of the events tree, kept between requests. A row (treeSubscriber) reads its
 * element's positions and its handler's Python file, which after the memory work means reading
 * those files again; an app level lists up to TREE_LIST_LIMIT of them and is asked after every
 * index change. A row is kept with the records it looked up (the element itself, each
 * `python(path)` and `element(appRoot, name)` answer) and reused while the index answers every one
 * of those lookups with the same record: records are never changed in place, so the same records
 * give the same row.
 */
import type { TreeSubscriber } from '../../../../shared/src/protocol/types';
import type { ElementRecord, PythonRecord } from '../model/records';
import type { WorkspaceIndex } from '../workspace/workspaceIndex';
import { treeSubscriber } from './eventTree';

type RowLookup = Pick<WorkspaceIndex, 'element' | 'python'>;

/** One lookup a row made: `python(a)` when b is undefined, else `element(a, b)`, and its answer. */
type Seen = [a: string, b: string | undefined, answer: ElementRecord | PythonRecord | undefined];

interface CachedRow { row: TreeSubscriber; seen: Seen[] }

const rows = new WeakMap<ElementRecord, CachedRow>();

/** Answers through `index` and notes every lookup with its answer. */
class Recording implements RowLookup {
  readonly seen: Seen[] = [];
  constructor(private readonly index: RowLookup) {}
  python(path: string): PythonRecord | undefined {
    const r = this.index.python(path);
    this.seen.push([path, undefined, r]);
    return r;
  }
  element(appRoot: string, fullName: string): ElementRecord | undefined {
    const r = this.index.element(appRoot, fullName);
    this.seen.push([appRoot, fullName, r]);
    return r;
  }
}

function stillHolds(index: RowLookup, seen: readonly Seen[]): boolean {
  for (const [a, b, answer] of seen) if ((b === undefined ? index.python(a) : index.element(a, b)) !== answer) return false;
  return true;
}

/** The tree row of a listener (shared between answers: never change it). */
export function subscriberRow(index: RowLookup, el: ElementRecord): TreeSubscriber {
  const c = rows.get(el);
  if (c && stillHolds(index, c.seen)) return c.row;
  const look = new Recording(index);
  const row = treeSubscriber(look, el);
  rows.set(el, { row, seen: look.seen });
  return row;
}
