import type { PlanOverviewOptions } from '../../../services/browse/planOverview.js';
import { workspaceKey } from '../../../store/workspaceKey.js';
import type { WorkspaceIdentity } from '../../workspaceIdentity.js';
import type { BrowseDeps } from './browseDeps.js';

/** The overview option that shows each plan's next reminder, when the app knows them. */
export function reminderLookup(
  deps: Pick<BrowseDeps, 'nextReminder'>,
  identity: WorkspaceIdentity,
  now: Date,
): Pick<PlanOverviewOptions, 'nextReminder'> {
  const { nextReminder } = deps;
  if (!nextReminder) return {};
  const ws = workspaceKey(identity);
  return { nextReminder: (planId) => nextReminder(ws, planId, now) };
}
