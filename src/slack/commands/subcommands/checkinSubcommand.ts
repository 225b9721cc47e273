import type { ScheduleContentDeps } from '../../listeners/schedule/scheduleDeps.js';
import { createTriggerSubcommand } from '../../listeners/schedule/triggerCommand.js';
import type { Subcommand } from '../subcommand.js';

/** `/opsplan checkin <plan> now` (填报): a KPI check-in round for every KPI, now. */
export function createCheckinSubcommand(
  deps: Pick<ScheduleContentDeps, 'drafts' | 'published' | 'engine' | 'logger'>,
): Subcommand {
  return createTriggerSubcommand(deps, {
    name: 'checkin',
    aliases: ['填报'],
    kind: 'kpi_checkin',
  });
}
