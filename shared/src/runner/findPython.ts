/**
 * Chooses the Python interpreter for Run handler: the `jitaiEvents.pythonPath` setting, else the
 * Python extension's active interpreter, else `python3` / `python` on PATH. Each candidate is
 * actually started and must report version 3.8 or newer.
 */
import { execFile } from 'node:child_process';
import { formatMessage, type Localize } from '../l10n';
import type { FindPythonOptions, PythonFound, PythonMissing } from './types';

export const MIN_PYTHON: readonly [number, number] = [3, 8];
const PROBE_TIMEOUT_MS = 10_000;
const PROBE_SCRIPT = 'import sys; print("%d.%d.%d" % tuple(sys.version_info[:3])); print(sys.executable or "")';

export type PythonProbe = { ok: true; version: string; executable: string } | { ok: false; reason: string };

/** Starts `command -c …` and reads its version and sys.executable. */
export function probePython(command: string, env: NodeJS.ProcessEnv = process.env, t: Localize = formatMessage): Promise<PythonProbe> {
  return new Promise((resolve) => {
    try {
      execFile(command, ['-c', PROBE_SCRIPT], { env, timeout: PROBE_TIMEOUT_MS, windowsHide: true, encoding: 'utf8' },
        (error, stdout, stderr) => {
          if (error) {
            const code = (error as NodeJS.ErrnoException).code;
            const reason = code === 'ENOENT' ? t('not found') : code === 'EACCES' ? t('not executable')
              : (String(stderr).trim().split('\n').pop() || error.message);
            resolve({ ok: false, reason });
            return;
          }
          const [version = '', executable = ''] = String(stdout).trim().split(/\r?\n/);
          if (!/^\d+\.\d+\.\d+$/.test(version)) resolve({ ok: false, reason: t('unexpected output: {0}', String(stdout).slice(0, 80)) });
          else resolve({ ok: true, version, executable: executable.trim() });
        });
    } catch (e) {
      resolve({ ok: false, reason: (e as Error).message });
    }
  });
}

export function isSupportedVersion(version: string): boolean {
  const [major = 0, minor = 0] = version.split('.').map(Number);
  return major > MIN_PYTHON[0] || (major === MIN_PYTHON[0] && minor >= MIN_PYTHON[1]);
}

function fixInstall(t: Localize): string {
  return t('Install Python 3.8 or newer (https://www.python.org/downloads/) so that `python3` is on PATH, or set `jitaiEvents.pythonPath` to a Python 3.8+ executable.');
}

function fixSetting(t: Localize): string {
  return t('Set `jitaiEvents.pythonPath` to a working Python 3.8+ executable, or clear the setting to use the Python extension\'s interpreter or `python3` on PATH.');
}

function tooOld(command: string, version: string, t: Localize): string {
  return t('Python {0} ({1}) is too old: Run handler needs Python 3.8 or newer', version, command);
}

export async function findPython(opts: FindPythonOptions): Promise<PythonFound | PythonMissing> {
  const env = opts.env ?? process.env;
  const t = opts.t ?? formatMessage;
  const configured = opts.configured?.trim();
  if (configured) {
    const probe = await probePython(configured, env, t);
    if (!probe.ok) {
      return { error: t('jitaiEvents.pythonPath "{0}" cannot be run ({1})', configured, probe.reason), fix: fixSetting(t) };
    }
    if (!isSupportedVersion(probe.version)) return { error: tooOld(configured, probe.version, t), fix: fixSetting(t) };
    return { path: configured, version: probe.version, source: 'setting' };
  }

  const tried: string[] = [];
  const extensionPath = opts.pythonExtensionPath?.trim();
  if (extensionPath) {
    const probe = await probePython(extensionPath, env, t);
    if (probe.ok && isSupportedVersion(probe.version)) return { path: extensionPath, version: probe.version, source: 'python-extension' };
    tried.push(t('{0} (Python extension: {1})', extensionPath, probe.ok ? t('version {0}', probe.version) : probe.reason));
  }

  const names = process.platform === 'win32' ? ['python', 'python3'] : ['python3', 'python'];
  for (const name of names) {
    const probe = await probePython(name, env, t);
    if (probe.ok && isSupportedVersion(probe.version)) {
      // The absolute interpreter path (skips shims such as pyenv's on every run).
      return { path: probe.executable || name, version: probe.version, source: 'path' };
    }
    tried.push(`${name} (${probe.ok ? t('version {0}', probe.version) : probe.reason})`);
  }
  return { error: t('No Python 3.8+ found; tried {0}', tried.join(', ')), fix: fixInstall(t) };
}
