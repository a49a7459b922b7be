/**
 * Aborted when the bench is interrupted, so that no child process (a bundle being loaded, an
 * autocannon run) outlives it.
 */
export const childProcesses = new AbortController();
