/** UI text outside VS Code's API: the same l10n/bundle.l10n.<locale>.json the extension reads through vscode.l10n.t. */
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';

/**
 * A message formatter: `vscode.l10n.t` in the extension, `loadBundle(locale)` in the CLI, `formatMessage`
 * (English) by default. The English text is the key; `{0}`, `{1}`… are its arguments.
 */
export type Localize = (message: string, ...args: Array<string | number | boolean>) => string;

/** Substitutes `{0}`, `{1}`… like `vscode.l10n.t` does for the default (English) bundle. */
export const formatMessage: Localize = (message, ...args) =>
  message.replace(/\{(\d+)\}/g, (whole, index: string) => {
    const value = args[Number(index)];
    return value === undefined ? whole : String(value);
  });

/** English plural forms: `one` for a count of 1, `many` otherwise (both keys of the bundle). */
export function plural(count: number, one: string, many: string, t: Localize): string {
  return count === 1 ? t(one, count) : t(many, count);
}

const BUNDLE_PREFIX = 'bundle.l10n.';

function isDirectory(p: string): boolean {
  try { return statSync(p).isDirectory(); } catch { return false; }
}

/**
 * The folder holding the bundles. The packaged extension ships `l10n/` at its root next to `dist/`
 * (so `dist/cli.js` finds `__dirname/../l10n`); in a checkout the walk up reaches the repository's `l10n/`.
 */
export function l10nFolder(start: string = __dirname): string | undefined {
  let dir = start;
  for (let i = 0; i < 8; i++) {
    const candidate = join(dir, 'l10n');
    if (isDirectory(candidate) && readdirSync(candidate).some((n) => n.startsWith(BUNDLE_PREFIX))) return candidate;
    const parent = dirname(dir);
    if (parent === dir) break;
    dir = parent;
  }
  return undefined;
}

/** The bundle file for a locale tag (`zh-cn`, `zh-CN`, `zh`), or undefined for English and unknown tags. */
function bundleFile(locale: string, folder: string): string | undefined {
  const tag = locale.trim().toLowerCase().replace(/_/g, '-');
  const language = tag.split('-')[0];
  if (!language || language === 'en') return undefined;
  const names = readdirSync(folder).filter((n) => n.startsWith(BUNDLE_PREFIX) && n.endsWith('.json'));
  const exact = names.find((n) => n === `${BUNDLE_PREFIX}${tag}.json`);
  const sameLanguage = names.find((n) => n === `${BUNDLE_PREFIX}${language}.json` || n.startsWith(`${BUNDLE_PREFIX}${language}-`));
  const name = exact ?? sameLanguage;
  return name ? join(folder, name) : undefined;
}

/**
 * A `t` for a locale: looks each English message up in `l10n/bundle.l10n.<locale>.json` (entries are
 * strings or `{ message }` objects, as in VS Code bundles) and falls back to the English text.
 * English, an unknown locale or a missing bundle give `formatMessage`. Never throws.
 */
export function loadBundle(locale: string | undefined, folder: string | undefined = l10nFolder()): Localize {
  if (!locale || !folder) return formatMessage;
  let entries: Record<string, unknown>;
  try {
    const file = bundleFile(locale, folder);
    if (!file || !existsSync(file)) return formatMessage;
    entries = JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
  } catch {
    return formatMessage;
  }
  const translations = new Map<string, string>();
  for (const [key, value] of Object.entries(entries)) {
    const text = typeof value === 'string' ? value
      : value && typeof value === 'object' && typeof (value as { message?: unknown }).message === 'string' ? (value as { message: string }).message : undefined;
    if (text !== undefined) translations.set(key, text);
  }
  return (message, ...args) => formatMessage(translations.get(message) ?? message, ...args);
}
