import type { FileHost } from '../files/fileHost';
import { parseElementJson, stringProp } from '../elements/elementJson';
import { LineIndex } from '../text/lineIndex';
import { scanPython } from '../python/scanner';
import type { AppJsonRecord, ElementRecord, PythonRecord } from '../model/records';
import { baseName, dirOf } from '../files/paths';
import { fullNameOf, kindOfType } from './elementKind';

const EMPTY_SCAN = { functions: [], classes: [], publishCalls: [], imports: [] };

/** Reads a file through the host (open documents come from the overlay first). */
export function readText(host: FileHost, overlays: Map<string, string>, path: string) {
  const o = overlays.get(path);
  return o !== undefined ? { text: o } : host.read(path);
}

export function buildElement(path: string, appRoot: string, read: ReturnType<typeof readText>,
  resolveType: (fullName: string) => string | undefined): ElementRecord | undefined {
  if ('error' in read && read.error === 'missing') return undefined;
  const dir = dirOf(path);
  const fullName = fullNameOf(appRoot, dir);
  const text = 'text' in read ? read.text : '';
  const json = parseElementJson(text);
  const type = stringProp(json, 'type')?.value;
  const title = stringProp(json, 'title')?.value;
  const el: ElementRecord = {
    path, dir, appRoot, fullName, name: baseName(dir), json, lines: new LineIndex(text), type, title,
    kind: kindOfType(type, resolveType, !!json.eventDescs),
  };
  if ('error' in read) el.unreadable = read.detail ? `${read.error}:${read.detail}` : read.error;
  return el;
}

export function buildPython(path: string, appRoot: string, read: ReturnType<typeof readText>): PythonRecord | undefined {
  if ('error' in read && read.error === 'missing') return undefined;
  if ('error' in read) return { path, appRoot, scan: EMPTY_SCAN, lines: new LineIndex(''), unreadable: read.error };
  let scan;
  try { scan = scanPython(read.text); } catch { scan = EMPTY_SCAN; }
  // Imports are not used by any rule yet; not keeping them saves memory on big apps.
  if (scan.imports.length) scan.imports = [];
  return { path, appRoot, scan, lines: new LineIndex(read.text) };
}

export function buildAppJson(path: string, read: ReturnType<typeof readText>): AppJsonRecord | undefined {
  if ('error' in read && read.error === 'missing') return undefined;
  const text = 'text' in read ? read.text : '';
  const json = parseElementJson(text);
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
