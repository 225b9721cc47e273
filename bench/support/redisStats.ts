import type { Redis } from 'ioredis';

/** Redis' own counters: commands served (INFO commandstats) and memory (INFO memory). */

export async function commandCalls(redis: Redis): Promise<Map<string, number>> {
  const info = await redis.info('commandstats');
  const calls = new Map<string, number>();
  for (const match of info.matchAll(/^cmdstat_([^:]+):calls=(\d+)/gm)) {
    calls.set(match[1] as string, Number(match[2]));
  }
  return calls;
}

/** Commands served between two snapshots, by command, most frequent first. */
export function commandDelta(
  before: Map<string, number>,
  after: Map<string, number>,
  ignore: readonly string[] = ['info', 'config', 'ping'],
): Array<[string, number]> {
  const delta: Array<[string, number]> = [];
  for (const [name, calls] of after) {
    if (ignore.includes(name)) continue;
    const n = calls - (before.get(name) ?? 0);
    if (n > 0) delta.push([name, n]);
  }
  return delta.sort((a, b) => b[1] - a[1]);
}

export async function usedMemory(redis: Redis): Promise<number> {
  const info = await redis.info('memory');
  return Number(/^used_memory:(\d+)/m.exec(info)?.[1] ?? Number.NaN);
}
