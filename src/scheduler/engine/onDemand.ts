/**
 * The period of an on-demand run: the UTC minute it was asked in. Two `/opsplan remind <plan> now`
 * within the same minute (a double click, Slack retrying the command) share it and send once.
 */
export function onDemandPeriodKey(now: Date): string {
  return `now-${now.toISOString().slice(0, 16)}`;
}
