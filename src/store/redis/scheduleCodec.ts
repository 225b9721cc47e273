import { z } from 'zod';
import { ScheduleSpecSchema } from '../../domain/schedule/index.js';
import { StoreError } from '../errors.js';
import {
  type PlanScheduleSettings,
  PlanScheduleSettingsSchema,
  type StoredSchedule,
} from '../scheduleStore.js';
import { parseWorkspaceKey } from '../workspaceKey.js';
import { corrupt, jsonOf } from './codecParts.js';

/** Schedule records as Redis holds them (flat hash strings), read through zod. */

const ms = z
  .string()
  .regex(/^\d{1,16}$/)
  .transform((text) => new Date(Number(text)));
const count = z
  .string()
  .regex(/^\d{1,9}$/)
  .transform(Number);
const ws = z.string().transform((raw, ctx) => {
  const key = parseWorkspaceKey(raw);
  if (key === undefined) {
    ctx.addIssue({ code: 'custom', message: 'not a workspace key' });
    return z.NEVER;
  }
  return key;
});

const common = {
  ws,
  planId: z.string().min(1),
  kind: z.string().min(1),
  target: z.string().min(1),
  rev: z.string().min(1),
  createdAt: ms,
  attempts: count.default(0),
};

const RecurringRecordSchema = z.object({
  ...common,
  spec: jsonOf(ScheduleSpecSchema),
  lastDone: ms.optional(),
  running: jsonOf(
    z.object({
      periodKey: z.string().min(1),
      at: z
        .number()
        .int()
        .transform((n) => new Date(n)),
    }),
  ).optional(),
});

const OneOffRecordSchema = z.object({
  ...common,
  oneOff: z.literal('1'),
  periodKey: z.string().min(1),
  at: ms,
  trigger: z.enum(['schedule', 'on_demand']),
  payload: jsonOf(z.unknown()).optional(),
  finished: ms.optional(),
});

export function decodeSchedule(sid: string, hash: Record<string, string>): StoredSchedule {
  if (hash.oneOff !== undefined) {
    const parsed = OneOffRecordSchema.safeParse(hash);
    if (!parsed.success) throw corrupt('one-off job', { sid }, parsed.error);
    const { oneOff: _oneOff, finished, ...rest } = parsed.data;
    return {
      type: 'one_off',
      sid,
      ...rest,
      payload: rest.payload,
      finished: finished !== undefined,
    };
  }
  const parsed = RecurringRecordSchema.safeParse(hash);
  if (!parsed.success) throw corrupt('schedule', { sid }, parsed.error);
  const { lastDone, running, ...rest } = parsed.data;
  return {
    type: 'recurring',
    sid,
    ...rest,
    ...(lastDone ? { lastDone } : {}),
    ...(running ? { running } : {}),
  };
}

const SettingsJson = jsonOf(PlanScheduleSettingsSchema);

export function decodeSettings(raw: string | null, context: Record<string, unknown>) {
  if (raw === null) return {};
  const parsed = SettingsJson.safeParse(raw);
  if (!parsed.success) throw corrupt('schedule settings', context, parsed.error);
  return parsed.data;
}

export function encodeSettings(settings: PlanScheduleSettings): string {
  const parsed = PlanScheduleSettingsSchema.safeParse(settings);
  if (!parsed.success) {
    throw new StoreError('invalid_input', 'schedule settings failed validation', {
      issues: parsed.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message })),
    });
  }
  return JSON.stringify(parsed.data);
}

/** What a step's `send` returned, stored as JSON (undefined is kept apart from null). */
export function encodeStepResult(result: unknown): string {
  return result === undefined ? 'u' : `j${JSON.stringify(result)}`;
}

export function decodeStepResult(raw: string): unknown {
  if (raw === 'u') return undefined;
  if (raw.startsWith('j')) return JSON.parse(raw.slice(1)) as unknown;
  throw new StoreError('corrupt_record', 'stored step result is not readable');
}
