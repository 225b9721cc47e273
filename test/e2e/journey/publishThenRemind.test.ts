import { afterAll, describe, expect, it } from 'vitest';
import { createRedisScheduleStore } from '../../../src/store/redis/scheduleRedisStore.js';
import { workspaceKey } from '../../../src/store/workspaceKey.js';
import { cleanPlan } from '../../services/publish/publishHarness.js';
import { useE2e } from '../../support/app/e2e.js';
import { connectTestRedis, uniqueWorkspace } from '../../support/redis/testRedis.js';
import { newChannel, publishActions } from '../publish/publishE2e.js';

const e2e = useE2e();
const redis = connectTestRedis();
afterAll(async () => {
  await redis.quit();
});
const act = publishActions(e2e, redis);
const schedules = createRedisScheduleStore(redis);
const OWNER = 'U0OWNER1';

describe('a published plan is scheduled', () => {
  it('publishing through the app gives the plan its revision and KPI check-in schedules', async () => {
    e2e.slack.setUser(OWNER, { locale: 'en-US' });
    const team = uniqueWorkspace();
    const ws = workspaceKey({ teamId: team });
    const plan = cleanPlan(newChannel());
    const record = await act.createPlan(team, plan);
    expect(await schedules.listPlanSchedules(ws, record.id)).toEqual([]);

    const { later } = await act.command(team, OWNER, `publish ${record.id}`);
    expect(await later()).toContain('v1');

    const stored = await schedules.listPlanSchedules(ws, record.id);
    const kpiIds = Object.values(plan.sections)
      .flatMap((section) => Object.values(section))
      .filter(
        (value): value is Array<{ id: string; name: string; direction: string }> =>
          Array.isArray(value) &&
          value.some((row) => typeof row === 'object' && row && 'direction' in row),
      )
      .flat()
      .map((kpi) => kpi.id);
    expect(kpiIds.length).toBeGreaterThan(0);
    expect(stored.map((s) => `${s.kind}:${s.target}`).sort()).toEqual(
      ['revision_reminder:plan', ...kpiIds.map((id) => `kpi_checkin:${id}`)].sort(),
    );

    // App Home now tells the owner when the next revision reminder is due.
    const seen = new Set(e2e.slack.callsTo('views.publish'));
    await e2e.client.event({
      teamId: team,
      event: { type: 'app_home_opened', user: OWNER, channel: 'D0HOME0001', tab: 'home' },
    });
    const home = await e2e.slack.waitForCall(
      'views.publish',
      (c) => !seen.has(c) && c.args.user_id === OWNER,
    );
    expect(JSON.stringify(home.args.view)).toContain('Next revision reminder: ');
  });
});
