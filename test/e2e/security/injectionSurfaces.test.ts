import { afterAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import type { Plan } from '../../../src/domain/plan.js';
import { CallbackIds } from '../../../src/slack/ui/ids.js';
import { changed, standardTemplate } from '../../domain/review/fixtures.js';
import { mentionableIds } from '../../render/support/renderedText.js';
import { cleanPlan, OWNER } from '../../services/publish/publishHarness.js';
import { useE2e } from '../../support/app/e2e.js';
import { modalDriver } from '../../support/app/modalDriver.js';
import { connectTestRedis, uniqueWorkspace } from '../../support/redis/testRedis.js';
import { newChannel, publishActions } from '../publish/publishE2e.js';
import {
  ATTACK,
  attacked,
  interpretedTexts,
  looseAmpersands,
  markdownLinks,
  offences,
  textsOfCall,
} from './injectionScan.js';
import { publishConfirming } from './publishConfirming.js';

/**
 * One plan whose title, every text answer and every list cell is an injection string, driven
 * through every surface of the real app: list, App Home, preview, the interview modals, publish
 * (summary, section threads, what-changed), and the Markdown and YAML exports. Then every payload
 * the fake Slack recorded is read the way Slack would read it.
 */

const e2e = useE2e({ env: { SCHEDULER_TICK: '0 0 1 1 *' } });
const redis = connectTestRedis();
afterAll(async () => {
  await redis.quit();
});
const act = publishActions(e2e, redis);

describe('an injection in every field of every surface', () => {
  it('pings nobody and forges no link anywhere Slack shows it, nor in the exports', async () => {
    e2e.slack.setUser(OWNER, { locale: 'en-US' });
    const team = uniqueWorkspace();
    const channel = newChannel();
    const doc = attacked(
      changed(cleanPlan(channel), (p) => {
        p.meta.channel = channel;
      }),
      'v1',
    );
    const record = await act.createPlan(team, doc);
    const id = record.id;

    // Browse: list message, App Home, preview modal.
    await act.command(team, OWNER, 'list');
    await e2e.client.event({
      teamId: team,
      event: { type: 'app_home_opened', user: OWNER, tab: 'home' },
    });
    await e2e.slack.waitForCall('views.publish', (c) => c.args.user_id === OWNER);
    await act.command(team, OWNER, `preview ${id}`);
    await e2e.slack.waitForCall('views.open', (c) => JSON.stringify(c.args.view).includes('evil'));

    // Publish v1: summary and one thread reply per section.
    await publishConfirming(e2e, act, { team, id, channel, n: 1 });

    // The interview modals show every answer back; one answer changes on the way.
    const modal = modalDriver(e2e, { teamId: team, userId: OWNER });
    await modal.command(`edit ${id}`);
    const modalViews: unknown[] = [modal.view];
    for (let step = 0; step < 12 && modal.view.callback_id === CallbackIds.section; step++) {
      const blocks = modal.blockIds();
      const res = await modal.submit(
        blocks.includes('f|description') ? { 'f|description': `v2 ${ATTACK}` } : {},
      );
      expect(res.status).toBe(200);
      // Views answered inline (response_action) never reach the fake's call log: keep them.
      modalViews.push(modal.view);
      if (JSON.stringify(res.body).includes('"errors"')) break;
    }

    // Publish v2: a "what changed" reply quoting the old and new attack.
    await publishConfirming(e2e, act, { team, id, channel, n: 2 });

    // Exports: Markdown and YAML to the DM.
    await act.command(team, OWNER, `export ${id}`);
    await act.command(team, OWNER, `export ${id} yaml`);
    await expect
      .poll(() => e2e.slack.uploadedFiles().filter((f) => f.channelId?.startsWith('D')).length)
      .toBe(2);

    // --- What Slack would render ---
    const allowed = mentionableIds(doc, standardTemplate());
    const calls = e2e.slack.calls.filter((c) =>
      /^(chat\.|views\.|response_url|files\.completeUploadExternal)/.test(c.method),
    );
    const texts = [
      ...calls.flatMap(textsOfCall),
      ...modalViews.flatMap((view) => interpretedTexts(view, 'interview modal')),
    ];
    const sectionModals = modalViews.filter(
      (v) => (v as { callback_id?: string }).callback_id === CallbackIds.section,
    );
    expect(sectionModals.length).toBeGreaterThanOrEqual(standardTemplate().sections.length);
    console.info(
      `injection: ${calls.length} Slack calls and ${modalViews.length} inline views, ${texts.length} parsed texts, ${e2e.slack.uploadedFiles().length} files`,
    );
    expect(offences(texts, allowed)).toEqual([]);
    // Every & in a parsed text is one of the three entities Slack understands.
    expect(looseAmpersands(texts)).toEqual([]);
    expect(markdownLinks(texts)).toEqual([]);
    // The attack really reached these surfaces (the test would prove nothing otherwise).
    const surfaces = new Set(
      texts
        .filter(({ text }) => text.includes('evil.example'))
        .map(({ where }) => where.split(' ')[0]),
    );
    expect([...surfaces].sort()).toEqual(
      expect.arrayContaining([
        'chat.postMessage',
        'response_url',
        'views.open',
        'views.publish',
        'interview',
      ]),
    );
    // v2's thread opens with what changed: the new description, escaped.
    const [, v2] = act.summaries(channel);
    const whatChanged = JSON.stringify(act.thread(channel, v2?.ts)[0]);
    expect(whatChanged).toContain('v2 &lt;!channel&gt;');

    // --- The exports ---
    const files = e2e.slack.uploadedFiles();
    const markdownFiles = files.filter((f) => f.filename?.endsWith('.md'));
    expect(markdownFiles.length).toBeGreaterThanOrEqual(1);
    for (const file of markdownFiles) {
      const md = file.content ?? '';
      expect(md).toContain('evil.example');
      expect(md, file.filename).not.toMatch(/(^|[^\\])\[[^\]]*\]\(https:\/\/evil/m);
      expect(md, file.filename).not.toMatch(/(^|[^\\])<(?!br>)/m);
      // No heading smuggled in: `# heading` from user text is escaped or indented.
      expect(md.split('\n').filter((l) => /^#{1,6} heading/.test(l))).toEqual([]);
    }
    const yamlFile = files.find((f) => f.filename?.endsWith('.yaml'));
    expect(yamlFile).toBeDefined();
    // The YAML carries the attack as data: read back, every text is exactly what was stored.
    const readBack = parse(yamlFile?.content ?? '') as Plan;
    expect(readBack.meta.title).toBe(doc.meta.title);
    expect(readBack.sections.product?.description).toBe(`v2 ${ATTACK}`);
    expect(Object.keys(readBack).sort()).toEqual(['meta', 'schemaVersion', 'sections']);
  }, 60_000);
});
