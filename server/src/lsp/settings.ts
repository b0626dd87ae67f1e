/**
 * The `jitaiEvents` settings the server uses. initializationOptions.settings give the defaults;
 * a client that answers workspace/configuration is asked again, globally and per workspace folder
 * (`exclude` is resource-scoped), at start and on every didChangeConfiguration. `diagnostics.severity`
 * is read from the global answer and applies to every folder.
 */
import { MessageType, ShowMessageNotification, type Connection } from 'vscode-languageserver/node';
import { msg, normalizePath, type Engine } from '../engine';
import { pathToUri } from '../../../shared/src/protocol/uris';

export interface ServerSettings {
  exclude: string[];
  validation: { debounceMs: number };
  /** diagnostics.severity: the user's level per diagnostic code. */
  severity: Record<string, unknown>;
}

export const DEFAULT_SETTINGS: ServerSettings = { exclude: [], validation: { debounceMs: 200 }, severity: {} };

const SECTION = 'jitaiEvents';

/** Accepts whatever the client sent; wrong types fall back to defaults. */
export function readSettings(raw: unknown): ServerSettings {
  const r = (raw && typeof raw === 'object' ? raw : {}) as Record<string, unknown>;
  const v = (r.validation && typeof r.validation === 'object' ? r.validation : {}) as Record<string, unknown>;
  const exclude = Array.isArray(r.exclude) ? r.exclude.filter((x): x is string => typeof x === 'string') : DEFAULT_SETTINGS.exclude;
  const debounce = typeof v.debounceMs === 'number' && v.debounceMs >= 0 ? v.debounceMs : DEFAULT_SETTINGS.validation.debounceMs;
  const d = (r.diagnostics && typeof r.diagnostics === 'object' ? r.diagnostics : {}) as Record<string, unknown>;
  const severity = d.severity && typeof d.severity === 'object' && !Array.isArray(d.severity) ? { ...(d.severity as Record<string, unknown>) } : {};
  return { exclude, validation: { debounceMs: debounce }, severity };
}

const sameList = (a: readonly string[] | undefined, b: readonly string[] | undefined) => JSON.stringify(a) === JSON.stringify(b);

/** The current settings, and the engine's exclude lists kept in step with them. */
export class Settings {
  current: ServerSettings = readSettings(undefined);
  /** Set at initialize: the client answers workspace/configuration. */
  canPull = false;
  /** Exclude lists the client gave per workspace folder (normalised path -> globs). */
  private readonly folderExclude = new Map<string, string[]>();
  /** Invalid globs already reported (each is shown once, not on every settings change). */
  private readonly reported = new Set<string>();
  /** Applies a changed diagnostics.severity map (the server re-checks and publishes through its indexing). */
  onSeverityChanged: (severity: Record<string, unknown>) => void = (severity) => { this.applySeverity(severity); };

  constructor(private readonly connection: Connection, private readonly engine: Engine) {}

  /** initializationOptions.settings: the defaults, and all there is for a client that cannot be asked. */
  initialize(raw: unknown): void {
    this.current = readSettings(raw);
    this.engine.setExclude(this.current.exclude);
    this.applySeverity(this.current.severity);
  }

  /** Sets the engine's severities; says once in the log which entries name no code or level. Returns the files to publish. */
  applySeverity(severity: Record<string, unknown>): string[] {
    const { changed, problems } = this.engine.setSeverity(severity);
    for (const p of problems) {
      const text = p.kind === 'unknown-code'
        ? msg(this.engine.locale, 'settings-unknown-code', { code: p.code, hint: p.suggestion ? msg(this.engine.locale, 'did-you-mean', { name: p.suggestion }) : '' })
        : msg(this.engine.locale, 'settings-bad-level', { code: p.code, level: p.level });
      if (!this.reported.has(text)) { this.reported.add(text); this.connection.console.warn(text); }
    }
    return changed;
  }

  /** didChangeConfiguration: asks again (or reads the pushed settings); true when an exclude list changed. */
  async changed(pushed: unknown): Promise<boolean> {
    if (this.canPull) return this.pull();
    const raw = (pushed as Record<string, unknown> | undefined)?.[SECTION];
    return raw ? this.setDefaults(raw) : false;
  }

  /** Asks the client for the settings globally and for each workspace folder; true when an exclude list changed. */
  async pull(): Promise<boolean> {
    if (!this.canPull) return false;
    const folders = [...this.engine.workspaceFolders];
    const values: unknown[] = await this.connection.workspace.getConfiguration([
      { section: SECTION }, ...folders.map((f) => ({ scopeUri: pathToUri(f), section: SECTION })),
    ]);
    let changed = values[0] != null && this.setDefaults(values[0]);
    folders.forEach((folder, i) => { if (this.setFolder(folder, values[i + 1])) changed = true; });
    for (const gone of [...this.folderExclude.keys()].filter((f) => !folders.includes(f))) this.folderExclude.delete(gone);
    return changed;
  }

  private setDefaults(raw: unknown): boolean {
    const next = readSettings(raw);
    const excludeChanged = !sameList(next.exclude, this.current.exclude);
    const severityChanged = JSON.stringify(next.severity) !== JSON.stringify(this.current.severity);
    this.current = next;
    if (severityChanged) this.onSeverityChanged(next.severity);
    if (excludeChanged) this.engine.setExclude(next.exclude);
    return excludeChanged;
  }

  /** Tells the user once about each exclude glob that does not compile (it is ignored, never a failed start). */
  reportInvalidGlobs(): void {
    const fresh = this.engine.invalidExcludes().filter((g) => !this.reported.has(g));
    if (!fresh.length) return;
    for (const g of fresh) this.reported.add(g);
    const text = msg(this.engine.locale, 'settings-invalid-glob', { globs: fresh.map((g) => JSON.stringify(g)).join(', ') });
    this.connection.console.warn(text);
    void this.connection.sendNotification(ShowMessageNotification.type, { type: MessageType.Warning, message: text });
  }

  /** A folder's own list; no answer for it means the folder follows the defaults. */
  private setFolder(folder: string, raw: unknown): boolean {
    const key = normalizePath(folder);
    const before = this.folderExclude.get(key);
    const globs = raw == null ? undefined : readSettings(raw).exclude;
    if (sameList(before, globs)) return false;
    if (globs) this.folderExclude.set(key, globs); else this.folderExclude.delete(key);
    this.engine.setExclude(globs ?? this.current.exclude, key);
    return true;
  }
}
