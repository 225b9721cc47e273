import { vi } from 'vitest';

/** One JSON line of the app's log. */
export interface LogRecord {
  level: string;
  msg: string;
  [field: string]: unknown;
}

export function logRecords(lines: readonly string[]): LogRecord[] {
  return lines.flatMap((line) => {
    try {
      return [JSON.parse(line) as LogRecord];
    } catch {
      return [];
    }
  });
}

/** Resolves with the first log record matching `predicate`, already written or still to come. */
export function waitForLog(
  lines: readonly string[],
  predicate: (record: LogRecord) => boolean,
  timeoutMs = 10_000,
): Promise<LogRecord> {
  return vi.waitFor(
    () => {
      const found = logRecords(lines).find(predicate);
      if (!found) throw new Error('no matching log line yet');
      return found;
    },
    { timeout: timeoutMs, interval: 20 },
  );
}

/**
 * The error boundary's last line for a request of `type` from `teamId`: written after anything the
 * app sent the user for it, so what Slack recorded by then is all the user will get.
 */
export function requestHandled(
  lines: readonly string[],
  teamId: string,
  type: string,
  timeoutMs = 15_000,
): Promise<LogRecord> {
  return waitForLog(
    lines,
    (r) => r.msg === 'request handled' && r.teamId === teamId && r.type === type,
    timeoutMs,
  );
}
