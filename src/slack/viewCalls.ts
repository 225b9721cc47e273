import type {
  ViewsOpenArguments,
  ViewsOpenResponse,
  ViewsPublishArguments,
  ViewsPublishResponse,
  ViewsPushArguments,
  ViewsPushResponse,
  ViewsUpdateArguments,
  ViewsUpdateResponse,
  WebClient,
} from '@slack/web-api';

/**
 * views.open / push / update / publish with the view already JSON text: the very form field
 * WebClient would send for the object. Given the object, WebClient first walks all of it to build
 * debug-log strings (`redact`) that are dropped unless the level is debug — a quarter of what a
 * `/opsplan new` allocated (bench/report/findings.md). Retries, rate limits and errors are
 * WebClient's, unchanged: these go through its `apiCall` like its own `views.*` methods do.
 */
function withViewText<A extends { view: unknown }>(args: A): Record<string, unknown> {
  return { ...args, view: JSON.stringify(args.view) };
}

export function openView(client: WebClient, args: ViewsOpenArguments): Promise<ViewsOpenResponse> {
  return client.apiCall('views.open', withViewText(args));
}

export function pushView(client: WebClient, args: ViewsPushArguments): Promise<ViewsPushResponse> {
  return client.apiCall('views.push', withViewText(args));
}

export function updateView(
  client: WebClient,
  args: ViewsUpdateArguments,
): Promise<ViewsUpdateResponse> {
  return client.apiCall('views.update', withViewText(args));
}

export function publishView(
  client: WebClient,
  args: ViewsPublishArguments,
): Promise<ViewsPublishResponse> {
  return client.apiCall('views.publish', withViewText(args));
}
