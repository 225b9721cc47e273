import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { type Plan, PlanSchema } from '../../src/domain/plan.js';
import { PLAN_YAML_MAX_CHARS, parsePlanYaml, planToYaml } from '../../src/domain/planYaml.js';
import { builtinTemplates } from '../../src/domain/templateLoader.js';
import { CallbackIds } from '../../src/slack/ui/ids.js';
import { ImportBlockIds } from '../../src/slack/ui/transfer/importModal.js';
import { RedisDraftStore } from '../../src/store/redis/redisDraftStore.js';
import { workspaceKey } from '../../src/store/workspaceKey.js';
import { examplePlan, smallPlan } from '../services/transfer/transferFixtures.js';
import { useE2e } from '../support/app/e2e.js';
import { modalDriver } from '../support/app/modalDriver.js';
import { spawnApp } from '../support/app/spawnApp.js';
import { TEST_BOT_TOKEN, TEST_SIGNING_SECRET } from '../support/app/testApp.js';
import { connectTestRedis, uniqueWorkspace } from '../support/redis/testRedis.js';
import { startFakeSlackApi } from '../support/slack/fakeSlackApi.js';
import { createSlackRequestClient, openedView } from '../support/slack/signedRequests.js';
import { aliasBomb, createFuzzer, deeplyNested, truncate } from './fuzzCases.js';

const REPO = fileURLToPath(new URL('../../', import.meta.url));
const templates = builtinTemplates();
const options = { templates: (id: string) => templates.get(id) };
const SEED = 7_2026;

let HAND_WRITTEN = 0;

/** Malformed YAML plans, from a seed: what users paste or attach by mistake, and what attackers try. */
function malformedCorpus(count: number): Array<{ name: string; text: string }> {
  const fuzz = createFuzzer(SEED);
  const valid = planToYaml(examplePlan('en', 'U0OWNER0001'));
  const corpus = [
    { name: 'empty', text: '' },
    { name: 'a scalar', text: 'just words' },
    { name: 'a list', text: '- a\n- b' },
    { name: 'alias bomb (9^9)', text: aliasBomb(9) },
    { name: 'alias bomb with merge keys', text: `${aliasBomb(6)}\nm: {<<: *a6}` },
    { name: 'nesting 200 deep (flow)', text: deeplyNested(200, true) },
    { name: 'nesting 60 deep (block)', text: deeplyNested(60, false) },
    { name: 'a 1,000,000-character key', text: `${'k'.repeat(1_000_000)}: 1` },
    {
      name: 'a 1024-character key in meta',
      text: `schemaVersion: 1\nmeta:\n  ${'k'.repeat(1024)}: x`,
    },
    { name: 'over the size cap', text: `# ${'x'.repeat(PLAN_YAML_MAX_CHARS)}` },
    { name: 'duplicate keys', text: 'schemaVersion: 1\nschemaVersion: 2\n' },
    { name: 'JS function tag', text: 'schemaVersion: !!js/function "function(){}"' },
    { name: 'binary tag', text: 'schemaVersion: !!binary aGVsbG8=' },
    { name: 'custom tag', text: '!<tag:evil.example,2026:x> {}' },
    { name: '__proto__ key', text: '__proto__: {polluted: true}\nschemaVersion: 1' },
    { name: 'two documents', text: `${valid}\n---\n${valid}` },
    { name: 'NUL and lone surrogates', text: 'schemaVersion: 1\nmeta: "\u0000\uD800"' },
    { name: 'tabs as indentation', text: 'meta:\n\ttitle: x' },
    { name: 'schemaVersion 999', text: valid.replace('schemaVersion: 1', 'schemaVersion: 999') },
  ];
  HAND_WRITTEN = corpus.length;
  for (let i = 0; corpus.length < count; i++) {
    const roll = fuzz.random();
    if (roll < 0.4) corpus.push({ name: `truncated #${i}`, text: truncate(fuzz, valid) });
    else if (roll < 0.6) corpus.push({ name: `random bytes #${i}`, text: fuzz.bytes(3000) });
    else if (roll < 0.8) {
      // A valid plan with one line replaced by junk.
      const lines = valid.split('\n');
      lines[fuzz.int(0, lines.length - 1)] = fuzz.junkString().slice(0, 200);
      corpus.push({ name: `line replaced #${i}`, text: lines.join('\n') });
    } else {
      const cut = fuzz.int(0, valid.length);
      const junk = fuzz.pick(['[', '{', '&a', '*a', '!!', ': :', '"', "'", '|', '>', '- ', '? ']);
      corpus.push({
        name: `junk spliced #${i}`,
        text: valid.slice(0, cut) + junk + valid.slice(cut),
      });
    }
  }
  return corpus;
}

