import type { Context, RespondFn } from '@slack/bolt';
import type { ModalView } from '@slack/types';
import type { WebClient } from '@slack/web-api';
import { z } from 'zod';
import type { Locale } from '../../../domain/locale.js';
import { setRequestLocale } from '../../requestLocale.js';
import { buildNoticeModal } from '../../ui/browse/deleteModals.js';
import { openView, pushView } from '../../viewCalls.js';
import { identityFromInteraction, type WorkspaceIdentity } from '../../workspaceIdentity.js';
import type { BrowseDeps } from './browseDeps.js';

/** Where a click came from decides how we answer: a message has a response_url, views do not. */
export type Surface = 'message' | 'modal' | 'home';

export interface BrowseInteraction {
  identity: WorkspaceIdentity;
  locale: Locale;
  client: WebClient;
  surface: Surface;
  triggerId?: string;
  /** The modal or Home view the click happened in. */
  view?: { id: string; hash?: string; privateMetadata?: string };
  respond?: RespondFn;
}

const InteractionBody = z.object({
  trigger_id: z.string().optional(),
  view: z
    .object({
      id: z.string(),
      hash: z.string().optional(),
      type: z.string().optional(),
      private_metadata: z.string().optional(),
    })
    .optional(),
});

const ClickedButton = z.object({
  actions: z.array(z.object({ type: z.string(), value: z.string().optional() })).min(1),
});

/** The value of the clicked button; undefined for anything else. Never trusted beyond naming a plan. */
export function clickedButtonValue(body: unknown): string | undefined {
  const parsed = ClickedButton.safeParse(body);
  const action = parsed.success ? parsed.data.actions[0] : undefined;
  return action?.type === 'button' ? action.value : undefined;
}

/** Reads who acts (from the verified request only), in which language, and from which surface. */
export async function startInteraction(
  args: { body: unknown; client: WebClient; context: Context; respond?: RespondFn },
  deps: Pick<BrowseDeps, 'locales'>,
): Promise<BrowseInteraction> {
  const identity = identityFromInteraction(args.body);
  const locale = await deps.locales.localeOf(identity);
  setRequestLocale(args.context, locale);
  const body = InteractionBody.parse(args.body);
  const surface: Surface = body.view ? (body.view.type === 'home' ? 'home' : 'modal') : 'message';
  return {
    identity,
    locale,
    client: args.client,
    surface,
    ...(body.trigger_id ? { triggerId: body.trigger_id } : {}),
    ...(body.view
      ? {
          view: {
            id: body.view.id,
            ...(body.view.hash ? { hash: body.view.hash } : {}),
            ...(body.view.private_metadata ? { privateMetadata: body.view.private_metadata } : {}),
          },
        }
      : {}),
    ...(args.respond ? { respond: args.respond } : {}),
  };
}

/** Opens a modal from a message or Home; inside a modal, pushes it onto that modal's stack. */
export async function showModal(interaction: BrowseInteraction, view: ModalView): Promise<void> {
  if (!interaction.triggerId) throw new Error('interaction without a trigger_id');
  if (interaction.surface === 'modal') {
    await pushView(interaction.client, { trigger_id: interaction.triggerId, view });
  } else {
    await openView(interaction.client, { trigger_id: interaction.triggerId, view });
  }
}

/** Tells the user something short where they clicked: in the conversation, or in a small modal. */
export async function tellUser(
  interaction: BrowseInteraction,
  title: string,
  mrkdwn: string,
): Promise<void> {
  if (interaction.surface === 'message' && interaction.respond) {
    await interaction.respond({
      response_type: 'ephemeral',
      replace_original: false,
      text: mrkdwn,
      blocks: [{ type: 'section', text: { type: 'mrkdwn', text: mrkdwn } }],
    });
    return;
  }
  await showModal(interaction, buildNoticeModal(title, mrkdwn, interaction.locale));
}
