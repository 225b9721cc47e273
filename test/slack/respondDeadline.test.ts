import { ErrorCode, RespondError } from '@slack/bolt';
import { describe, expect, it } from 'vitest';
import { DeadlineExceededError } from '../../src/async/withDeadline.js';
import { isResponseUrlFailure } from '../../src/slack/respondDeadline.js';

describe('isResponseUrlFailure', () => {
  it('recognises a response_url refused by Slack or abandoned at its deadline, and nothing else', () => {
    const refused = new RespondError('Failed to respond to the response_url: 500', 500);
    expect(refused.code).toBe(ErrorCode.RespondError);
    expect(isResponseUrlFailure(refused)).toBe(true);
    expect(isResponseUrlFailure(new DeadlineExceededError('response_url post', 3000))).toBe(true);
    expect(isResponseUrlFailure(new DeadlineExceededError('users.info', 800))).toBe(false);
    expect(isResponseUrlFailure(new Error('storage unavailable'))).toBe(false);
    expect(isResponseUrlFailure(undefined)).toBe(false);
  });
});
