import type { ChildProcess } from 'node:child_process';

/**
 * Every child process group the local runtime spawned (today DynamoDB Local's JVM). The runtime
 * stops them gracefully; this registry is the backstop for every other way the Node process ends
 * (a second Ctrl-C, an uncaught error, process.exit during start-up): on exit, whatever is still
 * registered is killed with its whole process group, synchronously, so no child outlives us.
 * Module state on purpose: it mirrors OS state that belongs to the process, not to one runtime.
 */
const groups = new Set<ChildProcess>();

export function registerChildGroup(child: ChildProcess): void {
  groups.add(child);
  child.once('exit', () => groups.delete(child));
}

/** SIGKILL to the group of every registered child still running; returns how many were killed. */
export function killChildGroups(): number {
  let killed = 0;
  for (const child of groups) {
    if (killGroup(child, 'SIGKILL')) killed++;
  }
  return killed;
}

/** Signals a detached child's whole process group (the JVM and anything it started). */
export function killGroup(child: ChildProcess, signal: NodeJS.Signals): boolean {
  if (!child.pid || child.exitCode !== null || child.signalCode !== null) return false;
  try {
    process.kill(-child.pid, signal);
    return true;
  } catch {
    return false; // the group is already gone
  }
}

process.on('exit', () => {
  killChildGroups();
});
