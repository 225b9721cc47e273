/**
 * The period of an on-demand run: the UTC minute it was asked in. Two `/opsplan remind <plan> now`
 * within the same minute (a double click, Slack retrying the command) share it and send once.
 */
export function onDemandPeriodKey(now: Date): string {
  return `now-${now.toISOString().slice(0, 16)}`;
}

const ON_DEMAND_KEY = /^now-(\d{4}-\d{2}-\d{2}T\d{2}:\d{2})$/;

/** When an on-demand period was asked for; undefined for a scheduled period (`2027-W14`, …). */
export function onDemandPeriodTime(periodKey: string): Date | undefined {
  const minute = ON_DEMAND_KEY.exec(periodKey)?.[1];
  if (minute === undefined) return undefined;
  const at = new Date(`${minute}:00.000Z`);
  return Number.isNaN(at.getTime()) ? undefined : at;
}
