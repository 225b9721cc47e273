import type { App } from '@slack/bolt';
import type { BrowseDeps } from './browse/browseDeps.js';
import { registerBrowse } from './browse/registerBrowse.js';
import { type OpsplanCommandDeps, registerOpsplanCommand } from './commands/opsplanCommand.js';
import type { InterviewDeps } from './interview/interviewDeps.js';
import { registerInterview } from './interview/registerInterview.js';
import type { PublishDeps } from './publish/publishDeps.js';
import { registerPublish } from './publish/registerPublish.js';
import { registerTransfer } from './transfer/registerTransfer.js';
import type { TransferDeps } from './transfer/transferDeps.js';

export interface ListenerDeps extends OpsplanCommandDeps {
  interview: InterviewDeps;
  browse: BrowseDeps;
  publish: PublishDeps;
  transfer: TransferDeps;
}

/** The one place every listener is attached, by feature. */
export function registerListeners(app: App, deps: ListenerDeps): void {
  registerOpsplanCommand(app, deps);
  registerInterview(app, deps.interview);
  registerBrowse(app, deps.browse);
  registerPublish(app, deps.publish);
  registerTransfer(app, deps.transfer);
}
