import { afterAll, describe, expect, it } from 'vitest';
import { type Plan, PlanSchema } from '../../../src/domain/plan.js';
import { builtinTemplates } from '../../../src/domain/templateLoader.js';
import { decodeOpenSection } from '../../../src/slack/ui/browse/browseValues.js';
import { ActionIds, CallbackIds } from '../../../src/slack/ui/ids.js';
import { RedisDraftStore } from '../../../src/store/redis/redisDraftStore.js';
import { createPlanDraft, flawedPlanDoc, planDoc } from '../../services/browse/planDrafts.js';
import { useE2e } from '../../support/app/e2e.js';
import { connectTestRedis, uniqueWorkspace } from '../../support/redis/testRedis.js';
import { openedView } from '../../support/slack/signedRequests.js';
import { browseActions, readable } from './browseE2e.js';

const e2e = useE2e();
const act = browseActions(e2e);
const redis = connectTestRedis();
afterAll(async () => {
  await redis.quit();
});
// Drafts are written straight into the app's Redis, as the interview would have saved them.
const drafts = new RedisDraftStore<Plan>(redis, PlanSchema);

const ME = 'U0ME000001';
const COLLEAGUE = 'U0COLLEAG1';
const STRANGER = 'U0STRANGE1';

describe('/opsplan list over signed HTTP', () => {
  it('lists my drafts (owned and edited), not other people’s, not another workspace’s', async () => {
    e2e.slack.setUser(ME, { locale: 'en-US' });
    const team = uniqueWorkspace();
    const mine = await createPlanDraft(drafts, team, planDoc(ME, 'My own <!channel> plan'));
    const shared = await createPlanDraft(drafts, team, planDoc(COLLEAGUE, 'Shared plan', [ME]));
    await createPlanDraft(drafts, team, planDoc(COLLEAGUE, 'Colleague only'));
    await createPlanDraft(drafts, uniqueWorkspace(), planDoc(ME, 'Other workspace plan'));

    const reply = await act.command(team, ME, 'list');
    expect(reply.response_type).toBe('ephemeral');
    const text = readable(reply.blocks, reply.text);
    expect(text).toContain('My own &lt;!channel&gt; plan');
    expect(text).not.toContain('<!channel>');
    expect(text).toContain('Shared plan');
    expect(text).toContain(mine.id);
    expect(text).toContain(shared.id);
    expect(text).not.toContain('Colleague only');
    expect(text).not.toContain('Other workspace plan');
    // Newest first: the shared plan was created after mine.
    expect(text.indexOf('Shared plan')).toBeLessThan(text.indexOf('My own'));
  });

  it('speaks Chinese through the 列表 alias, and says when there is nothing yet', async () => {
    e2e.slack.setUser('U0CHINESE1', { locale: 'zh-CN' });
    const empty = await act.command(uniqueWorkspace(), 'U0CHINESE1', '列表');
    expect(empty.text).toContain('你还没有任何计划或草稿');
  });

  it('Preview from the list opens the preview modal of that plan', async () => {
    e2e.slack.setUser(ME, { locale: 'en-US' });
    const team = uniqueWorkspace();
    const plan = await createPlanDraft(drafts, team, planDoc(ME, 'Listed plan'));
    const reply = await act.command(team, ME, 'list');
    const opened = e2e.slack.callsTo('views.open').length;
    const res = await act.clickInMessage(team, ME, reply, {
      action_id: ActionIds.planPreview,
      block_id: `plan.${plan.id}.actions`,
      value: plan.id,
    });
    expect(res.status).toBe(200);
    const view = openedView(await act.nextCall('views.open', opened));
    expect(view.callback_id).toBe(CallbackIds.preview);
    expect(readable(view.blocks as unknown[])).toContain('Listed plan');
  });
});

describe('/opsplan preview over signed HTTP', () => {
  it('opens the plan with its findings; a finding’s button opens its section in the same modal', async () => {
    e2e.slack.setUser(ME, { locale: 'en-US' });
    const team = uniqueWorkspace();
    const plan = await createPlanDraft(drafts, team, flawedPlanDoc(ME, 'Needs work'));
    const view = await act.commandOpening(team, ME, 'preview Needs work');
    expect(view.callback_id).toBe(CallbackIds.preview);
    const findings = view.blocks.filter(
      (b) =>
        b.type === 'section' &&
        b.accessory?.type === 'button' &&
        b.accessory.action_id === ActionIds.openSection,
    );
    expect(findings.length).toBeGreaterThan(0);
    const first = findings[0];
    if (first?.type !== 'section' || first.accessory?.type !== 'button')
      throw new Error('no finding');
    const target = decodeOpenSection(first.accessory.value);
    expect(target?.p).toBe(plan.id);

    const updates = e2e.slack.callsTo('views.update').length;
    await act.clickInView(team, ME, view, {
      action_id: ActionIds.openSection,
      block_id: first.block_id ?? '',
      value: first.accessory.value ?? '',
    });
    const update = await act.nextCall('views.update', updates);
    expect(update.args.view_id).toBe(view.id);
    const step = openedView(update);
    expect(step.callback_id).toBe(CallbackIds.section);
    const section = builtinTemplates()
      .get('standard')
      ?.sections.find((s) => s.id === target?.s);
    // The interview speaks the plan's own language.
    expect(String((step.title as { text: string }).text)).toContain(
      section?.titleShort[plan.doc.meta.language],
    );
  });

  it('asks which plan when a title is ambiguous, and explains an unknown one', async () => {
    e2e.slack.setUser(ME, { locale: 'en-US' });
    const team = uniqueWorkspace();
    const a = await createPlanDraft(drafts, team, planDoc(ME, 'Twin'));
    const b = await createPlanDraft(drafts, team, planDoc(ME, 'twin'));
    const reply = await act.command(team, ME, 'preview Twin');
    expect(reply.text).toContain('Several plans match');
    const text = readable(reply.blocks);
    expect(text).toContain(`/opsplan preview ${a.id}`);
    expect(text).toContain(`/opsplan preview ${b.id}`);
    const unknown = await act.command(team, ME, 'preview nothing like it');
    expect(unknown.text).toContain('No plan matches');
    expect(unknown.text).toContain('/opsplan list');
  });

  it('refuses someone who is neither owner nor editor, and opens nothing', async () => {
    e2e.slack.setUser(STRANGER, { locale: 'en-US' });
    const team = uniqueWorkspace();
    const plan = await createPlanDraft(drafts, team, planDoc(ME, 'Not yours'));
    const opened = e2e.slack.callsTo('views.open').length;
    const reply = await act.command(team, STRANGER, `preview ${plan.id}`);
    expect(reply.text).toContain('Only the owner and the editors');
    expect(e2e.slack.callsTo('views.open').length).toBe(opened);
    // The same id from another workspace is simply not found.
    const elsewhere = await act.command(uniqueWorkspace(), ME, `preview ${plan.id}`);
    expect(elsewhere.text).toContain('No plan matches');
  });
});
