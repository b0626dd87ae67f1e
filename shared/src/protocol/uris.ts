/**
 * File-system path <-> `file:` URI conversion at the edges that need paths (the language server's
 * engine calls, the runner's Python process), and the conversion of the engine's path-based
 * handler description into the wire form.
 */
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { DocumentUri, HandlerInfo, HandlerInfoOnDisk } from './types';

/** Characters `pathToFileURL` keeps as they are in a path (letters, digits and common punctuation; not `~`, which it encodes). */
const PLAIN_PATH = /^[A-Za-z0-9/._\-+@,=:()!$&'*;]*$/;
/** Segments `pathToFileURL` would normalise: `//`, `/./`, `/../`, and a trailing `/`, `/.` or `/..`. */
const ODD_SEGMENT = /\/\.{0,2}(?:\/|$)/;
const POSIX = process.platform !== 'win32';

/**
 * A path's `file:` URI, as `pathToFileURL(path).href` gives it. An absolute POSIX path of plain
 * characters (nearly every path of an app) is prefixed directly: the tree and references convert
 * thousands of paths per answer, and the general conversion costs a path resolve plus a URL parse.
 */
export function pathToUri(path: string): DocumentUri {
  if (POSIX && path.charCodeAt(0) === 47 && PLAIN_PATH.test(path) && !ODD_SEGMENT.test(path)) return `file://${path}`;
  return pathToFileURL(path).href;
}

/** The path of a `file:` URI with `/` separators; undefined for other schemes and malformed URIs. */
export function uriToPath(uri: DocumentUri): string | undefined {
  try { return uri.startsWith('file:') ? fileURLToPath(uri).replace(/\\/g, '/') : undefined; } catch { return undefined; }
}

/** The engine's HandlerInfo (paths) as it travels on the wire (URIs). */
export function handlerInfoToWire(h: HandlerInfoOnDisk): HandlerInfo {
  const { appRoot, modulePath, ...facts } = h;
  const out: HandlerInfo = { ...facts, appRootUri: pathToUri(appRoot) };
  if (modulePath !== undefined) out.moduleUri = pathToUri(modulePath);
  return out;
}