describe(`malformed YAML plans (seed ${SEED})`, () => {
  const corpus = malformedCorpus(200);

  it('every one is refused with located, bilingual reasons — never a throw, never slow', () => {
    let refused = 0;
    let slowest = 0;
    for (const { name, text } of corpus) {
      const started = performance.now();
      let result: ReturnType<typeof parsePlanYaml>;
      try {
        result = parsePlanYaml(text, options);
      } catch (err) {
        throw new Error(`${name}: parsePlanYaml threw ${String(err)}`);
      }
      slowest = Math.max(slowest, performance.now() - started);
      if (result.ok) {
        // A cut can land where the rest was optional; what parsed must then be a real plan.
        expect(PlanSchema.safeParse(result.plan).success, name).toBe(true);
        continue;
      }
      refused++;
      expect(result.problems.length, name).toBeGreaterThan(0);
      for (const problem of result.problems) {
        expect(problem.message.en.trim(), name).not.toBe('');
        expect(problem.message['zh-CN'].trim(), name).not.toBe('');
      }
    }
    console.info(
      `yaml fuzz: ${corpus.length} inputs, ${refused} refused, slowest ${Math.round(slowest)} ms`,
    );
    // The hand-written attacks at the head of the corpus are all refused.
    for (const { name, text } of corpus.slice(0, HAND_WRITTEN))
      expect(parsePlanYaml(text, options).ok, name).toBe(false);
    expect(slowest).toBeLessThan(2_000);
  });

  it('an alias bomb is refused, not expanded', () => {
    const result = parsePlanYaml(aliasBomb(9), options);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.problems[0]?.message.en).toMatch(/alias/i);
  });
});

/** Runs support/parseYamlTwice.ts in a child process: a fatal error must not take the test run down. */
function parseTwiceInChild(
  text: string,
): Promise<{ code: number | null; lines: string[]; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', 'test/fuzz/support/parseYamlTwice.ts'],
      {
        cwd: REPO,
        env: { PATH: process.env.PATH ?? '' },
        stdio: ['pipe', 'pipe', 'pipe'],
      },
    );
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (c: string) => (stdout += c));
    child.stderr.setEncoding('utf8').on('data', (c: string) => (stderr += c));
    child.on('exit', (code) =>
      resolve({ code, lines: stdout.split('\n').filter((l) => l.startsWith('{')), stderr }),
    );
    child.stdin.end(text);
  });
}

describe('deeply nested YAML imported twice in one process', () => {
  // 1,000 `[` overflow the yaml parser's stack, and a second such parse in the same process used
  // to abort Node ("FATAL ERROR: RegExpCompiler Allocation failed"). parseYamlSource now refuses
  // absurd nesting before parsing, for every caller (import, CLI, templates).
  it('is refused twice with a clear error and the process survives', async () => {
    const { code, lines, stderr } = await parseTwiceInChild('['.repeat(1000));
    expect(stderr).not.toContain('FATAL ERROR');
    expect(code).toBe(0);
    expect(lines).toHaveLength(2);
    for (const line of lines) {
      const outcome = JSON.parse(line) as { ok: boolean; problems: string[] };
      expect(outcome.ok).toBe(false);
      expect(outcome.problems.join(' ')).toMatch(/nest|deep|YAML/i);
    }
  }, 30_000);
});

