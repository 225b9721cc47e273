import type { IncomingMessage, ServerResponse } from 'node:http';

/** Slack's replay window: a signed request is valid for five minutes either side of now. */
export const MAX_CLOCK_SKEW_SECONDS = 5 * 60;

/**
 * Bolt rejects stale signed requests but accepts ones dated in the future, which lets a
 * captured request be replayed until that future time is reached. Requests carrying a
 * Slack timestamp too far ahead are refused before Bolt sees them.
 */
export function guardFutureTimestamps(
  receiver: { requestListener: (req: IncomingMessage, res: ServerResponse) => void },
  now: () => number = Date.now,
): void {
  const inner = receiver.requestListener;
  // HTTPReceiver looks this public field up on every request, so replacing it is enough.
  receiver.requestListener = (req, res) => {
    const header = req.headers['x-slack-request-timestamp'];
    const timestamp = typeof header === 'string' ? Number(header) : Number.NaN;
    if (Number.isFinite(timestamp) && timestamp - now() / 1000 > MAX_CLOCK_SKEW_SECONDS) {
      req.resume();
      res.writeHead(401);
      res.end();
      return;
    }
    inner(req, res);
  };
}
