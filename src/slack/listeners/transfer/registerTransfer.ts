import type { App } from '@slack/bolt';
import type { Subcommand } from '../../commands/subcommand.js';
import { createExportSubcommand } from '../../commands/subcommands/exportSubcommand.js';
import { createImportSubcommand } from '../../commands/subcommands/importSubcommand.js';
import { registerImportSubmission } from './importSubmission.js';
import type { TransferDeps } from './transferDeps.js';

export type { TransferDeps } from './transferDeps.js';

/**
 * The export / import slice's listeners: the import modal's submission. Its confirmation's Open and
 * Preview buttons reuse the browse slice's plan buttons.
 */
export function registerTransfer(app: App, deps: TransferDeps): void {
  registerImportSubmission(app, deps);
}

/** `/opsplan export <plan> [version] [md|yaml]` (导出) and `/opsplan import` (导入). */
export function transferSubcommands(deps: TransferDeps): Subcommand[] {
  return [createExportSubcommand(deps), createImportSubcommand()];
}
