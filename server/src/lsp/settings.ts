/** The `jitaiEvents` settings the server reads (sent by the client as initializationOptions.settings and on change). */
export interface ServerSettings {
  exclude: string[];
  validation: { debounceMs: number };
}

export const DEFAULT_SETTINGS: ServerSettings = { exclude: [], validation: { debounceMs: 200 } };

/** Accepts whatever the client sent; wrong types fall back to defaults. */
export function readSettings(raw: unknown): ServerSettings {
  const r = (raw && typeof raw === 'object' ? raw : {}) as Record<string, unknown>;
  const v = (r.validation && typeof r.validation === 'object' ? r.validation : {}) as Record<string, unknown>;
  const exclude = Array.isArray(r.exclude) ? r.exclude.filter((x): x is string => typeof x === 'string') : DEFAULT_SETTINGS.exclude;
  const debounce = typeof v.debounceMs === 'number' && v.debounceMs >= 0 ? v.debounceMs : DEFAULT_SETTINGS.validation.debounceMs;
  return { exclude, validation: { debounceMs: debounce } };
}
