import type { App } from '@slack/bolt';
import type { InterviewDeps } from './interviewDeps.js';
import { registerStepActions } from './stepActions.js';
import { registerStepSubmissions } from './stepSubmissions.js';

/** The interview: start modal, section steps, their buttons and Slack's view_closed. */
export function registerInterview(app: App, deps: InterviewDeps): void {
  registerStepSubmissions(app, deps);
  registerStepActions(app, deps);
}
