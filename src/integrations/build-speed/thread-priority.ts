import { setPriority } from 'node:os';

/**
 * Drops the calling thread to the lowest CPU priority (nice 19), for work that should take only
 * what the build's other threads leave idle. On Linux the nice value belongs to a thread, so this
 * lowers this thread only (and processes it starts later); elsewhere it may lower the whole
 * process, which is harmless. Where it is not permitted, the thread keeps its priority.
 */
export function lowestPriority(): void {
  try {
    setPriority(19);
  } catch {
    // not permitted here: work at normal priority
  }
}
