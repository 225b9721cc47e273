import { describe, expect, it } from 'vitest';
import { createLogger } from '../../src/logging/logger.js';

function capture(level: 'debug' | 'info' = 'debug', secrets: string[] = []) {
  const lines: string[] = [];
  const logger = createLogger({ level, secrets, write: (l) => lines.push(l) });
  return {
    logger,
    lines,
    records: () => lines.map((l) => JSON.parse(l) as Record<string, unknown>),
  };
}

describe('createLogger', () => {
  it('writes one JSON object per line with level, message and structured fields', () => {
    const { logger, records } = capture();
    logger.child({ component: 'redis' }).log('warn', 'redis reconnecting', { attempt: 3 });
    expect(records()[0]).toMatchObject({
      level: 'warn',
      msg: 'redis reconnecting',
      component: 'redis',
      attempt: 3,
    });
  });

  it('drops records below the configured level, and follows setLevel', () => {
    const { logger, lines } = capture('info');
    logger.debug('hidden');
    logger.info('shown');
    expect(lines).toHaveLength(1);
    logger.setLevel('debug' as never);
    logger.debug('now shown');
    expect(lines).toHaveLength(2);
  });

  it('masks Slack tokens of every kind, configured secrets and URL passwords — whatever logs them', () => {
    const secret = 'signing-secret-4f9a8b7c';
    const { logger, lines } = capture('debug', [secret]);
    logger.debug('token', 'xoxb-1234-5678-abcdef', {
      headers: { Authorization: 'Bearer xoxp-9-9-zz' },
    });
    logger.info(`app token xapp-1-A111-222-abc and secret ${secret}`);
    logger.error(
      new Error(`failed with xoxe.xoxp-1-refresh and redis rediss://default:hunter2@cache:6380`),
    );
    const out = lines.join('\n');
    for (const leaked of [
      'xoxb-1234',
      'xoxp-9-9',
      'xapp-1-A111',
      secret,
      'hunter2',
      'xoxe.xoxp-1-refresh',
    ]) {
      expect(out).not.toContain(leaked);
    }
    expect(out).toContain('xoxb-[redacted]');
    expect(out).toContain('rediss://default:[redacted]@cache:6380');
  });

  it('serialises errors with name, message and code, and survives circular objects', () => {
    const { logger, records } = capture();
    const err = Object.assign(new Error('boom'), { code: 'slack_webapi_platform_error' });
    const circular: Record<string, unknown> = { a: 1 };
    circular.self = circular;
    logger.error('failed', err, circular);
    const [record] = records();
    expect(record?.err).toMatchObject({
      name: 'Error',
      message: 'boom',
      code: 'slack_webapi_platform_error',
    });
    expect(String(record?.msg)).toContain('[circular]');
  });
});
