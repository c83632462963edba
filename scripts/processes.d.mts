/** Types of processes.mjs: child processes started until ready and stopped with SIGTERM. */
import type { ChildProcess, SpawnOptions } from 'node:child_process';

export interface Child {
  /** Group 1 of the `ready` match (a URL or port). */
  ready: string;
  output(): string;
  stop(): Promise<void>;
}

/**
 * Spawns (no shell; stdio piped) and resolves with `ready`'s first match in stdout + stderr (group 1).
 * @throws (rejects) with the output if the process exits first or is not ready within `readyTimeoutMs` (default
 * 60,000 ms; then it is killed).
 */
export function spawnUntil(
  command: string,
  args: string[],
  ready: RegExp,
  options: SpawnOptions & { readyTimeoutMs?: number },
): Promise<Child>;

/** SIGTERM, resolving once `child` has exited (at once if it already has). */
export function stopChild(child: ChildProcess): Promise<void>;
