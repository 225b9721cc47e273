import type { App } from '@slack/bolt';
import type { BrowseDeps } from './browse/browseDeps.js';
import { registerBrowse } from './browse/registerBrowse.js';
import { type OpsplanCommandDeps, registerOpsplanCommand } from './commands/opsplanCommand.js';
import type { InterviewDeps } from './interview/interviewDeps.js';
import { registerInterview } from './interview/registerInterview.js';

export interface ListenerDeps extends OpsplanCommandDeps {
  interview: InterviewDeps;
  browse: BrowseDeps;
}

/** The one place every listener is attached, by feature. */
export function registerListeners(app: App, deps: ListenerDeps): void {
  registerOpsplanCommand(app, deps);
  registerInterview(app, deps.interview);
  registerBrowse(app, deps.browse);
}
