/** Builds records from file text: elements, Python files (scanned), app.json. */
import { MAX_FILE_BYTES, type FileHost, type ReadResult } from '../files/fileHost';
import { parseElementJsonWithPositions, stringProp } from '../elements/elementJson';
import { parseElementJson } from '../elements/fastElementJson';
import { LineIndex } from '../text/lineIndex';
import { scanPython } from '../python/scanner';
import type { AppJsonRecord, ElementRecord, PythonRecord } from '../model/records';
import { baseName, dirOf } from '../files/paths';
import { fullNameOf, kindOfType } from './elementKind';

const EMPTY_SCAN = { functions: [], classes: [], publishCalls: [], imports: [] };

/**
 * Line starts are needed only to turn offsets into positions (diagnostics, locations), which few
 * files of a healthy app ever need: compute them on first use from the file's current text.
 */
class LazyLines {
  private index?: LineIndex;
  constructor(private reread: (() => string | undefined) | undefined, text: string | undefined) {
    if (!reread) this.index = new LineIndex(text ?? '');
  }
  get(): LineIndex {
    if (!this.index) { this.index = new LineIndex(this.reread?.() ?? ''); this.reread = undefined; }
    return this.index;
  }
}

class ElementRecordImpl implements ElementRecord {
  type?: string;
  title?: string;
  sender?: ElementRecord['sender'];
  unreadable?: string;
  constructor(
    readonly path: string, readonly dir: string, readonly appRoot: string, readonly fullName: string, readonly name: string,
    readonly json: ElementRecord['json'], readonly kind: ElementRecord['kind'], private readonly lazyLines: LazyLines,
  ) {}
  get lines(): LineIndex { return this.lazyLines.get(); }
}

class PythonRecordImpl implements PythonRecord {
  unreadable?: string;
  constructor(readonly path: string, readonly appRoot: string, readonly scan: PythonRecord['scan'], private readonly lazyLines: LazyLines) {}
  get lines(): LineIndex { return this.lazyLines.get(); }
}

/** Reads a file through the host (open documents come from the overlay first). */
export function readText(host: FileHost, overlays: Map<string, string>, path: string): ReadResult {
  const o = overlays.get(path);
  if (o === undefined) return host.read(path);
  // An editor's text gets the same size limit as a file on disk (a 5 MB paste is not parsed).
  return o.length > MAX_FILE_BYTES ? { error: 'too-large', detail: String(Buffer.byteLength(o)) } : { text: o };
}

export function buildElement(path: string, appRoot: string, read: ReturnType<typeof readText>,
  resolveType: (fullName: string) => string | undefined, reread?: () => string | undefined): ElementRecord | undefined {
  if ('error' in read && read.error === 'missing') return undefined;
  const dir = dirOf(path);
  const fullName = fullNameOf(appRoot, dir);
  const text = 'text' in read ? read.text : '';
  const json = parseElementJson(text, reread);
  const type = stringProp(json, 'type')?.value;
  const title = stringProp(json, 'title')?.value;
  const el = new ElementRecordImpl(path, dir, appRoot, fullName, baseName(dir), json,
    kindOfType(type, resolveType, !!json.eventDescs), new LazyLines(reread, text));
  el.type = type;
  el.title = title;
  if ('error' in read) el.unreadable = read.detail ? `${read.error}:${read.detail}` : read.error;
  return el;
}

export function buildPython(path: string, appRoot: string, read: ReturnType<typeof readText>, reread?: () => string | undefined): PythonRecord | undefined {
  if ('error' in read && read.error === 'missing') return undefined;
  if ('error' in read) {
    // Not scanned (a 5 MB file of publish calls would cost seconds per change): the checker says so once.
    const rec = new PythonRecordImpl(path, appRoot, EMPTY_SCAN, new LazyLines(undefined, ''));
    rec.unreadable = read.detail ? `${read.error}:${read.detail}` : read.error;
    return rec;
  }
  let scan;
  try { scan = scanPython(read.text); } catch { scan = EMPTY_SCAN; }
  // Imports are not used by any rule yet; not keeping them saves memory on big apps.
  if (scan.imports.length) scan.imports = [];
  return new PythonRecordImpl(path, appRoot, scan, new LazyLines(reread, read.text));
}

export function buildAppJson(path: string, read: ReturnType<typeof readText>): AppJsonRecord | undefined {
  if ('error' in read && read.error === 'missing') return undefined;
  const text = 'text' in read ? read.text : '';
  const json = parseElementJsonWithPositions(text);
  const ext = json.props.get('extends');
  return {
    path, root: dirOf(path),
    appId: stringProp(json, 'appId')?.value,
    title: stringProp(json, 'title')?.value,
    hasParents: !!ext && ext.kind === 'array' && (ext.items?.length ?? 0) > 0,
    lines: new LineIndex(text),
    syntaxErrors: json.syntaxErrors.map((e) => ({ message: e.message, start: e.range.start, end: e.range.end })),
  };
}
