import { availableParallelism, loadavg } from "node:os";

/**
 * Threads a large fit or batch score uses when the caller does not say: 2 when this machine has a core to spare,
 * else 1. A helper thread only pays when it gets a core of its own: measured with `npm run bench -- gbdt` on the
 * 2-core machine, it made the wallet fit 1.6× and its 240k-row scoring 1.7× faster at a load average of 1.9, and
 * made fits up to 1.5× slower at load averages of 4 to 10 (every tree node is a barrier, and each barrier then waits
 * out another process's time slice). So the 1-minute load average decides; it cannot change any result, only how
 * long it takes.
 */
export function defaultThreads(): number {
  const cores = availableParallelism();
  return cores >= 2 && loadavg()[0]! < cores ? 2 : 1;
}
