/** Where `jitai-events` writes: stdout/stderr writers that survive a closed pipe or a full disk, and ANSI styles. */
import type { Localize } from '../../../shared/src/l10n';
import type { ReportStyle } from '../../../shared/src/runReport';

/** What a command writes to and how it words it. */
export interface CliIo {
  out: (s: string) => void;
  err: (s: string) => void;
  t: Localize;
}

/** The run report's styles, plus `info` for the check output's info severity. */
export type CliStyle = ReportStyle | 'info';

const ANSI: Record<CliStyle, string> = { heading: '1', ok: '32', warning: '33', error: '31', sender: '36', info: '36' };

/** ANSI colours when `color` is on, plain text otherwise. */
export function ansiPaint(color: boolean): (style: CliStyle, text: string) => string {
  return (style, text) => (color ? `\x1b[${ANSI[style]}m${text}\x1b[0m` : text);
}

/** A write function, and why the stream stopped taking output (undefined while it works). */
export interface GuardedWriter {
  write: (s: string) => void;
  failure: () => NodeJS.ErrnoException | undefined;
}

/**
 * A writer for process.stdout / process.stderr. A reader that goes away (`| head`, EPIPE) or a device
 * that cannot take more (`> /dev/full`, ENOSPC) makes Node emit 'error' on the stream, which would
 * crash with a stack trace; here it only stops further writes and is remembered, so the command ends
 * with its usual exit code.
 */
export function guardedWriter(stream: NodeJS.WriteStream): GuardedWriter {
  let failed: NodeJS.ErrnoException | undefined;
  stream.on('error', (e: NodeJS.ErrnoException) => { failed ??= e; });
  return {
    write: (s) => {
      if (failed || stream.destroyed) return;
      try {
        stream.write(s);
      } catch (e) {
        failed ??= e as NodeJS.ErrnoException;
      }
    },
    failure: () => failed,
  };
}
