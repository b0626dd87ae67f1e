/** Entry of the `jitai-events` command (bundled as dist/cli.js): the only CLI module that runs something when loaded. */
import { dispatch } from './dispatch';
import { guardedWriter } from './output';

const stdout = guardedWriter(process.stdout);
const stderr = guardedWriter(process.stderr);

// A write error arrives as an event after the write, so it is looked at when the process ends. A closed
// pipe (`| head`) is the reader's choice and stays silent; other lost output (a full disk) gets one line.
process.on('exit', () => {
  const lost = stdout.failure();
  if (lost && lost.code !== 'EPIPE') stderr.write(`jitai-events: output not written (${lost.code ?? lost.message})\n`);
});

dispatch(process.argv.slice(2), { out: stdout.write, err: stderr.write, stdoutIsTTY: !!process.stdout.isTTY, env: process.env }).then(
  (code) => { process.exitCode = code; },
  (e: unknown) => {
    // Never a stack trace: one line saying what failed.
    stderr.write(`jitai-events: ${e instanceof Error ? e.message : String(e)}\n`);
    process.exitCode = 2;
  },
);
