import type { App } from '@slack/bolt';
import {
  createPublishService,
  type PublishService,
} from '../../../services/publish/publishService.js';
import {
  createReviseService,
  type ReviseService,
} from '../../../services/publish/reviseService.js';
import type { Subcommand } from '../../commands/subcommand.js';
import { createPublishSubcommand } from '../../commands/subcommands/publishSubcommand.js';
import { createReviseSubcommand } from '../../commands/subcommands/reviseSubcommand.js';
import { registerPublishConfirm } from './publishConfirmListener.js';
import type { PublishDeps } from './publishDeps.js';
import { registerPublishButton } from './publishListeners.js';
import { registerReviseButton } from './reviseListener.js';

export type { PublishDeps } from './publishDeps.js';

// One service per deps object, so the listeners and the subcommands share it.
const services = new WeakMap<PublishDeps, { publish: PublishService; revise: ReviseService }>();

function servicesOf(deps: PublishDeps) {
  let found = services.get(deps);
  if (!found) {
    found = {
      publish: createPublishService({
        drafts: deps.drafts,
        published: deps.published,
        templates: deps.templates,
        client: deps.publishClient,
        replicaId: deps.replicaId,
        logger: deps.logger.child({ component: 'publish' }),
        ...(deps.now ? { now: deps.now } : {}),
        ...(deps.policy ? { policy: deps.policy } : {}),
        ...(deps.onPublished ? { onPublished: deps.onPublished } : {}),
      }),
      revise: createReviseService({ drafts: deps.drafts, published: deps.published }),
    };
    services.set(deps, found);
  }
  return found;
}

/** The publish slice's listeners: Publish (card, App Home, preview), "Publish anyway", Revise. */
export function registerPublish(app: App, deps: PublishDeps): void {
  const { publish, revise } = servicesOf(deps);
  registerPublishButton(app, deps, publish);
  registerPublishConfirm(app, deps, publish);
  registerReviseButton(app, deps, revise);
}

/** `/opsplan publish <plan> [#channel]` and `/opsplan revise <plan>`. */
export function publishSubcommands(deps: PublishDeps): Subcommand[] {
  const { publish, revise } = servicesOf(deps);
  return [createPublishSubcommand(deps, publish), createReviseSubcommand(deps, revise)];
}
