import type { App } from '@slack/bolt';
import type { WebClient } from '@slack/web-api';
import type { Config } from '../config.js';
import type { Plan } from '../domain/plan.js';
import { nextOccurrence } from '../domain/schedule/index.js';
import type { TemplateRegistry } from '../domain/templateParse.js';
import type { AppLogger } from '../logging/logger.js';
import {
  createSchedulerEngine,
  type SchedulerEngine,
} from '../scheduler/engine/createSchedulerEngine.js';
import { createInterviewService } from '../services/interview/interviewService.js';
import type { UserLocaleResolver } from '../services/userLocaleResolver.js';
import type { DraftStore } from '../store/draftStore.js';
import type { PublishedStore } from '../store/publishedStore.js';
import type { RedisConnection } from '../store/redisConnection.js';
import type { UserPreferencesStore } from '../store/userPreferencesStore.js';
import type { Subcommand } from './commands/subcommand.js';
import { createSubcommandRouter } from './commands/subcommandRouter.js';
import { createEditSubcommand } from './commands/subcommands/editSubcommand.js';
import { createHelpSubcommand } from './commands/subcommands/helpSubcommand.js';
import { createLanguageSubcommand } from './commands/subcommands/languageSubcommand.js';
import { createNewSubcommand, openNewPlanModal } from './commands/subcommands/newSubcommand.js';
import type { BrowseDeps } from './listeners/browse/browseDeps.js';
import { browseSubcommands } from './listeners/browse/registerBrowse.js';
import type { InterviewDeps } from './listeners/interview/interviewDeps.js';
import { openSectionScreen } from './listeners/interview/sectionScreens.js';
import type { PublishDeps } from './listeners/publish/publishDeps.js';
import { publishSubcommands } from './listeners/publish/registerPublish.js';
import { registerListeners } from './listeners/registerListeners.js';
import { createScheduleContent } from './listeners/schedule/scheduleContent.js';
import { transferSubcommands } from './listeners/transfer/registerTransfer.js';
import type { TransferDeps } from './listeners/transfer/transferDeps.js';

export interface FeatureDeps {
  config: Config;
  bolt: App;
  redis: RedisConnection;
  drafts: DraftStore<Plan>;
  published: PublishedStore<Plan>;
  templates: TemplateRegistry;
  preferences: UserPreferencesStore;
  locales: UserLocaleResolver;
  logger: AppLogger;
  /** Publishing, reminders and check-ins: never retries by itself (see app.ts). */
  backgroundClient: WebClient;
  replicaId: string;
}

/**
 * Every feature's dependencies, subcommands and listeners, attached to the Bolt app in one
 * place: the interview, browsing, publishing, export/import and the scheduler's content.
 * Returns the scheduler engine, whose tick and shutdown the app drives.
 */
export function wireFeatures(deps: FeatureDeps): { engine: SchedulerEngine } {
  const { config, bolt, redis, drafts, published, templates, locales, logger } = deps;
  // Content and engine need each other: the engine runs the content's job handlers, the
  // content's settings modal and "now" commands (and every publish) call the engine.
  let engine: SchedulerEngine | undefined;

  const interviewDeps: InterviewDeps = {
    interview: createInterviewService({ drafts, templates }),
    drafts,
    locales,
    logger,
    defaultTimezone: config.defaultTimezone,
  };
  const browseDeps: BrowseDeps = {
    drafts,
    templates,
    locales,
    logger,
    openSection: async (args) => {
      await openSectionScreen(interviewDeps, args);
    },
    nextReminder: async (ws, planId, now) => {
      const schedules = (await engine?.store.listPlanSchedules(ws, planId)) ?? [];
      const revision = schedules.find(
        (s) => s.type === 'recurring' && s.kind === 'revision_reminder',
      );
      return revision?.type === 'recurring' ? nextOccurrence(revision.spec, now)?.at : undefined;
    },
    openNewPlan: async ({ client, identity, triggerId }) => {
      const locale = await locales.localeOf(identity);
      await openNewPlanModal({ client, triggerId, templates, locale });
    },
  };
  const transferDeps: TransferDeps = { drafts, templates, locales, logger, published };
  const publishDeps: PublishDeps = {
    drafts,
    published,
    templates,
    locales,
    logger,
    replicaId: deps.replicaId,
    openSection: browseDeps.openSection,
    publishClient: deps.backgroundClient,
    // A published version brings its reminder and check-in schedules with it.
    onPublished: async ({ ws, planId, plan, template }) => {
      await engine?.syncPlanSchedules(ws, planId, { plan, template });
    },
  };

  const scheduleContent = createScheduleContent({
    drafts,
    published,
    templates,
    redis,
    locales,
    logger,
    defaultTimezone: config.defaultTimezone,
    engine: () => {
      if (!engine) throw new Error('scheduler engine used before it was created');
      return engine;
    },
  });
  engine = createSchedulerEngine({
    redis,
    client: deps.backgroundClient,
    logger,
    handlers: scheduleContent.handlers,
    replicaId: deps.replicaId,
  });

  const subcommands: Subcommand[] = [];
  subcommands.push(
    createHelpSubcommand(() => subcommands),
    createNewSubcommand(templates),
    createEditSubcommand(interviewDeps),
    ...browseSubcommands(browseDeps),
    ...publishSubcommands(publishDeps),
    ...transferSubcommands(transferDeps),
    ...scheduleContent.subcommands,
    createLanguageSubcommand(deps.preferences),
  );
  registerListeners(bolt, {
    router: createSubcommandRouter(subcommands),
    locales,
    logger,
    interview: interviewDeps,
    browse: browseDeps,
    publish: publishDeps,
    transfer: transferDeps,
  });
  scheduleContent.registerListeners(bolt);
  return { engine };
}
