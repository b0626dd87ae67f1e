/**
 * Process control for handler runs: the Python process is the leader of its own process group so a
 * timeout or a cancel kills everything the handler started (child processes included).
 */
import { spawn, type ChildProcess, type SpawnOptions } from 'node:child_process';

export function spawnInOwnGroup(command: string, args: string[], options: SpawnOptions): ChildProcess {
  return spawn(command, args, {
    ...options,
    // POSIX: setsid(), the child leads a new process group whose id is its pid.
    detached: process.platform !== 'win32',
    windowsHide: true,
  });
}

/** Kills the process and every process in its group (POSIX) or tree (Windows). Never throws. */
export function killProcessTree(child: ChildProcess): void {
  const pid = child.pid;
  if (pid === undefined) return;
  if (process.platform === 'win32') {
    try {
      const killer = spawn('taskkill', ['/pid', String(pid), '/T', '/F'], { stdio: 'ignore', windowsHide: true });
      killer.on('error', () => { try { child.kill(); } catch { /* already gone */ } });
    } catch {
      try { child.kill(); } catch { /* already gone */ }
    }
    return;
  }
  try {
    process.kill(-pid, 'SIGKILL');
  } catch {
    // ESRCH: the group is already empty. Fall back to the leader alone in case it was not a group leader.
    try { child.kill('SIGKILL'); } catch { /* already gone */ }
  }
}
