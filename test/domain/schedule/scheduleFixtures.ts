import {
  type ScheduleSpec,
  type ScheduleSpecInput,
  ScheduleSpecSchema,
} from '../../../src/domain/schedule/scheduleSpec.js';
import { fromLocal } from '../../../src/domain/schedule/zonedTime.js';

export const ZONES = [
  'America/New_York',
  'Australia/Sydney',
  'Asia/Shanghai',
  'UTC',
  'Europe/London',
] as const;

export function scheduleSpec(input: ScheduleSpecInput): ScheduleSpec {
  return ScheduleSpecSchema.parse(input);
}

/** Midnight at the start of `year` in `zone`. */
export function startOfLocalYear(year: number, zone: string): Date {
  return fromLocal({ year, month: 1, day: 1, hour: 0, minute: 0 }, zone);
}

export const iso = (date: Date) => date.toISOString();
