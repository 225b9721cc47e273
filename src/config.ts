import { validateDetailed } from 'node-cron';
import { z } from 'zod';
import { LocaleSchema } from './domain/locale.js';

/** Where the README explains how to get every Slack credential. */
export const SETUP_DOCS = 'README.md → "Create the Slack app"';

const LOG_LEVELS = ['debug', 'info', 'warn', 'error'] as const;
export type LogLevelName = (typeof LOG_LEVELS)[number];

function isIanaTimezone(name: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: name });
    return true;
  } catch {
    return false;
  }
}

const optionalString = z
  .string()
  .transform((s) => s.trim())
  .optional()
  .transform((s) => (s ? s : undefined));

const EnvSchema = z.object({
  SLACK_BOT_TOKEN: z
    .string({ error: 'is required' })
    .trim()
    .min(1, 'is required')
    .startsWith('xoxb-', 'must be a bot token (starts with "xoxb-")'),
  SLACK_SIGNING_SECRET: optionalString,
  SLACK_APP_TOKEN: optionalString.refine((v) => v === undefined || v.startsWith('xapp-'), {
    error: 'must be an app-level token (starts with "xapp-")',
  }),
  PORT: z.coerce
    .number({ error: 'must be a number' })
    .int('must be a whole number')
    .min(0, 'must be between 0 and 65535')
    .max(65535, 'must be between 0 and 65535')
    .default(3000),
  REDIS_URL: z
    .string()
    .trim()
    .default('redis://127.0.0.1:6379')
    .refine((v) => /^rediss?:\/\/.+/.test(v) && URL.canParse(v), {
      error: 'must be a redis:// or rediss:// URL',
    }),
  SLACK_API_URL: z
    .string()
    .trim()
    .default('https://slack.com/api/')
    .refine((v) => /^https?:\/\//.test(v) && URL.canParse(v), {
      error: 'must be an http(s) URL',
    })
    // WebClient appends the method name directly, so the base must end with a slash.
    .transform((v) => (v.endsWith('/') ? v : `${v}/`)),
  LOG_LEVEL: z
    .string()
    .trim()
    .toLowerCase()
    .default('info')
    .pipe(z.enum(LOG_LEVELS, { error: `must be one of ${LOG_LEVELS.join(', ')}` })),
  DEFAULT_TIMEZONE: z
    .string()
    .trim()
    .default('UTC')
    .refine(isIanaTimezone, { error: 'must be an IANA time zone such as Asia/Shanghai' }),
  DEFAULT_LOCALE: z
    .string()
    .trim()
    .default('en')
    .pipe(LocaleSchema.or(z.never({ error: 'must be en or zh-CN' }))),
  SCHEDULER_TICK: z
    .string()
    .trim()
    .default('* * * * *')
    .superRefine((v, ctx) => {
      const fields = v.split(/\s+/).length;
      if (fields !== 5 && fields !== 6) {
        ctx.addIssue({ code: 'custom', message: 'must be a cron expression with 5 or 6 fields' });
        return;
      }
      const result = validateDetailed(v);
      if (!result.valid) {
        const why = result.errors.map((e) => `${e.field}: ${e.message}`).join('; ');
        ctx.addIssue({ code: 'custom', message: `is not a valid cron expression (${why})` });
      }
    }),
  TEMPLATES_DIR: optionalString,
  REDIS_SENTINELS: optionalString.refine((v) => v === undefined || parseHostList(v) !== undefined, {
    error: 'must be a comma-separated list of host:port',
  }),
  REDIS_SENTINEL_NAME: z.string().trim().min(1).default('mymaster'),
  REDIS_SENTINEL_PASSWORD: optionalString,
  REDIS_CLUSTER_NODES: optionalString.refine(
    (v) => v === undefined || parseHostList(v) !== undefined,
    { error: 'must be a comma-separated list of host:port' },
  ),
  SHUTDOWN_DRAIN_MS: z.coerce
    .number({ error: 'must be a number of milliseconds' })
    .int('must be a whole number of milliseconds')
    .min(0, 'must not be negative')
    .max(120_000, 'must be at most 120000 (two minutes)')
    .default(5000),
  HTTP_KEEP_ALIVE_TIMEOUT_MS: z.coerce
    .number({ error: 'must be a number of milliseconds' })
    .int('must be a whole number of milliseconds')
    .min(1000, 'must be at least 1000 (one second)')
    .max(600_000, 'must be at most 600000 (ten minutes)')
    .default(65_000),
  DRAFT_RETENTION_DAYS: z.coerce
    .number({ error: 'must be a number of days' })
    .int('must be a whole number of days')
    .min(7, 'must be at least 7 days')
    .default(90),
});

export interface HostPort {
  host: string;
  port: number;
}

/**
 * Where Redis is. `url` always carries the data nodes' credentials, TLS (`rediss://`) and, for
 * standalone and Sentinel, the database number; Sentinel and Cluster add where to find them.
 */
export type RedisConfig =
  | { kind: 'standalone'; url: string }
  | {
      kind: 'sentinel';
      url: string;
      sentinels: HostPort[];
      name: string;
      sentinelPassword?: string;
    }
  | { kind: 'cluster'; url: string; nodes: HostPort[] };

