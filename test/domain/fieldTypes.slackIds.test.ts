import { describe, expect, it } from 'vitest';
import {
  PublishChannelIdSchema,
  SlackChannelIdSchema,
  SlackUserIdSchema,
} from '../../src/domain/fieldTypes.js';

describe('Slack id schemas', () => {
  it('accept real-looking ids and refuse forged, overlong ones', () => {
    expect(SlackUserIdSchema.safeParse('U0123ABCD').success).toBe(true);
    expect(SlackUserIdSchema.safeParse('W0123ABCD').success).toBe(true);
    expect(SlackUserIdSchema.safeParse(`U${'A'.repeat(40)}`).success).toBe(false);
    expect(SlackUserIdSchema.safeParse('u0123abcd').success).toBe(false);
    expect(SlackChannelIdSchema.safeParse('D0123ABCD').success).toBe(true);
  });

  it('publish only to channels, never to a DM', () => {
    expect(PublishChannelIdSchema.safeParse('C0123ABCD').success).toBe(true);
    expect(PublishChannelIdSchema.safeParse('G0123ABCD').success).toBe(true);
    expect(PublishChannelIdSchema.safeParse('D0123ABCD').success).toBe(false);
  });
});
