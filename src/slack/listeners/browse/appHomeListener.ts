import type { App } from '@slack/bolt';
import { setRequestLocale } from '../../requestLocale.js';
import { identityFromEvent } from '../../workspaceIdentity.js';
import type { BrowseDeps } from './browseDeps.js';
import { publishHome } from './planViews.js';

/** Publishes the Home tab each time the user opens it, so it always shows the current drafts. */
export function registerAppHome(app: App, deps: BrowseDeps): void {
  app.event('app_home_opened', async ({ event, body, client, context }) => {
    if (event.tab !== 'home') return;
    const identity = identityFromEvent(body);
    const locale = await deps.locales.localeOf(identity);
    setRequestLocale(context, locale);
    await publishHome(deps, client, identity, locale);
  });
}
