import type { Logger as BoltLogger, LogLevel } from '@slack/bolt';
import type { LogLevelName } from '../config.js';
import { createRedactor } from './redact.js';

const RANK: Record<LogLevelName, number> = { debug: 10, info: 20, warn: 30, error: 40 };

export type LogFields = Record<string, unknown>;

/** A structured logger that also satisfies Bolt's Logger interface. */
export interface AppLogger extends BoltLogger {
  child(bindings: LogFields): AppLogger;
  log(level: LogLevelName, msg: string, fields?: LogFields): void;
}

export interface LoggerOptions {
  level: LogLevelName;
  /** Values that must never appear in output (tokens, signing secret). */
  secrets?: readonly string[];
  /** Where JSON lines go; stdout by default. */
  write?: (line: string) => void;
  name?: string;
}

function serialiseError(err: Error): LogFields {
  const code = (err as { code?: unknown }).code;
  return {
    name: err.name,
    message: err.message,
    ...(code !== undefined ? { code } : {}),
    stack: err.stack,
  };
}

/** Bolt passes free-form arguments; keep them readable and JSON-safe. */
function toFields(args: unknown[]): { msg: string; fields: LogFields } {
  const parts: string[] = [];
  const fields: LogFields = {};
  for (const arg of args) {
    if (arg instanceof Error) fields.err = serialiseError(arg);
    else if (typeof arg === 'string') parts.push(arg);
    else if (arg !== undefined) parts.push(safeStringify(arg));
  }
  return { msg: parts.join(' '), fields };
}

function safeStringify(value: unknown): string {
  const seen = new WeakSet<object>();
  try {
    return JSON.stringify(value, (_k, v: unknown) => {
      if (v instanceof Error) return serialiseError(v);
      if (typeof v === 'bigint') return v.toString();
      if (v && typeof v === 'object') {
        if (seen.has(v)) return '[circular]';
        seen.add(v);
      }
      return v;
    });
  } catch {
    return String(value);
  }
}

export function createLogger(options: LoggerOptions): AppLogger {
  const redact = createRedactor(options.secrets ?? []);
  const write = options.write ?? ((line: string) => process.stdout.write(`${line}\n`));
  const state = { level: options.level, name: options.name ?? 'opsplan' };

  const make = (bindings: LogFields): AppLogger => {
    const emit = (level: LogLevelName, msg: string, fields: LogFields = {}) => {
      if (RANK[level] < RANK[state.level]) return;
      const record = {
        time: new Date().toISOString(),
        level,
        name: state.name,
        msg,
        ...bindings,
        ...fields,
      };
      write(redact(safeStringify(record)));
    };
    const boltStyle =
      (level: LogLevelName) =>
      (...args: unknown[]) => {
        const { msg, fields } = toFields(args);
        emit(level, msg, fields);
      };
    return {
      debug: boltStyle('debug'),
      info: boltStyle('info'),
      warn: boltStyle('warn'),
      error: boltStyle('error'),
      log: emit,
      child: (more) => make({ ...bindings, ...more }),
      setLevel: (level: LogLevel) => {
        state.level = level as LogLevelName;
      },
      getLevel: () => state.level as LogLevel,
      setName: (name: string) => {
        state.name = name;
      },
    };
  };
  return make({});
}
