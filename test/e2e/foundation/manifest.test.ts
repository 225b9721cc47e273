import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { z } from 'zod';
import { useE2e } from '../../support/app/e2e.js';
import { uniqueWorkspace } from '../../support/redis/testRedis.js';

const Manifest = z.object({
  display_information: z.object({
    name: z.string().min(1).max(35),
    description: z.string().max(140),
  }),
  features: z.object({
    app_home: z.object({
      home_tab_enabled: z.literal(true),
      messages_tab_enabled: z.literal(true),
    }),
    bot_user: z.object({ display_name: z.string().min(1) }),
    slash_commands: z
      .array(
        z.object({
          command: z.string().startsWith('/'),
          description: z.string().min(1),
          usage_hint: z.string().min(1),
        }),
      )
      .min(1),
  }),
  oauth_config: z.object({ scopes: z.object({ bot: z.array(z.string()) }) }),
  settings: z.object({
    event_subscriptions: z.object({ bot_events: z.array(z.string()) }),
    interactivity: z.object({ is_enabled: z.literal(true) }),
  }),
});

const manifest = Manifest.parse(
  parse(readFileSync(new URL('../../../manifest.yml', import.meta.url), 'utf8')),
);
const e2e = useE2e();

describe('manifest.yml', () => {
  it('requests the bot scopes and events the product needs', () => {
    expect(manifest.oauth_config.scopes.bot).toEqual(
      expect.arrayContaining([
        'commands',
        'chat:write',
        'chat:write.public',
        'users:read',
        'im:write',
        'files:write',
        'files:read',
        'channels:read',
        'groups:read',
        'channels:join',
      ]),
    );
    expect(manifest.settings.event_subscriptions.bot_events).toContain('app_home_opened');
  });

  it.each(manifest.features.slash_commands.map((c) => c.command))(
    'has a listener answering %s',
    async (command) => {
      const res = await e2e.client.slashCommand({
        teamId: uniqueWorkspace(),
        userId: 'U0MANIFEST1',
        command,
        text: 'help',
        responseUrl: e2e.slack.responseUrl(),
      });
      expect(res.status).toBe(200);
      expect((res.body as { blocks: unknown[] }).blocks.length).toBeGreaterThan(0);
    },
  );
});
