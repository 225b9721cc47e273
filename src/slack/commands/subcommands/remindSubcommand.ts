import type { ScheduleContentDeps } from '../../listeners/schedule/scheduleDeps.js';
import { createTriggerSubcommand } from '../../listeners/schedule/triggerCommand.js';
import type { Subcommand } from '../subcommand.js';

/** `/opsplan remind <plan> now` (提醒): the revision reminder, posted in the plan's channel now. */
export function createRemindSubcommand(
  deps: Pick<ScheduleContentDeps, 'drafts' | 'published' | 'engine' | 'logger'>,
): Subcommand {
  return createTriggerSubcommand(deps, {
    name: 'remind',
    aliases: ['提醒'],
    kind: 'revision_reminder',
  });
}