describe('malformed YAML through the import modal', () => {
  const e2e = useE2e({ env: { SCHEDULER_TICK: '0 0 1 1 *' } });
  const redis = connectTestRedis();
  const drafts = new RedisDraftStore<Plan>(redis, PlanSchema);
  afterAll(() => redis.disconnect());

  const pastes = [
    ['random bytes', createFuzzer(1).bytes(2500)],
    ['truncated plan', planToYaml(smallPlan('U0OWNER0001')).slice(0, 700)],
    ['alias bomb', aliasBomb(9)],
    ['nesting 200 deep', deeplyNested(200, true)],
    ['a 2,900-character key', `${'k'.repeat(2900)}: 1`],
    ['over Slack’s 3,000-character cap', `# ${'x'.repeat(5000)}`],
  ] as const;

  it.each(pastes)(
    '%s: the modal stays open with a clear error and nothing is created',
    async (_n, text) => {
      const teamId = uniqueWorkspace();
      const userId = 'U0IMPORTER1';
      const modal = modalDriver(e2e, { teamId, userId });
      await modal.command('import');
      const res = await modal.submit({ [ImportBlockIds.paste]: text });
      expect(res.status).toBe(200);
      expect(res.ms).toBeLessThan(3_000);
      const body = res.body as { response_action?: string; errors?: Record<string, string> };
      expect(body.response_action).toBe('errors');
      expect(body.errors?.[ImportBlockIds.paste]?.length ?? 0).toBeGreaterThan(10);
      expect(modal.view.callback_id).toBe(CallbackIds.importPlan);
      expect(await drafts.listForUser(workspaceKey({ teamId }), userId)).toEqual([]);
    },
  );
});

describe('the running app (npm start) given two deeply nested imports', () => {
  // Where a user would meet the bug below: the import service's nesting guard
  // (src/domain/yamlNesting.ts › nestedTooDeeply) refuses the text before YAML
  // parsing, so the process survives. This keeps it so.
  it('answers both with an inline error and keeps answering /healthz', async () => {
    const slack = await startFakeSlackApi({ botToken: TEST_BOT_TOKEN });
    const app = spawnApp({
      SLACK_BOT_TOKEN: TEST_BOT_TOKEN,
      SLACK_SIGNING_SECRET: TEST_SIGNING_SECRET,
      SLACK_API_URL: slack.url,
      REDIS_URL: inject('redisUrl'),
      PORT: '0',
      SCHEDULER_TICK: '0 0 1 1 *',
    });
    try {
      const port = await app.started;
      const client = createSlackRequestClient({
        appUrl: `http://127.0.0.1:${port}`,
        signingSecret: TEST_SIGNING_SECRET,
      });
      const actor = { teamId: uniqueWorkspace(), userId: 'U0DEEPNEST1' };
      await client.slashCommand({ ...actor, text: 'import', responseUrl: slack.responseUrl() });
      const view = openedView(await slack.waitForCall('views.open'));
      for (let attempt = 1; attempt <= 2; attempt++) {
        const res = await client.viewSubmission({
          ...actor,
          view,
          values: { [ImportBlockIds.paste]: '['.repeat(1000) },
        });
        expect(res.status).toBe(200);
        const body = res.body as { response_action?: string; errors?: Record<string, string> };
        expect(body.response_action).toBe('errors');
        expect(body.errors?.[ImportBlockIds.paste]).toMatch(/nested far too deeply/);
      }
      const health = await fetch(`http://127.0.0.1:${port}/healthz`);
      expect(health.status).toBe(200);
    } finally {
      app.child.kill('SIGKILL');
      await app.exited;
      await slack.close();
    }
  }, 30_000);
});
