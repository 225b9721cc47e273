import type { App } from '@slack/bolt';
import { lookupPlanById } from '../../../services/browse/planLookup.js';
import { browseTexts } from '../../ui/browse/browseTexts.js';
import { decodeOpenSection } from '../../ui/browse/browseValues.js';
import { ActionIds } from '../../ui/ids.js';
import type { BrowseDeps } from './browseDeps.js';
import {
  type BrowseInteraction,
  clickedButtonValue,
  showModal,
  startInteraction,
  tellUser,
} from './browseInteraction.js';
import { deleteConfirmView, historyView, nowOf, previewView } from './planViews.js';

const NOTICE_TITLE = 'OpsPlan';

type ButtonArgs = Parameters<Parameters<App['action']>[1]>[0];

/**
 * The plan found by a button's id, re-checked for the acting user (identity from the verified request,
 * never from the button); otherwise the user is told it is gone or not theirs.
 */
async function planFor(
  deps: BrowseDeps,
  interaction: BrowseInteraction,
  planId: string | undefined,
) {
  const t = browseTexts(interaction.locale);
  const lookup = planId
    ? await lookupPlanById(deps.drafts, interaction.identity, planId)
    : ({ kind: 'not_found' } as const);
  if (lookup.kind === 'found') return lookup.record;
  await tellUser(
    interaction,
    NOTICE_TITLE,
    lookup.kind === 'forbidden' ? t.lookup.notAllowed : t.lookup.gone,
  );
  return undefined;
}

function buttonValue(args: ButtonArgs): string | undefined {
  return clickedButtonValue(args.body);
}

/** Ack first (Slack wants it within 3 s), then read who clicked and where. */
async function begin(args: ButtonArgs, deps: BrowseDeps): Promise<BrowseInteraction> {
  await args.ack();
  return startInteraction(
    {
      body: args.body,
      client: args.client,
      context: args.context,
      ...('respond' in args && args.respond ? { respond: args.respond } : {}),
    },
    deps,
  );
}

function requireTrigger(interaction: BrowseInteraction): string {
  if (!interaction.triggerId) throw new Error('button click without a trigger_id');
  return interaction.triggerId;
}

export function registerPlanButtons(app: App, deps: BrowseDeps): void {
  app.action(ActionIds.newPlan, async (args) => {
    const interaction = await begin(args, deps);
    await deps.openNewPlan({
      client: interaction.client,
      identity: interaction.identity,
      triggerId: requireTrigger(interaction),
    });
  });

  app.action(ActionIds.planResume, async (args) => {
    const interaction = await begin(args, deps);
    const record = await planFor(deps, interaction, buttonValue(args));
    if (!record) return;
    await deps.openSection({
      client: interaction.client,
      identity: interaction.identity,
      triggerId: requireTrigger(interaction),
      planId: record.id,
      ...(interaction.surface === 'modal' && interaction.view
        ? { viewId: interaction.view.id }
        : {}),
    });
  });

  app.action(ActionIds.planPreview, async (args) => {
    const interaction = await begin(args, deps);
    const record = await planFor(deps, interaction, buttonValue(args));
    if (!record) return;
    await showModal(
      interaction,
      previewView(deps.templates, record, interaction.locale, nowOf(deps)),
    );
  });

  app.action(ActionIds.planDelete, async (args) => {
    const interaction = await begin(args, deps);
    const record = await planFor(deps, interaction, buttonValue(args));
    if (!record) return;
    await showModal(
      interaction,
      deleteConfirmView(record, interaction.locale, interaction.surface === 'home'),
    );
  });

  app.action(ActionIds.planHistory, async (args) => {
    const interaction = await begin(args, deps);
    const record = await planFor(deps, interaction, buttonValue(args));
    if (!record) return;
    const view = await historyView(deps, interaction.identity, record, {
      locale: interaction.locale,
      fromHome: interaction.surface === 'home',
    });
    await showModal(interaction, view);
  });

  app.action(ActionIds.openSection, async (args) => {
    const interaction = await begin(args, deps);
    const value = decodeOpenSection(buttonValue(args));
    const record = await planFor(deps, interaction, value?.p);
    if (!record || !value) return;
    await deps.openSection({
      client: interaction.client,
      identity: interaction.identity,
      triggerId: requireTrigger(interaction),
      planId: record.id,
      sectionId: value.s,
      ...(interaction.surface === 'modal' && interaction.view
        ? { viewId: interaction.view.id }
        : {}),
    });
  });
}
