import type { App } from '@slack/bolt';
import type { Subcommand } from '../../commands/subcommand.js';
import { createDeleteSubcommand } from '../../commands/subcommands/deleteSubcommand.js';
import { createHistorySubcommand } from '../../commands/subcommands/historySubcommand.js';
import { createListSubcommand } from '../../commands/subcommands/listSubcommand.js';
import { createPreviewSubcommand } from '../../commands/subcommands/previewSubcommand.js';
import { registerAppHome } from './appHomeListener.js';
import type { BrowseDeps } from './browseDeps.js';
import { registerDeleteConfirm } from './deleteConfirmListener.js';
import { registerHistoryRestore } from './historyRestoreListener.js';
import { registerPlanButtons } from './planButtonListeners.js';

export type { BrowseDeps, OpenNewPlanArgs, OpenSectionArgs } from './browseDeps.js';

/**
 * The browse slice's listeners: plan buttons (Resume, Preview, History, Delete, New plan, Open
 * section), Restore in the history modal, the delete confirmation, and the App Home tab.
 */
export function registerBrowse(app: App, deps: BrowseDeps): void {
  registerPlanButtons(app, deps);
  registerHistoryRestore(app, deps);
  registerDeleteConfirm(app, deps);
  registerAppHome(app, deps);
}

/** `/opsplan list`, `preview <plan>`, `delete <plan>`, `history <plan>`. */
export function browseSubcommands(deps: BrowseDeps): Subcommand[] {
  return [
    createListSubcommand(deps),
    createPreviewSubcommand(deps),
    createDeleteSubcommand(deps),
    createHistorySubcommand(deps),
  ];
}
