/**
 * The `jitaiEvents.*` settings the client reads, with their defaults and bounds in one place (the
 * same values package.json declares; test/unit/client/config.test.ts keeps them equal). Pure (no
 * vscode import): config.ts reads the values per resource and passes them through `clampSettings`.
 */
export interface ClientSettings {
  /** `jitaiEvents.pythonPath` as written (expanded by run/pythonPathSetting.ts). */
  pythonPath: string;
  /** `jitaiEvents.runHandler.timeoutSeconds`. */
  timeoutSeconds: number;
  /** `jitaiEvents.runHandler.chainDepth`. */
  chainDepth: number;
}

export const DEFAULTS: ClientSettings = { pythonPath: '', timeoutSeconds: 30, chainDepth: 3 };

/** Setting keys under the `jitaiEvents` section. */
export const SETTING_KEYS: Record<keyof ClientSettings, string> = {
  pythonPath: 'pythonPath',
  timeoutSeconds: 'runHandler.timeoutSeconds',
  chainDepth: 'runHandler.chainDepth',
};

const BOUNDS = { timeoutSeconds: [1, 3600], chainDepth: [1, 10] } as const;

function bounded(value: unknown, [min, max]: readonly [number, number], fallback: number, integer: boolean): number {
  if (typeof value !== 'number' || !Number.isFinite(value)) return fallback;
  const v = integer ? Math.round(value) : value;
  return Math.min(max, Math.max(min, v));
}

/** Settings from raw values (wrong types and out-of-range numbers fall back or are clamped). */
export function clampSettings(raw: Partial<Record<keyof ClientSettings, unknown>>): ClientSettings {
  return {
    pythonPath: typeof raw.pythonPath === 'string' ? raw.pythonPath : DEFAULTS.pythonPath,
    timeoutSeconds: bounded(raw.timeoutSeconds, BOUNDS.timeoutSeconds, DEFAULTS.timeoutSeconds, false),
    chainDepth: bounded(raw.chainDepth, BOUNDS.chainDepth, DEFAULTS.chainDepth, true),
  };
}
