/** The texts Debug handler shows when the Python Debugger extension or debugpy is missing. Pure (takes the formatter). */
import type { Localize } from '../../../shared/src/l10n';
import { PYTHON_DEBUGGER_EXTENSION } from '../../../shared/src/runner/debugLaunch';

export interface DebuggerMissing { message: string; install: string; show: string }

/** No `debugpy` debug type: the Python Debugger extension is not installed (it brings debugpy with it). */
export function missingDebuggerExtension(t: Localize): DebuggerMissing {
  return {
    message: t('Debug Handler needs the Python Debugger extension ({0}), which brings debugpy. Install it, then run Debug Handler again. (Other editors: {1})',
      PYTHON_DEBUGGER_EXTENSION, 'python -m pip install debugpy'),
    install: t('Install Python Debugger'),
    show: t('Show in Extensions'),
  };
}

/** The session did not start: most often the interpreter cannot load debugpy. */
export function debuggerNotStarted(t: Localize, pythonPath: string): string {
  return t('The debugger did not start for {0}. If the Python Debugger reports that debugpy is missing, run: {1}',
    pythonPath, `"${pythonPath}" -m pip install debugpy`);
}
