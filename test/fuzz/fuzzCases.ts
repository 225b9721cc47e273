import { INJECTIONS, seededRandom } from '../render/support/randomPlan.js';

/**
 * Mutations for fuzzing the app's request handling: random bytes, truncations, oversized
 * values and structurally wrong JSON, all from a seeded PRNG so a failure replays exactly.
 */

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

export interface Fuzzer {
  random: () => number;
  int(min: number, max: number): number;
  pick<T>(items: readonly T[]): T;
  junkString(): string;
  junkValue(depth?: number): Json;
  bytes(max: number): string;
  /** A copy of `value` with one random leaf replaced, removed or blown up. */
  mutate(value: Json): Json;
}

const WEIRD = [
  '',
  ' ',
  '\u0000',
  '\uD800',
  '}{',
  '{"p":"PLANX","v":-1}',
  '{"p":{"$gt":""}}',
  '__proto__',
  'constructor',
  '../../etc/passwd',
  'opsplan:{T0}:draft:x',
  'null',
  'NaN',
  '9'.repeat(400),
  '运营计划书',
  '😀👨‍👩‍👧',
  '%ff%fe',
  '\r\n\r\n',
];

export function createFuzzer(seed: number): Fuzzer {
  const random = seededRandom(seed);
  const int = (min: number, max: number) => min + Math.floor(random() * (max - min + 1));
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;

  const junkString = (): string => {
    const roll = random();
    if (roll < 0.3) return pick(WEIRD);
    if (roll < 0.5) return pick(INJECTIONS);
    if (roll < 0.6) return 'x'.repeat(int(3_000, 40_000));
    let out = '';
    const length = int(0, 60);
    for (let i = 0; i < length; i++) out += String.fromCharCode(int(0, 0xffff));
    return out;
  };

  const junkValue = (depth = 0): Json => {
    const roll = random();
    if (roll < 0.15) return null;
    if (roll < 0.25) return pick([true, false, 0, -1, 1e308, 3.14, Number.MAX_SAFE_INTEGER]);
    if (roll < 0.6 || depth > 3) return junkString();
    if (roll < 0.8)
      return Array.from({ length: int(0, depth === 0 ? 120 : 5) }, () => junkValue(depth + 1));
    const obj: Record<string, Json> = {};
    for (let i = int(0, 5); i > 0; i--) obj[junkString().slice(0, 40)] = junkValue(depth + 1);
    return obj;
  };

  const bytes = (max: number): string => {
    const length = int(0, max);
    let out = '';
    for (let i = 0; i < length; i++) out += String.fromCharCode(int(0, 255));
    return out;
  };

  /** Every path to a value inside `value`, parents before children. */
  const paths = (value: Json, prefix: (string | number)[] = []): (string | number)[][] => {
    const found: (string | number)[][] = [prefix];
    if (Array.isArray(value)) {
      for (const [i, v] of value.entries()) found.push(...paths(v, [...prefix, i]));
    } else if (value && typeof value === 'object')
      for (const [k, v] of Object.entries(value)) found.push(...paths(v, [...prefix, k]));
    return found;
  };

  const mutate = (value: Json): Json => {
    const copy = structuredClone(value);
    const all = paths(copy).filter((p) => p.length > 0);
    const path = pick(all);
    const parentPath = path.slice(0, -1);
    let parent: Json = copy;
    for (const key of parentPath) parent = (parent as Record<string | number, Json>)[key] as Json;
    const last = path[path.length - 1] as string | number;
    const container = parent as Record<string | number, Json>;
    if (random() < 0.25) {
      if (Array.isArray(parent) && typeof last === 'number') parent.splice(last, 1);
      else delete container[last];
    } else {
      container[last] = junkValue();
    }
    return copy;
  };

  return { random, int, pick, junkString, junkValue, bytes, mutate };
}

/** `text` cut at a random point (possibly mid-escape or mid-character). */
export function truncate(fuzz: Fuzzer, text: string): string {
  return text.slice(0, fuzz.int(0, Math.max(0, text.length - 1)));
}

/** Nested `[`…`]` or mappings `depth` deep. */
export function deeplyNested(depth: number, flow: boolean): string {
  if (flow) return `${'['.repeat(depth)}${']'.repeat(depth)}`;
  return Array.from({ length: depth }, (_, i) => `${' '.repeat(i)}k${i}:`).join('\n');
}

/** The classic "billion laughs": nine aliases of nine aliases of … */
export function aliasBomb(levels: number): string {
  const lines = ['a0: &a0 ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]'];
  for (let i = 1; i <= levels; i++) {
    const prev = `*a${i - 1}`;
    lines.push(`a${i}: &a${i} [${Array.from({ length: 9 }, () => prev).join(',')}]`);
  }
  return lines.join('\n');
}
