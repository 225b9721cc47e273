import { afterAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import type { Plan } from '../../../src/domain/plan.js';
import { CallbackIds } from '../../../src/slack/ui/ids.js';
import { changed, standardTemplate } from '../../domain/review/fixtures.js';
import { foreignControls, mentionableIds } from '../../render/support/renderedText.js';
import { cleanPlan, OWNER } from '../../services/publish/publishHarness.js';
import { useE2e } from '../../support/app/e2e.js';
import { modalDriver } from '../../support/app/modalDriver.js';
import { connectTestRedis, uniqueWorkspace } from '../../support/redis/testRedis.js';
import type { RecordedCall } from '../../support/slack/fakeSlackApi.js';
import { openedView } from '../../support/slack/signedRequests.js';
import { newChannel, publishActions } from '../publish/publishE2e.js';

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

const ATTACK =
  '<!channel> <!here> <!everyone> <@U0VICTIM99> <!subteam^S0EVIL|x> <#C0EVIL99> ' +
  '<https://evil.example|click> & &amp; &lt;!here&gt; *bold* _it_ `code` ~strike~ ' +
  '[link](https://evil.example/md) | cell | \n> quote\n# heading';
const ROW_TEXT_KEYS = [
  'name',
  'unit',
  'goal',
  'successCriteria',
  'tasks',
  'item',
  'category',
  'source',
  'howToObtain',
  'title',
  'notes',
];

/** Every user-written text of `plan` replaced by the attack (kept within each field's limit). */
function attacked(plan: Plan, tag: string): Plan {
  return changed(plan, (draft) => {
    draft.meta.title = `${tag} <!channel> <@U0VICTIM99> <https://evil.example|t> & *t*`;
    for (const section of standardTemplate().sections) {
      const values = draft.sections[section.id] ?? {};
      for (const field of section.fields) {
        const value = values[field.id];
        if (
          typeof value === 'string' &&
          (field.type === 'short_text' || field.type === 'long_text')
        )
          values[field.id] = `${field.id}: ${ATTACK}`.slice(
            0,
            field.type === 'short_text' ? 150 : 3000,
          );
        if (!Array.isArray(value)) continue;
        for (const row of value) {
          if (typeof row !== 'object' || row === null) continue;
          const record = row as unknown as Record<string, unknown>;
          for (const key of ROW_TEXT_KEYS) {
            if (typeof record[key] !== 'string') continue;
            // A 30-character unit still carries a ping, a mention and a stray &.
            record[key] =
              key === 'unit' ? '<!channel><@U0VICTIM99>&*b*' : `${key} ${ATTACK}`.slice(0, 80);
          }
        }
      }
    }
  });
}

/** Controls the app writes itself: permalinks to the posted plan, with the app's own label. */
const APP_LINK = /^<https:\/\/[a-z0-9-]+\.slack\.com\/archives\/[A-Z0-9]+\/p\d+\|[^<>&]*>$/;

/** Dates the app formats with Slack's date token (digits and the app's own format only). */
const APP_DATE = /^<!date\^\d+\^\{date_short_pretty\} \{time\}\|[0-9TZ:. -]+( UTC)?>$/;

interface Interpreted {
  where: string;
  text: string;
}

/** Texts Slack parses for mentions and links: mrkdwn objects, markdown blocks, message `text`. */
function interpretedTexts(value: unknown, where: string, out: Interpreted[] = []): Interpreted[] {
  if (Array.isArray(value)) {
    for (const item of value) interpretedTexts(item, where, out);
    return out;
  }
  if (typeof value !== 'object' || value === null) return out;
  const record = value as Record<string, unknown>;
  if (record.type === 'mrkdwn' && typeof record.text === 'string')
    out.push({ where: `${where} mrkdwn`, text: record.text });
  if (record.type === 'markdown' && typeof record.text === 'string')
    out.push({ where: `${where} markdown block`, text: record.text });
  if (record.type === 'link' && typeof record.url === 'string')
    out.push({ where: `${where} rich_text link`, text: `<${record.url}>` });
  for (const child of Object.values(record)) interpretedTexts(child, where, out);
  return out;
}

function textsOfCall(call: RecordedCall): Interpreted[] {
  const where = `${call.method}${call.args.channel ? ` ${String(call.args.channel)}` : ''}`;
  const out: Interpreted[] = [];
  // A message's top-level text is mrkdwn (and the notification) unless mrkdwn is off.
  if (typeof call.args.text === 'string' && call.args.mrkdwn !== false)
    out.push({ where: `${where} text`, text: call.args.text });
  interpretedTexts(call.args.blocks, where, out);
  interpretedTexts(call.args.attachments, where, out);
  interpretedTexts(call.args.view, where, out);
  return out;
}

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
    await publish(team, id, channel, 1);

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
    await publish(team, id, channel, 2);

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
    const offences = texts.flatMap(({ where, text }) =>
      foreignControls(text, allowed)
        .filter((control) => !APP_LINK.test(control) && !APP_DATE.test(control))
        .map((control) => `${where}: ${control}`),
    );
    console.info(
      `injection: ${calls.length} Slack calls and ${modalViews.length} inline views, ${texts.length} parsed texts, ${e2e.slack.uploadedFiles().length} files`,
    );
    expect(offences).toEqual([]);
    // Every & in a parsed text is one of the three entities Slack understands.
    const looseAmpersands = texts
      .filter(({ text }) => /&(?!amp;|lt;|gt;)/.test(text))
      .map((t) => t.where);
    expect(looseAmpersands).toEqual([]);
    // Markdown blocks render [x](y) as links: only escaped brackets may come from user text.
    const markdownLinks = texts.filter(
      ({ where, text }) =>
        where.endsWith('markdown block') && /(^|[^\\])\[[^\]]*\]\(https:\/\/evil/.test(text),
    );
    expect(markdownLinks).toEqual([]);
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

/** `/opsplan publish <id>`, confirming review warnings if asked; resolves once version `n` is posted. */
async function publish(team: string, id: string, channel: string, n: number): Promise<void> {
  const opened = e2e.slack.callsTo('views.open').length;
  await act.command(team, OWNER, `publish ${id}`);
  await expect
    .poll(
      () =>
        act.summaries(channel).length >= n ||
        e2e.slack
          .callsTo('views.open')
          .slice(opened)
          .some((c) => isConfirm(c)),
      { timeout: 15_000 },
    )
    .toBe(true);
  const confirm = e2e.slack.callsTo('views.open').slice(opened).find(isConfirm);
  if (confirm && act.summaries(channel).length < n) {
    await e2e.client.viewSubmission({ teamId: team, userId: OWNER, view: openedView(confirm) });
  }
  await expect.poll(() => act.summaries(channel).length, { timeout: 15_000 }).toBe(n);
  const [summary] = act.summaries(channel).slice(-1);
  await expect
    .poll(() => act.thread(channel, summary?.ts).length, { timeout: 15_000 })
    .toBeGreaterThan(5);
}

function isConfirm(call: RecordedCall): boolean {
  return (
    (call.args.view as { callback_id?: string } | undefined)?.callback_id ===
    CallbackIds.publishConfirm
  );
}
