import {
  decodeSectionMetadata,
  encodeSectionMetadata,
} from '../../src/slack/ui/interview/sectionMetadata.js';
import { type Actor, modalDriver } from '../../test/support/app/modalDriver.js';
import { TEST_SIGNING_SECRET } from '../../test/support/app/testApp.js';
import type { FakeSlackApi } from '../../test/support/slack/fakeSlackApi.js';
import {
  createSlackRequestClient,
  slackSignature,
} from '../../test/support/slack/signedRequests.js';
import {
  newTriggerId,
  type PayloadDefaults,
  slashCommandForm,
  viewSubmissionPayload,
} from '../../test/support/slack/slackPayloads.js';
import type { PreparedRequest } from '../support/loadGenerator.js';

/** The two interactions under load, as signed Slack requests built from the test harness. */

type JsonObject = Record<string, unknown>;

export const DEFAULTS: PayloadDefaults = {
  apiAppId: 'A0FAKEAPP01',
  botUserId: 'U0FAKEBOT01',
  verificationToken: 'legacyVerificationTok3n',
};
const FORM = 'application/x-www-form-urlencoded';

/**
 * One workspace per bench user, the same in every run, so runs measure returning users as the
 * warm-up left them. (Random teams per run made every run's first request per user a first-time
 * user's: a users.info lookup through the busy fake Slack, which set the p99 at 50 clients.)
 */
export function benchActor(index: number): Actor {
  const n = String(index).padStart(4, '0');
  return { teamId: `T0BENCH${n}`, userId: `U0BENCH${n}` };
}

export function signed(body: string): PreparedRequest {
  const timestamp = Math.floor(Date.now() / 1000);
  return {
    body,
    headers: {
      'content-type': FORM,
      'x-slack-request-timestamp': String(timestamp),
      'x-slack-signature': slackSignature(TEST_SIGNING_SECRET, timestamp, body),
    },
  };
}

/** `/opsplan new …` from `actor`, with a trigger id the caller can match to the app's views.open. */
export function slashCommandRequest(
  slack: FakeSlackApi,
  actor: Actor,
): { request: PreparedRequest; triggerId: string } {
  const triggerId = newTriggerId();
  const form = slashCommandForm(
    { ...actor, text: 'new Growth plan 2027', responseUrl: slack.responseUrl(), triggerId },
    DEFAULTS,
  );
  return { request: signed(form.toString()), triggerId };
}

/** One user with a real draft, sitting on the first section step (product) of the interview. */
export interface SectionClient {
  actor: Actor;
  /** The product step as Slack holds it (id, blocks, private_metadata). */
  view: JsonObject;
  /** The draft version the next submission is based on. */
  version: number;
  sent: number;
}

/** Creates each user's draft through the real interview: `/opsplan new`, then the plan details. */
export async function prepareSectionClients(
  slack: FakeSlackApi,
  appUrl: string,
  count: number,
): Promise<SectionClient[]> {
  const client = createSlackRequestClient({ appUrl, signingSecret: TEST_SIGNING_SECRET });
  const clients: SectionClient[] = [];
  for (let i = 0; i < count; i++) {
    const actor = benchActor(i);
    // modalDriver only reads `slack` and `client` from its context.
    const modal = modalDriver({ slack, client } as Parameters<typeof modalDriver>[0], actor);
    await modal.command('new Growth plan 2027');
    const details = await modal.submit({
      'd|template': 'standard',
      'd|stage': 'growth',
      'd|audience': 'investors',
      'd|start': '2027-01-01',
      'd|end': '2027-12-31',
      'd|channel': 'C0PLANS0001',
      'd|language': i % 2 === 0 ? 'en' : 'zh-CN',
    });
    if (details.status !== 200) throw new Error(`plan details answered ${details.status}`);
    const view = modal.view;
    const meta = decodeSectionMetadata(String(view.private_metadata));
    if (!meta.ok || meta.meta.s !== 'product') {
      throw new Error(`expected the product step, got ${String(view.private_metadata)}`);
    }
    clients.push({ actor, view, version: meta.meta.v, sent: 0 });
  }
  return clients;
}

/**
 * Submits the product step again with new text, based on the draft's current version and with a
 * fresh view hash, so every request is a real save (not a replay the store deduplicates).
 */
export function sectionSubmissionRequest(client: SectionClient): PreparedRequest {
  client.sent += 1;
  const decoded = decodeSectionMetadata(String(client.view.private_metadata));
  if (!decoded.ok) throw new Error(decoded.error);
  const view = {
    ...client.view,
    private_metadata: encodeSectionMetadata({ ...decoded.meta, v: client.version }),
    hash: `${Math.floor(Date.now() / 1000)}.bench${client.sent}`,
  };
  const payload = viewSubmissionPayload(
    {
      ...client.actor,
      view,
      values: {
        'f|description': `A stock-keeping mini-app for neighbourhood shops, revision ${client.sent}.`,
        'f|targetUsers': 'Owners of small shops & kiosks',
      },
    },
    DEFAULTS,
  );
  return signed(new URLSearchParams({ payload: JSON.stringify(payload) }).toString());
}

/** Checks OpsPlan answered with the next step (goals) and moves the client to the saved version. */
export function acceptSectionAnswer(client: SectionClient, body: string): void {
  const answer = JSON.parse(body) as { response_action?: string; view?: JsonObject };
  const meta =
    answer.response_action === 'update' && answer.view
      ? decodeSectionMetadata(String(answer.view.private_metadata))
      : undefined;
  if (!meta?.ok || meta.meta.s !== 'goals') {
    throw new Error(`expected the next step (goals), got ${body.slice(0, 300)}`);
  }
  client.version = meta.meta.v;
}
