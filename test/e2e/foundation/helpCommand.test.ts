import { describe, expect, it } from 'vitest';
import { useE2e } from '../../support/app/e2e.js';
import { uniqueWorkspace } from '../../support/redis/testRedis.js';

interface EphemeralReply {
  response_type: string;
  text: string;
  blocks: Array<{ type: string; text?: { text: string } }>;
}

const e2e = useE2e();

function allText(reply: EphemeralReply): string {
  return [reply.text, ...reply.blocks.map((b) => b.text?.text ?? '')].join('\n');
}

async function command(text: string, userId = 'U0ENGLISH01', teamId = uniqueWorkspace()) {
  const res = await e2e.client.slashCommand({
    teamId,
    userId,
    text,
    responseUrl: e2e.slack.responseUrl(),
  });
  expect(res.status).toBe(200);
  return res.body as EphemeralReply;
}

describe('/opsplan help over signed HTTP', () => {
  it('answers a bare /opsplan with the help, privately, listing every subcommand', async () => {
    e2e.slack.setUser('U0ENGLISH01', { locale: 'en-US' });
    const reply = await command('');
    expect(reply.response_type).toBe('ephemeral');
    const text = allText(reply);
    expect(text).toContain('OpsPlan');
    expect(text).toContain('/opsplan help');
    expect(text).toContain('/opsplan language');
    expect(reply).toEqual(await command('help'));
  });

  it('speaks Chinese to a user whose Slack is in Chinese', async () => {
    e2e.slack.setUser('U0CHINESE01', { locale: 'zh-CN' });
    const text = allText(await command('help', 'U0CHINESE01'));
    expect(text).toContain('运营计划书');
    expect(text).toContain('命令');
  });

  it('switches language on request: help zh / help en, and the 帮助 alias', async () => {
    e2e.slack.setUser('U0ENGLISH01', { locale: 'en-US' });
    expect(allText(await command('help zh'))).toContain('命令');
    e2e.slack.setUser('U0CHINESE01', { locale: 'zh-CN' });
    expect(allText(await command('help en', 'U0CHINESE01'))).toContain('Commands');
    expect(allText(await command('帮助', 'U0CHINESE01'))).toContain('命令');
  });

  it('answers an unknown subcommand with a helpful error and a suggestion, not silence', async () => {
    e2e.slack.setUser('U0ENGLISH01', { locale: 'en-US' });
    const reply = await command('halp me');
    expect(reply.response_type).toBe('ephemeral');
    expect(reply.text).toContain('`halp`');
    expect(reply.text).toContain('/opsplan help');
    expect(reply.text).toContain('Did you mean `/opsplan help`');
    const far = await command('publishing-tomorrow');
    expect(far.text).not.toContain('Did you mean');
  });

  it('never echoes a mention or link from the command text unescaped', async () => {
    e2e.slack.setUser('U0ENGLISH01', { locale: 'en-US' });
    const reply = await command('<!channel> <https://evil.example|click> & <@U999>');
    const text = allText(reply);
    expect(text).not.toMatch(/<!channel>|<https:|<@U/);
    expect(text).toContain('&lt;!channel&gt;');
  });
});
