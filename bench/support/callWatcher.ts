import type { FakeSlackApi, RecordedCall } from '../../test/support/slack/fakeSlackApi.js';

/**
 * Sees every call the fake Slack records, the moment it arrives. The fake exposes its record as an
 * array and `waitForCall` scans it whole each time, which is quadratic under load; the bench taps
 * the array's `push` instead. Returns a function that removes the tap.
 */
export function watchCalls(
  slack: FakeSlackApi,
  onCall: (call: RecordedCall) => void,
  /** False for calls the fake need not keep (a long run would otherwise hold every one). */
  keep: (call: RecordedCall) => boolean = () => true,
): () => void {
  const calls = slack.calls;
  const original = calls.push;
  calls.push = function push(...items: RecordedCall[]): number {
    for (const item of items) onCall(item);
    const kept = items.filter(keep);
    return kept.length > 0 ? original.apply(calls, kept) : calls.length;
  };
  return () => {
    calls.push = original;
  };
}
