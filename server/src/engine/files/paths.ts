/** Path helpers: normalised forward-slash paths, folder/base names, which files the engine watches. */
import * as path from 'node:path';

/** Normalised absolute path with forward slashes (stable keys on every OS). */
export function normalizePath(p: string): string {
  let r = path.resolve(p).replace(/\\/g, '/');
  if (r.length > 1 && r.endsWith('/')) r = r.slice(0, -1);
  return r;
}

export function dirOf(p: string): string {
  const i = p.lastIndexOf('/');
  return i <= 0 ? '/' : p.slice(0, i);
}

export function baseName(p: string): string {
  return p.slice(p.lastIndexOf('/') + 1);
}

export function isInside(child: string, parent: string): boolean {
  return child === parent || child.startsWith(parent.endsWith('/') ? parent : parent + '/');
}

/** `config` is an element's config.json (read for workflow elements: their nodeList). */
export type WatchedFileKind = 'element' | 'python' | 'app' | 'config' | undefined;

export function fileKind(p: string): WatchedFileKind {
  const b = baseName(p);
  if (b === 'e.json') return 'element';
  if (b === 'app.json') return 'app';
  if (b.endsWith('.py')) return 'python';
  if (b === 'config.json') return 'config';
  return undefined;
}
