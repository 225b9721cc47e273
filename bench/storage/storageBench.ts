import { Redis } from 'ioredis';
import { type Plan, PlanSchema } from '../../src/domain/plan.js';
import { builtinTemplates } from '../../src/domain/templateLoader.js';
import { createRedisKpiValuesStore } from '../../src/store/redis/kpiValuesRedisStore.js';
import { RedisPublishedStore } from '../../src/store/redis/publishedRedisStore.js';
import { RedisDraftStore } from '../../src/store/redis/redisDraftStore.js';
import type { WorkspaceKey } from '../../src/store/workspaceKey.js';
import { randomPlan } from '../../test/render/support/randomPlan.js';
import { startRedisServer } from '../../test/support/redis/redisServer.js';
import { usedMemory } from '../support/redisStats.js';
import { interviewPlan } from './interviewPlan.js';
import { type PlanYearStores, writePlanYear } from './planYear.js';

/** Section 3: Redis memory per plan-year, by kind of key, and as plans grow. */

export interface KeyGroup {
  /** The key's name with workspace, plan, KPI and week replaced by placeholders. */
  pattern: string;
  keys: number;
  bytes: number;
  /** True when the keys expire (they do not add up over the years). */
  expiring: boolean;
}

export interface StorageSample {
  plans: number;
  usedMemoryDelta: number;
  bytesPerPlan: number;
  writeMs: number;
}

export interface PlanSize {
  name: string;
  describe: string;
  /** JSON size of the plan document. */
  docBytes: number;
  /** MEMORY USAGE of the plan-year's keys, grouped. */
  groups: KeyGroup[];
}

export interface StorageResult {
  sizes: PlanSize[];
  growth: StorageSample[];
}

function stores(redis: Redis): PlanYearStores {
  return {
    drafts: new RedisDraftStore(redis, PlanSchema, { retentionDays: 90 }),
    published: new RedisPublishedStore(redis, PlanSchema),
    values: createRedisKpiValuesStore(redis),
  };
}

const template = () => {
  const t = builtinTemplates().get('standard');
  if (!t) throw new Error('no standard template');
  return t;
};

const PLAN_SIZES: Array<{ name: string; describe: string; plan: () => Plan }> = [
  {
    name: 'interview',
    describe: 'the e2e interview’s answers with 10 KPIs (what teams type)',
    plan: () => interviewPlan(1),
  },
  {
    name: 'random',
    describe:
      'randomPlan(standard, seed, 0): every text and list of random length up to its maximum',
    plan: () => randomPlan(template(), 3, 0),
  },
  {
    name: 'maximal',
    describe: 'randomPlan(standard, seed, 1): every text and list at its maximum',
    plan: () => randomPlan(template(), 2, 1),
  },
];

async function keyGroups(redis: Redis, ws: string): Promise<KeyGroup[]> {
  const groups = new Map<string, KeyGroup>();
  let cursor = '0';
  do {
    const [next, keys] = await redis.scan(cursor, 'MATCH', `*${ws}*`, 'COUNT', 1000);
    cursor = next;
    for (const key of keys) {
      const bytes = Number(await redis.call('MEMORY', 'USAGE', key, 'SAMPLES', '0'));
      const ttl = await redis.pttl(key);
      const pattern = key
        .replaceAll(ws, '{ws}')
        .replace(/kpi-\d+/g, '{kpi}')
        .replace(/\d{4}-W\d{2}/g, '{week}')
        .replace(/:[0-9A-Z]{8}(?=:|$|\})/g, ':{plan}');
      const group = groups.get(pattern) ?? { pattern, keys: 0, bytes: 0, expiring: ttl > 0 };
      group.keys += 1;
      group.bytes += bytes;
      groups.set(pattern, group);
    }
  } while (cursor !== '0');
  return [...groups.values()].sort((a, b) => b.bytes - a.bytes);
}

/** Writes `count` typical plan-years, `inFlight` at a time; returns the memory they added. */
async function growth(redis: Redis, count: number, prefix: string): Promise<StorageSample> {
  const s = stores(redis);
  const before = await usedMemory(redis);
  const t0 = performance.now();
  const inFlight = 50;
  let next = 0;
  const worker = async () => {
    for (let i = next++; i < count; i = next++) {
      const ws = `T0${prefix}${String(i).padStart(7, '0')}` as WorkspaceKey;
      await writePlanYear(s, ws, interviewPlan(i), template());
    }
  };
  await Promise.all(Array.from({ length: inFlight }, worker));
  const writeMs = performance.now() - t0;
  const usedMemoryDelta = (await usedMemory(redis)) - before;
  return { plans: count, usedMemoryDelta, bytesPerPlan: usedMemoryDelta / count, writeMs };
}

export async function runStorageBench(
  sizes: number[],
  log: (line: string) => void,
): Promise<StorageResult> {
  // Its own Redis: used_memory then counts nothing but these plans.
  const server = await startRedisServer();
  const redis = new Redis(server.url);
  try {
    const s = stores(redis);
    const planSizes: PlanSize[] = [];
    for (const size of PLAN_SIZES) {
      const ws = `T0SIZE${size.name.toUpperCase()}`;
      const plan = size.plan();
      await writePlanYear(s, ws as WorkspaceKey, plan, template());
      planSizes.push({
        name: size.name,
        describe: size.describe,
        docBytes: Buffer.byteLength(JSON.stringify(plan)),
        groups: await keyGroups(redis, ws),
      });
    }
    const samples: StorageSample[] = [];
    let written = 0;
    for (const size of sizes) {
      // Each size is the total so far: add the difference, measure the whole.
      const before = samples.at(-1);
      const added = await growth(redis, size - written, `G${size}`);
      written = size;
      const total = (before?.usedMemoryDelta ?? 0) + added.usedMemoryDelta;
      samples.push({
        plans: size,
        usedMemoryDelta: total,
        bytesPerPlan: total / size,
        writeMs: (before?.writeMs ?? 0) + added.writeMs,
      });
      log(`storage: ${size} plan-years, ${(total / size / 1024).toFixed(1)} KiB each`);
    }
    return { sizes: planSizes, growth: samples };
  } finally {
    redis.disconnect();
    await server.dispose();
  }
}
