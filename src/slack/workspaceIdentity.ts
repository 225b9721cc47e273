import { z } from 'zod';

/**
 * Who is acting and in which workspace, read from the verified request body only — never
 * from private_metadata, button values or anything else a user could shape.
 */
export interface WorkspaceIdentity {
  teamId: string;
  enterpriseId?: string;
  userId: string;
}

const SlackId = z.string().regex(/^[A-Z0-9]{2,}$/);

const CommandIdentity = z.object({
  team_id: SlackId,
  user_id: SlackId,
  enterprise_id: SlackId.optional(),
});

const InteractionIdentity = z.object({
  team: z.object({ id: SlackId }).nullable().optional(),
  user: z.object({ id: SlackId, team_id: SlackId.optional() }),
  enterprise: z.object({ id: SlackId }).nullable().optional(),
});

const EventIdentity = z.object({
  team_id: SlackId,
  enterprise_id: SlackId.nullable().optional(),
  event: z.object({ user: SlackId }),
});

function identity(teamId: string, userId: string, enterpriseId?: string | null): WorkspaceIdentity {
  return enterpriseId ? { teamId, userId, enterpriseId } : { teamId, userId };
}

export function identityFromCommand(body: unknown): WorkspaceIdentity {
  const b = CommandIdentity.parse(body);
  return identity(b.team_id, b.user_id, b.enterprise_id);
}

/** block_actions, view_submission, view_closed. */
export function identityFromInteraction(body: unknown): WorkspaceIdentity {
  const b = InteractionIdentity.parse(body);
  // Org-wide installs send team null; the user's own team is then authoritative.
  const teamId = b.team?.id ?? b.user.team_id;
  if (!teamId) throw new Error('interaction without a team');
  return identity(teamId, b.user.id, b.enterprise?.id);
}

export function identityFromEvent(body: unknown): WorkspaceIdentity {
  const b = EventIdentity.parse(body);
  return identity(b.team_id, b.event.user, b.enterprise_id);
}
