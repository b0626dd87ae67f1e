/** Builds records from file text: elements, Python files (scanned), app.json. */
import { MAX_FILE_BYTES, type FileHost, type ReadResult } from '../files/fileHost';
import { parseElementJsonWithPositions, stringProp } from '../elements/elementJson';
import { parseElementJson, type TextSource } from '../elements/fastElementJson';
import { LineIndex } from '../text/lineIndex';
import { scanPython } from '../python/scanner';
import { compactScan } from '../python/compactScan';
import type { AppJsonRecord, ElementRecord, PythonRecord } from '../model/records';
import { baseName, dirOf } from '../files/paths';
import { fullNameOf, kindOfType } from './elementKind';
import { isJitaiManifest } from './appRoots';
import type { PyImport, PythonScan } from '../python/types';
import { ELEMENT_NAMESPACES, isFrameworkTypeModule } from '../domain/eventKeys';
import { appJsonFacts } from './appJsonFacts';

const EMPTY_SCAN = { functions: [], classes: [], publishCalls: [], imports: [] };
const IMPLEMENTATION_FILE = /\/(inner|service|model)\.py$/;

/** A copy of a string that does not keep the file's text alive (V8 slices share their parent). */
const flat = (s: string): string => (s.length > 12 ? JSON.parse(JSON.stringify(s)) as string : s);

/** Imports a rule reads: relative ones and element modules that are not framework Type modules. */
function keptImport(i: PyImport): boolean {
  if (i.module.startsWith('.')) return true;
  const parts = i.module.split('.');
  return ELEMENT_NAMESPACES.has(parts[0]) && !(parts.length >= 2 && isFrameworkTypeModule(`${parts[0]}.${parts[1]}`));
}

/**
 * Memory on big apps: keeps only the imports rules read (with strings that do not retain the
 * source text); for an element's implementation files the imported names join `boundNames`
 * (what `__init__.py` may re-export from them).
 */
function compactImports(scan: PythonScan, implementation: boolean): void {
  if (implementation) {
    for (const i of scan.imports) for (const n of i.names) (scan.boundNames ??= []).push(flat(n.alias ?? n.name));
  }
  if (scan.boundNames) scan.boundNames = scan.boundNames.map(flat);
  if (!scan.imports.length) return;
  scan.imports = scan.imports.filter(keptImport);
  for (const i of scan.imports) {
    i.module = flat(i.module);
    for (const n of i.names) { n.name = flat(n.name); if (n.alias) n.alias = flat(n.alias); }
  }
}

/**
 * Line starts are needed only to turn offsets into positions (diagnostics, locations), which few
 * files of a healthy app ever need: computed on first use from the file's current text. (No
 * closure or holder object per record: the index's one TextSource reads any path.)
 */
class ElementRecordImpl implements ElementRecord {
  type?: string;
  title?: string;
  sender?: ElementRecord['sender'];
  unreadable?: string;
  private lineIndex?: LineIndex;
  constructor(
    readonly path: string, readonly dir: string, readonly appRoot: string, readonly fullName: string, readonly name: string,
    readonly json: ElementRecord['json'], readonly kind: ElementRecord['kind'], private readonly texts: TextSource | undefined, text: string,
  ) {
    if (!texts) this.lineIndex = new LineIndex(text);
  }
  get lines(): LineIndex { return (this.lineIndex ??= new LineIndex(this.texts?.text(this.path) ?? '')); }
}

class PythonRecordImpl implements PythonRecord {
  unreadable?: string;
  private lineIndex?: LineIndex;
  constructor(readonly path: string, readonly appRoot: string, readonly scan: PythonRecord['scan'], private readonly texts: TextSource | undefined, text: string) {
    if (!texts) this.lineIndex = new LineIndex(text);
  }
  get lines(): LineIndex { return (this.lineIndex ??= new LineIndex(this.texts?.text(this.path) ?? '')); }
}

/**
 * The index's TextSource. Records keep it, so when another index adopts the records of a full
 * load (WorkspaceIndex.adopt) it is pointed at the adopting index: the loading index (its caches,
 * its copy of the overlays) is then not kept alive by every record.
 */
export class IndexTexts implements TextSource {
  constructor(public read: (path: string) => ReadResult) {}
  text(path: string): string | undefined { const r = this.read(path); return 'text' in r ? r.text : undefined; }
}

/** Reads a file through the host (open documents come from the overlay first). */
export function readText(host: FileHost, overlays: Map<string, string>, path: string): ReadResult {
  const o = overlays.get(path);
  if (o === undefined) return host.read(path);
  // An editor's text gets the same size limit as a file on disk (a 5 MB paste is not parsed).
  return o.length > MAX_FILE_BYTES ? { error: 'too-large', detail: String(Buffer.byteLength(o)) } : { text: o };
}

export function buildElement(path: string, appRoot: string, read: ReturnType<typeof readText>,
  resolveType: (fullName: string) => string | undefined, texts?: TextSource): ElementRecord | undefined {
  if ('error' in read && read.error === 'missing') return undefined;
  const dir = dirOf(path);
  const fullName = fullNameOf(appRoot, dir);
  const text = 'text' in read ? read.text : '';
  const json = parseElementJson(text, texts, path);
  const type = stringProp(json, 'type')?.value;
  const title = stringProp(json, 'title')?.value;
  const el = new ElementRecordImpl(path, dir, appRoot, fullName, baseName(dir), json,
    kindOfType(type, resolveType, !!json.eventDescs), texts, text);
  el.type = type;
  el.title = title;
  if ('error' in read) el.unreadable = read.detail ? `${read.error}:${read.detail}` : read.error;
  return el;
}

export function buildPython(path: string, appRoot: string, read: ReturnType<typeof readText>, texts?: TextSource): PythonRecord | undefined {
  if ('error' in read && read.error === 'missing') return undefined;
  if ('error' in read) {
    // Not scanned (a 5 MB file of publish calls would cost seconds per change): the checker says so once.
    const rec = new PythonRecordImpl(path, appRoot, EMPTY_SCAN, undefined, '');
    rec.unreadable = read.detail ? `${read.error}:${read.detail}` : read.error;
    return rec;
  }
  let scan;
  try { scan = scanPython(read.text); } catch { scan = EMPTY_SCAN; }
  compactImports(scan, IMPLEMENTATION_FILE.test(path));
  if (scan !== EMPTY_SCAN) compactScan(scan);
  return new PythonRecordImpl(path, appRoot, scan, texts, read.text);
}

export function buildAppJson(path: string, read: ReturnType<typeof readText>): AppJsonRecord | undefined {
  if ('error' in read && read.error === 'missing') return undefined;
  const text = 'text' in read ? read.text : '';
  const json = parseElementJsonWithPositions(text);
  const ext = json.props.get('extends');
  const facts = appJsonFacts(text, ext);
  return {
    path, root: dirOf(path),
    appId: stringProp(json, 'appId')?.value,
    title: stringProp(json, 'title')?.value,
    hasParents: !!ext && ext.kind === 'array' && (ext.items?.length ?? 0) > 0,
    manifest: isJitaiManifest(json.props.keys()),
    hasElements: false,
    lines: new LineIndex(text),
    syntaxErrors: json.syntaxErrors.map((e) => ({ message: e.message, start: e.range.start, end: e.range.end })),
    rootKind: json.rootKind, rootRange: json.rootRange, ...facts,
  };
}
