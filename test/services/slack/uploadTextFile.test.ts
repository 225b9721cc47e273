import { WebClient } from '@slack/web-api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { uploadTextFile } from '../../../src/services/slack/uploadTextFile.js';
import { type FakeSlackApi, startFakeSlackApi } from '../../support/slack/fakeSlackApi.js';

let slack: FakeSlackApi;
let client: WebClient;
beforeAll(async () => {
  slack = await startFakeSlackApi();
  client = new WebClient(slack.botToken, { slackApiUrl: slack.url, retryConfig: { retries: 0 } });
});
afterAll(() => slack.close());

describe('uploadTextFile', () => {
  it('shares the exact UTF-8 content into a thread through the three-step upload', async () => {
    const content = '# 二季度运营计划\n\n| KPI | 目标 |\n| --- | --- |\n| 付费门店 | 20,000 |\n';
    const fileId = await uploadTextFile(client, {
      filename: 'plan-v1.md',
      title: '二季度运营计划 v1',
      content,
      channelId: 'C0PLANS0001',
      threadTs: '1716900000.000100',
    });
    const [file] = slack.uploadedFiles().filter((f) => f.id === fileId);
    expect(file?.content).toBe(content);
    const complete = slack.callsTo('files.completeUploadExternal').at(-1);
    expect(complete?.args).toMatchObject({
      channel_id: 'C0PLANS0001',
      thread_ts: '1716900000.000100',
    });
  });

  it('fails loudly when Slack refuses to complete the upload', async () => {
    slack.fail('files.completeUploadExternal', { okFalse: 'channel_not_found' }, 1);
    await expect(
      uploadTextFile(client, {
        filename: 'x.md',
        title: 'x',
        content: 'x',
        channelId: 'C0GONE00001',
      }),
    ).rejects.toThrow(/channel_not_found/);
  });
});