/** "h1:26379, h2:26379" → [{host, port}]; undefined when any entry is malformed. */
export function parseHostList(text: string): HostPort[] | undefined {
  const entries = text
    .split(',')
    .map((e) => e.trim())
    .filter(Boolean);
  if (entries.length === 0) return undefined;
  const parsed: HostPort[] = [];
  for (const entry of entries) {
    const m = /^(\[[^\]]+\]|[^:\s]+):(\d{1,5})$/.exec(entry);
    const port = Number(m?.[2]);
    if (!m?.[1] || !(port > 0 && port < 65536)) return undefined;
    parsed.push({ host: m[1].replace(/^\[|\]$/g, ''), port });
  }
  return parsed;
}

export type SlackConfig =
  | { mode: 'http'; botToken: string; signingSecret: string; apiUrl: string }
  | { mode: 'socket'; botToken: string; appToken: string; signingSecret?: string; apiUrl: string };

export interface Config {
  slack: SlackConfig;
  port: number;
  redis: RedisConfig;
  logLevel: LogLevelName;
  defaultTimezone: string;
  defaultLocale: z.infer<typeof LocaleSchema>;
  schedulerTick: string;
  templatesDir?: string;
  /** A draft nobody saved for this long is removed (its owner is warned beforehand). */
  draftRetentionDays: number;
  /**
   * On SIGTERM, how long to keep serving while /healthz already answers 503, so a load balancer
   * stops routing here before the listener closes (closing resets connections not yet read).
   */
  shutdownDrainMs: number;
  /**
   * How long an idle keep-alive connection stays open. Above a load balancer's idle timeout, so
   * the balancer (not OpsPlan) closes pooled connections and never sends on one being closed.
   */
  httpKeepAliveTimeoutMs: number;
}

function redisConfig(e: z.infer<typeof EnvSchema>): RedisConfig {
  const sentinels = e.REDIS_SENTINELS ? parseHostList(e.REDIS_SENTINELS) : undefined;
  if (sentinels) {
    return {
      kind: 'sentinel',
      url: e.REDIS_URL,
      sentinels,
      name: e.REDIS_SENTINEL_NAME,
      ...(e.REDIS_SENTINEL_PASSWORD ? { sentinelPassword: e.REDIS_SENTINEL_PASSWORD } : {}),
    };
  }
  const nodes = e.REDIS_CLUSTER_NODES ? parseHostList(e.REDIS_CLUSTER_NODES) : undefined;
  if (nodes) return { kind: 'cluster', url: e.REDIS_URL, nodes };
  return { kind: 'standalone', url: e.REDIS_URL };
}

/** Thrown when the environment is unusable; its message lists every problem at once. */
export class ConfigError extends Error {
  readonly code = 'config_invalid';
  constructor(readonly problems: string[]) {
    super(
      [
        'OpsPlan cannot start: the environment is not configured correctly.',
        ...problems.map((p) => `  - ${p}`),
        `See ${SETUP_DOCS} for how to obtain the Slack values, and "Environment variables" for the rest.`,
      ].join('\n'),
    );
    this.name = 'ConfigError';
  }
}

/**
 * Validates the environment. Messages name variables only: a secret's value must
 * never reach a log, even when it is malformed.
 */
export function loadConfig(env: NodeJS.ProcessEnv | Record<string, string | undefined>): Config {
  const parsed = EnvSchema.safeParse(env);
  const problems = parsed.success
    ? []
    : parsed.error.issues.map((issue) => {
        const name = String(issue.path[0] ?? 'environment');
        const absent = env[name] === undefined || env[name]?.trim() === '';
        const message = issue.code === 'invalid_type' && absent ? 'is required' : issue.message;
        return `${name} ${message}`;
      });
  if (env.REDIS_SENTINELS?.trim() && env.REDIS_CLUSTER_NODES?.trim()) {
    problems.push(
      'REDIS_SENTINELS and REDIS_CLUSTER_NODES cannot both be set: choose one topology',
    );
  }
  // Checked apart from the schema so it is reported together with field errors.
  if (!env.SLACK_APP_TOKEN?.trim() && !env.SLACK_SIGNING_SECRET?.trim()) {
    problems.push(
      'SLACK_SIGNING_SECRET is required in HTTP mode (or set SLACK_APP_TOKEN for Socket Mode)',
    );
  }
  if (!parsed.success || problems.length > 0) throw new ConfigError([...new Set(problems)]);
  const e = parsed.data;
  const slack: SlackConfig = e.SLACK_APP_TOKEN
    ? {
        mode: 'socket',
        botToken: e.SLACK_BOT_TOKEN,
        appToken: e.SLACK_APP_TOKEN,
        apiUrl: e.SLACK_API_URL,
        ...(e.SLACK_SIGNING_SECRET ? { signingSecret: e.SLACK_SIGNING_SECRET } : {}),
      }
    : {
        mode: 'http',
        botToken: e.SLACK_BOT_TOKEN,
        // Presence is guaranteed by the superRefine above.
        signingSecret: e.SLACK_SIGNING_SECRET as string,
        apiUrl: e.SLACK_API_URL,
      };
  return {
    slack,
    port: e.PORT,
    redis: redisConfig(e),
    logLevel: e.LOG_LEVEL,
    defaultTimezone: e.DEFAULT_TIMEZONE,
    defaultLocale: e.DEFAULT_LOCALE,
    schedulerTick: e.SCHEDULER_TICK,
    ...(e.TEMPLATES_DIR ? { templatesDir: e.TEMPLATES_DIR } : {}),
    draftRetentionDays: e.DRAFT_RETENTION_DAYS,
    shutdownDrainMs: e.SHUTDOWN_DRAIN_MS,
    httpKeepAliveTimeoutMs: e.HTTP_KEEP_ALIVE_TIMEOUT_MS,
  };
}
