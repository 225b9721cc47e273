import type { App } from '@slack/bolt';
import { type OpsplanCommandDeps, registerOpsplanCommand } from './commands/opsplanCommand.js';

export type ListenerDeps = OpsplanCommandDeps;

/** The one place every listener is attached, by kind. */
export function registerListeners(app: App, deps: ListenerDeps): void {
  registerOpsplanCommand(app, deps);
}
