/**
 * Binds a handler function's parameters to its event's payload (`*args` -> the args tuple,
 * `**kwargs` -> the kwargs dict, a positional parameter -> its position, a keyword-only parameter
 * -> that kwargs key) and judges each payload read: sent by every publisher, only by some, or by none.
 */
import type { OffsetRange, PayloadRead, PyFunctionDef, PythonScan } from '../python/types';
import { closestName } from '../text/closestName';
import { alwaysSent, type Payload, type PayloadNode } from './payloads';

/** A read judged against a payload. `parent` is the dict the key was read from. */
export interface JudgedRead {
  key: string;
  range: OffsetRange;
  status: 'always' | 'sometimes' | 'missing';
  parent: PayloadNode;
  /** For missing keys: the closest key that is sent. */
  suggestion?: string;
}

/** The payload part a parameter receives, or undefined when the binding is unknown. */
export function paramNode(fn: PyFunctionDef, isMethod: boolean, name: string, p: Payload): PayloadNode | undefined {
  let pos = 0;
  for (let i = 0; i < fn.params.length; i++) {
    const prm = fn.params[i];
    if (isMethod && i === 0 && prm.kind === 'positional') continue;
    if (prm.name === name) {
      if (prm.kind === 'varargs') return p.args;
      if (prm.kind === 'varkw') return p.kwargs;
      if (prm.kind === 'keyword-only') return p.kwargs.keys.get(name);
      if (pos < p.args.items.length || p.args.open) return p.args.items[pos];
      return p.kwargs.keys.get(name);
    }
    if (prm.kind === 'positional') pos++;
  }
  return undefined;
}

/** The payload part at `path` below a node (index steps into tuples, key steps into dicts). */
export function nodeAt(n: PayloadNode | undefined, path: readonly (number | string)[]): PayloadNode | undefined {
  for (const step of path) {
    if (!n) return undefined;
    n = typeof step === 'number' ? (n.seqs > 0 ? n.items[step] : undefined) : n.keys.get(step);
  }
  return n;
}

/** The dict a read reads from, when every publisher's value there can be seen into. */
export function readParent(fn: PyFunctionDef, isMethod: boolean, read: Pick<PayloadRead, 'root' | 'path'>, p: Payload): PayloadNode | undefined {
  const parent = nodeAt(paramNode(fn, isMethod, read.root, p), read.path);
  return parent && parent.dicts > 0 ? parent : undefined;
}

function judge(parent: PayloadNode, key: string, range: OffsetRange): JudgedRead | undefined {
  if (parent.open || parent.dicts === 0) return undefined;
  const child = parent.keys.get(key);
  if (!child) return { key, range, status: 'missing', parent, suggestion: closestName(key, parent.keys.keys()) };
  return { key, range, status: alwaysSent(parent, child) ? 'always' : 'sometimes', parent };
}

/**
 * Every payload read of a handler judged against the payload: key reads in the body, and
 * keyword-only parameters (each is a read of that kwargs key). Empty when nothing publishes.
 */
export function judgeReads(fn: PyFunctionDef, isMethod: boolean, p: Payload): JudgedRead[] {
  if (p.publishers === 0) return [];
  const out: JudgedRead[] = [];
  for (const prm of fn.params) {
    if (prm.kind !== 'keyword-only' || !prm.range) continue;
    const j = judge(p.kwargs, prm.name, prm.range);
    if (j) out.push(j);
  }
  for (const r of fn.flow?.reads ?? []) {
    const parent = readParent(fn, isMethod, r, p);
    const j = parent && judge(parent, r.key, r.range);
    if (j) out.push(j);
  }
  return out;
}

/** True when some function of the file reads payload keys (or takes keyword-only parameters). */
export function hasPayloadReads(scan: PythonScan): boolean {
  const reads = (f: PyFunctionDef) => !!f.flow?.reads.length || f.params.some((p) => p.kind === 'keyword-only');
  return scan.functions.some(reads) || scan.classes.some((c) => c.methods.some(reads));
}
