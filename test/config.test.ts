import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../src/config.js';

const base = { SLACK_BOT_TOKEN: 'xoxb-1-2-abc', SLACK_SIGNING_SECRET: 'shh-secret-value' };

function problemsOf(env: Record<string, string | undefined>): string[] {
  try {
    loadConfig(env);
  } catch (err) {
    expect(err).toBeInstanceOf(ConfigError);
    return (err as ConfigError).problems;
  }
  throw new Error('expected loadConfig to fail');
}

describe('loadConfig', () => {
  it('applies the documented defaults in HTTP mode', () => {
    const config = loadConfig(base);
    expect(config).toMatchObject({
      slack: { mode: 'http', apiUrl: 'https://slack.com/api/' },
      port: 3000,
      redis: { kind: 'standalone', url: 'redis://127.0.0.1:6379' },
      logLevel: 'info',
      defaultTimezone: 'UTC',
      defaultLocale: 'en',
      schedulerTick: '* * * * *',
      httpKeepAliveTimeoutMs: 65_000,
    });
  });

  it('switches to Socket Mode when an app token is set, without needing a signing secret', () => {
    const config = loadConfig({ SLACK_BOT_TOKEN: 'xoxb-1', SLACK_APP_TOKEN: 'xapp-1-2' });
    expect(config.slack.mode).toBe('socket');
  });

  it('accepts rediss:// URLs, 6-field ticks and adds the trailing slash to SLACK_API_URL', () => {
    const config = loadConfig({
      ...base,
      REDIS_URL: 'rediss://user:pw@redis.example.com:6380/0',
      SCHEDULER_TICK: '*/5 * * * * *',
      SLACK_API_URL: 'http://127.0.0.1:9999/api',
      DEFAULT_TIMEZONE: 'Asia/Shanghai',
      DEFAULT_LOCALE: 'zh-CN',
    });
    expect(config.redis.url).toBe('rediss://user:pw@redis.example.com:6380/0');
    expect(config.schedulerTick).toBe('*/5 * * * * *');
    expect(config.slack.apiUrl).toBe('http://127.0.0.1:9999/api/');
    expect(config.defaultTimezone).toBe('Asia/Shanghai');
    expect(config.defaultLocale).toBe('zh-CN');
  });

  it('lists every problem at once, by variable name, and points to the README', () => {
    const env = {
      SLACK_BOT_TOKEN: undefined,
      PORT: 'eighty',
      REDIS_URL: 'http://localhost',
      LOG_LEVEL: 'loud',
      DEFAULT_TIMEZONE: 'Mars/Olympus',
      SCHEDULER_TICK: '61 * * * *',
      SLACK_APP_TOKEN: '',
      SLACK_SIGNING_SECRET: undefined,
      HTTP_KEEP_ALIVE_TIMEOUT_MS: '500',
    };
    const problems = problemsOf(env);
    const names = problems.map((p) => p.split(' ')[0]);
    expect(names.sort()).toEqual(
      [
        'DEFAULT_TIMEZONE',
        'HTTP_KEEP_ALIVE_TIMEOUT_MS',
        'LOG_LEVEL',
        'PORT',
        'REDIS_URL',
        'SCHEDULER_TICK',
        'SLACK_BOT_TOKEN',
        'SLACK_SIGNING_SECRET',
      ].sort(),
    );
    try {
      loadConfig(env);
    } catch (err) {
      expect((err as Error).message).toContain('README.md');
    }
  });

  it('rejects an app token of the wrong kind', () => {
    expect(problemsOf({ ...base, SLACK_APP_TOKEN: 'xoxb-not-an-app-token' })).toEqual([
      'SLACK_APP_TOKEN must be an app-level token (starts with "xapp-")',
    ]);
  });

  it('requires a signing secret in HTTP mode', () => {
    expect(problemsOf({ SLACK_BOT_TOKEN: 'xoxb-1' })).toEqual([
      'SLACK_SIGNING_SECRET is required in HTTP mode (or set SLACK_APP_TOKEN for Socket Mode)',
    ]);
  });

  it('never echoes a secret value, even a malformed one', () => {
    const secret = 'xoxp-very-secret-user-token';
    let message = '';
    try {
      loadConfig({ SLACK_BOT_TOKEN: secret, SLACK_APP_TOKEN: 'xoxb-wrong-kind-secret' });
    } catch (err) {
      message = (err as Error).message;
    }
    expect(message).toContain('SLACK_BOT_TOKEN');
    expect(message).not.toContain(secret);
    expect(message).not.toContain('xoxb-wrong-kind-secret');
  });

  it('selects Sentinel or Cluster by configuration alone, keeping REDIS_URL for credentials', () => {
    const sentinel = loadConfig({
      ...base,
      REDIS_URL: 'redis://:pw@ignored:6379/2',
      REDIS_SENTINELS: 's1:26379, [::1]:26380',
      REDIS_SENTINEL_NAME: 'opsplan',
    });
    expect(sentinel.redis).toEqual({
      kind: 'sentinel',
      url: 'redis://:pw@ignored:6379/2',
      sentinels: [
        { host: 's1', port: 26379 },
        { host: '::1', port: 26380 },
      ],
      name: 'opsplan',
    });
    const cluster = loadConfig({ ...base, REDIS_CLUSTER_NODES: '10.0.0.1:7000,10.0.0.2:7000' });
    expect(cluster.redis).toMatchObject({
      kind: 'cluster',
      nodes: [
        { host: '10.0.0.1', port: 7000 },
        { host: '10.0.0.2', port: 7000 },
      ],
    });
  });

  it('refuses malformed or conflicting topologies', () => {
    expect(problemsOf({ ...base, REDIS_SENTINELS: 'host-without-port' })).toEqual([
      'REDIS_SENTINELS must be a comma-separated list of host:port',
    ]);
    expect(problemsOf({ ...base, REDIS_SENTINELS: 'a:1', REDIS_CLUSTER_NODES: 'b:2' })).toEqual([
      'REDIS_SENTINELS and REDIS_CLUSTER_NODES cannot both be set: choose one topology',
    ]);
  });

  it('rejects a cron tick with the wrong number of fields', () => {
    expect(problemsOf({ ...base, SCHEDULER_TICK: '* * *' })).toEqual([
      'SCHEDULER_TICK must be a cron expression with 5 or 6 fields',
    ]);
  });
});
