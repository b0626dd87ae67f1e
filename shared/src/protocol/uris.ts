/**
 * File-system path <-> `file:` URI conversion at the edges that need paths (the language server's
 * engine calls, the runner's Python process), and the conversion of the engine's path-based
 * handler description into the wire form.
 */
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { DocumentUri, HandlerInfo, HandlerInfoOnDisk } from './types';

export function pathToUri(path: string): DocumentUri {
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
