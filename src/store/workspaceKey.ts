import { StoreError } from './errors.js';

/**
 * The storage namespace of one Slack workspace. Branded so that the only way to obtain one is
 * `workspaceKey()` over the ids of a *verified* request: a team id read from `private_metadata`, a
 * button value or user input can never be passed to the store by accident, it would need a cast.
 */
export type WorkspaceKey = string & { readonly __brand: 'WorkspaceKey' };

export interface VerifiedWorkspaceIds {
  /** Set for Enterprise Grid installs. */
  enterpriseId?: string | undefined;
  teamId: string;
}

// Slack ids are short upper-case alphanumerics. Anything else is refused rather than escaped because
// the key goes inside a Redis hash tag `{…}` and a `}` or `:` would move keys to another slot.
const SLACK_ID = /^[A-Za-z0-9]{1,40}$/;

export function workspaceKey({ enterpriseId, teamId }: VerifiedWorkspaceIds): WorkspaceKey {
  if (!SLACK_ID.test(teamId)) {
    throw new StoreError('invalid_workspace', 'team id is not a Slack id');
  }
  if (enterpriseId === undefined || enterpriseId === '') return teamId as WorkspaceKey;
  if (!SLACK_ID.test(enterpriseId)) {
    throw new StoreError('invalid_workspace', 'enterprise id is not a Slack id');
  }
  return `${enterpriseId}-${teamId}` as WorkspaceKey;
}

/** For the sweep, which reads workspace keys back from Redis; the same rules as `workspaceKey`. */
export function parseWorkspaceKey(raw: string): WorkspaceKey | undefined {
  const parts = raw.split('-');
  if (parts.length > 2 || !parts.every((part) => SLACK_ID.test(part))) return undefined;
  return raw as WorkspaceKey;
}
