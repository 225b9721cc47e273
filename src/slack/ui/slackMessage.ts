import type { KnownBlock } from '@slack/types';

export interface SlackMessage {
  /** Notification and screen-reader fallback. */
  text: string;
  blocks: KnownBlock[];
}
