import { describe, expect, it } from 'vitest';
import { validateCronExpression } from '../../../src/domain/schedule/cronExpression.js';
import { ScheduleSpecSchema } from '../../../src/domain/schedule/scheduleSpec.js';

function errorsOf(expression: string) {
  const result = validateCronExpression(expression);
  if (result.ok) throw new Error(`expected ${expression} to be rejected`);
  return result.errors;
}

describe('cron validation', () => {
  it('accepts 5 and 6 fields, names, nicknames and extra whitespace', () => {
    for (const expression of [
      '0 10 * * 1-5',
      '*/2 * * * * *',
      '0 9 1 JAN,JUL MON',
      '@daily',
      ' 0\t10  * * * ',
    ]) {
      expect(validateCronExpression(expression).ok).toBe(true);
    }
    const six = validateCronExpression('*/2 * * * * *');
    expect(six.ok && six.cron.hasSeconds).toBe(true);
    const five = validateCronExpression('0 10 * * *');
    expect(five.ok && five.cron.hasSeconds === false && five.cron.seconds).toEqual([0]);
  });

  it('names the bad field and what it accepts, in English and Chinese', () => {
    const [hour] = errorsOf('0 61 * * *');
    expect(hour?.field).toBe('hour');
    expect(hour?.message.en).toBe(
      'The hour field "61" is not valid: use 0–23, e.g. 10, 9-17, */2.',
    );
    expect(hour?.message['zh-CN']).toContain('「小时」字段的值 “61” 无效');

    const [second] = errorsOf('60 * * * * *');
    expect(second?.field).toBe('second');
    expect(second?.message.en).toContain('second field "60"');
    expect(second?.message['zh-CN']).toContain('「秒」');

    const [weekday] = errorsOf('0 10 * * 8');
    expect(weekday?.field).toBe('dayOfWeek');
    expect(weekday?.message.en).toContain('day of week field "8"');
    expect(weekday?.message['zh-CN']).toContain('「星期」');
  });

  it('reports every bad field, not only the first', () => {
    expect(errorsOf('x 25 * 13 *').map((e) => e.field)).toEqual(['minute', 'hour', 'month']);
  });

  it('explains a wrong number of fields', () => {
    const [error] = errorsOf('* * *');
    expect(error?.field).toBe('expression');
    expect(error?.message.en).toContain('needs 5 fields');
    expect(error?.message.en).toContain('this one has 3');
    expect(error?.message['zh-CN']).toContain('这里有 3 个');
    expect(errorsOf('')[0]?.message.en).toContain('this one has 0');
    expect(errorsOf('0 0 0 0 0 0 0')[0]?.message.en).toContain('this one has 7');
  });

  it('refuses a day that never occurs in the chosen months', () => {
    const [error] = errorsOf('0 10 30 2 *');
    expect(error?.field).toBe('dayOfMonth');
    expect(error?.message.en).toContain('never occurs');
    expect(error?.message['zh-CN']).toContain('永远不会触发');
  });
});

describe('ScheduleSpecSchema', () => {
  const base = { timezone: 'Asia/Shanghai' };

  it('fills option defaults and keeps presets as given', () => {
    const spec = ScheduleSpecSchema.parse({
      ...base,
      rule: { kind: 'preset', preset: 'quarterly', hour: 10, minute: 0 },
    });
    expect(spec).toEqual({
      rule: { kind: 'preset', preset: 'quarterly', day: 'first_working_day', hour: 10, minute: 0 },
      timezone: 'Asia/Shanghai',
      skipWeekends: false,
      paused: false,
    });
  });

  it('puts the bilingual cron error on rule.expression', () => {
    const result = ScheduleSpecSchema.safeParse({
      ...base,
      rule: { kind: 'cron', expression: '0 61 * * *' },
    });
    expect(result.success).toBe(false);
    const issue = result.error?.issues[0];
    expect(issue?.path).toEqual(['rule', 'expression']);
    expect(issue?.message).toContain('hour field "61"');
    expect(issue?.code === 'custom' && issue.params?.cronError?.message['zh-CN']).toContain('小时');
  });

  it.each([
    [{ kind: 'preset', preset: 'weekly', weekday: 0, hour: 10, minute: 0 }, 'weekday must be 1'],
    [{ kind: 'preset', preset: 'monthly', day: 29, hour: 10, minute: 0 }, 'day must be 1–28'],
    [{ kind: 'preset', preset: 'daily', hour: 24, minute: 0 }, 'hour must be 0–23'],
    [{ kind: 'preset', preset: 'daily', hour: 9, minute: 60 }, 'minute must be 0–59'],
  ])('rejects %o', (rule, message) => {
    const result = ScheduleSpecSchema.safeParse({ ...base, rule });
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((i) => i.message).join(' | ')).toContain(message);
  });

  it('rejects an unknown time zone and a malformed snooze date', () => {
    const rule = { kind: 'preset', preset: 'daily', hour: 9, minute: 0 };
    expect(ScheduleSpecSchema.safeParse({ rule, timezone: 'Mars/Olympus' }).success).toBe(false);
    expect(ScheduleSpecSchema.safeParse({ ...base, rule, snoozeUntil: '2027-13-01' }).success).toBe(
      false,
    );
  });
});
