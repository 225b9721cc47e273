import { type DigestDeps, publishDigest } from '../../services/checkins/digestPublisher.js';
import type { JobHandler } from '../engine/contract.js';

/**
 * Posts the round's digest when the window closes (deferred by the round) unless the last owner's
 * answer posted it first; then it only brings it up to date. Also the retry path when a Report
 * submission could not reach Slack. Someone else posting right now makes this run fail, so the
 * engine retries it after their lease.
 */
export function checkinDigestJob(deps: DigestDeps): JobHandler {
  return {
    kind: 'checkin_digest',
    async run(ctx, tools) {
      const outcome = await publishDigest(
        deps,
        { postMessage: tools.postMessage, updateMessage: tools.updateMessage },
        { ws: ctx.ws, planId: ctx.planId, roundId: ctx.target },
        ctx.now,
      );
      deps.logger.log('info', 'check-in digest run', {
        ws: ctx.ws,
        planId: ctx.planId,
        roundId: ctx.target,
        outcome,
      });
      if (outcome === 'busy') throw new Error('digest is being posted by another replica');
    },
  };
}
