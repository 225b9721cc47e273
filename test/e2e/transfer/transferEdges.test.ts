import { once } from 'node:events';
import type { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PlanSchema } from '../../../src/domain/plan.js';
import { planToYaml } from '../../../src/domain/planYaml.js';
import { CallbackIds } from '../../../src/slack/ui/ids.js';
import { ImportBlockIds } from '../../../src/slack/ui/transfer/importModal.js';
import { RedisDraftStore } from '../../../src/store/redis/redisDraftStore.js';
import { workspaceKey } from '../../../src/store/workspaceKey.js';
import { smallPlan } from '../../services/transfer/transferFixtures.js';
import { useE2e } from '../../support/app/e2e.js';
import { modalDriver } from '../../support/app/modalDriver.js';
import { type RedisServerHandle, startRedisServer } from '../../support/redis/redisServer.js';
import { connectTestRedis, uniqueWorkspace } from '../../support/redis/testRedis.js';

// This file kills its Redis on purpose, so it gets its own server.
let redisServer: RedisServerHandle;
let redis: Redis;
beforeAll(async () => {
  redisServer = await startRedisServer({ appendonly: true });
  redis = connectTestRedis(redisServer.url);
});
afterAll(async () => {
  redis?.disconnect();
  await redisServer?.dispose();
});

const e2e = useE2e({ redisUrl: () => redisServer.url });
const ME = 'U0EDGES0001';

async function openImport(teamId: string) {
  const modal = modalDriver(e2e, { teamId, userId: ME });
  await modal.command('import');
  expect(modal.view.callback_id).toBe(CallbackIds.importPlan);
  return modal;
}

describe('import limits and outages', () => {
  it('refuses a file over the size limit without reading all of it', async () => {
    const teamId = uniqueWorkspace();
    const huge = e2e.slack.addUserFile({
      filename: 'huge.yaml',
      content: `# ${'x'.repeat(1_200_000)}\n`,
    });
    const modal = await openImport(teamId);
    const res = await modal.submit({ [ImportBlockIds.file]: { files: [huge] } });
    const body = res.body as { errors?: Record<string, string> };
    expect(body.errors?.[ImportBlockIds.file]).toMatch(/too large to import \(over 1 MB\)/);
    expect(res.ms).toBeLessThan(3000);
    // files.info already says how big it is: the bytes are never downloaded.
    expect(e2e.slack.callsTo('file_download')).toEqual([]);
    const drafts = new RedisDraftStore(redis, PlanSchema);
    expect(await drafts.listForUser(workspaceKey({ teamId }), ME)).toEqual([]);
  });

  it('refuses pasting and attaching at once', async () => {
    const modal = await openImport(uniqueWorkspace());
    const file = e2e.slack.addUserFile({ filename: 'p.yaml', content: 'schemaVersion: 1\n' });
    const res = await modal.submit({
      [ImportBlockIds.file]: { files: [file] },
      [ImportBlockIds.paste]: 'schemaVersion: 1\n',
    });
    expect((res.body as { errors?: Record<string, string> }).errors).toEqual({
      [ImportBlockIds.file]: 'Use either the attached file or the pasted text, not both.',
    });
  });

  it('with Redis down, keeps the modal open with the storage message, and imports once it is back', async () => {
    const teamId = uniqueWorkspace();
    const modal = await openImport(teamId);
    await redisServer.kill();
    const yaml = planToYaml(smallPlan(ME));
    const res = await modal.submit({ [ImportBlockIds.paste]: yaml });
    expect(res.status).toBe(200);
    expect(res.ms).toBeLessThan(3000);
    const body = res.body as { response_action?: string; errors?: Record<string, string> };
    expect(body.response_action).toBe('errors');
    expect(Object.values(body.errors ?? {}).join(' ')).toMatch(/Storage is unavailable/);

    await redisServer.restart();
    const appRedis = e2e.app.app.redis;
    if (appRedis.status !== 'ready') await once(appRedis, 'ready');
    const again = await modal.submit({ [ImportBlockIds.paste]: yaml });
    expect((again.body as { response_action?: string }).response_action).toBe('update');
    const drafts = new RedisDraftStore(redis, PlanSchema);
    expect(await drafts.listForUser(workspaceKey({ teamId }), ME)).toHaveLength(1);
  });
});
