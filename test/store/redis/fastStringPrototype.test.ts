import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

/**
 * Whether V8 keeps `String.prototype` fast (every string method call 3–5× slower otherwise), read
 * with V8's own `%HasFastProperties` in a fresh process: timings would be flaky, this is exact.
 */
const REPO = fileURLToPath(new URL('../../../', import.meta.url));

async function stringPrototypeIsFast(imports: string[]): Promise<boolean> {
  const code = `${imports.map((m) => `await import(${JSON.stringify(m)});`).join('\n')}
process.stdout.write(String(%HasFastProperties(String.prototype)));`;
  const { stdout } = await promisify(execFile)(
    process.execPath,
    ['--allow-natives-syntax', '--import', 'tsx', '--input-type=module', '-e', code],
    { cwd: REPO },
  );
  return stdout === 'true';
}

describe('String.prototype stays fast in a process that uses Redis', () => {
  it('is slowed by loading ioredis alone (why the repair exists; if this fails, ioredis no longer needs it)', async () => {
    expect(await stringPrototypeIsFast([])).toBe(true);
    expect(await stringPrototypeIsFast(['ioredis'])).toBe(false);
  });

  it('is fast again once the app’s Redis connection module has loaded', async () => {
    expect(await stringPrototypeIsFast(['./src/store/redisConnection.ts'])).toBe(true);
  });

  it('is fast in the composition root, which loads every store and Bolt', async () => {
    expect(await stringPrototypeIsFast(['./src/app.ts'])).toBe(true);
  });
});
