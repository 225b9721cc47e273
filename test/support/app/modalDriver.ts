import type { RecordedCall } from '../slack/fakeSlackApi.js';
import type { UserInputs } from '../slack/viewState.js';
import type { E2eContext } from './e2e.js';

type JsonObject = Record<string, unknown>;

export interface Actor {
  teamId: string;
  userId: string;
}

/**
 * Drives one user's modal the way Slack would: opened by a command or button, replaced by a
 * submission's `response_action: 'update'`, or by the app's own `views.update` after a click.
 * `view` is always the view as Slack currently holds it (id, hash, blocks).
 */
export function modalDriver(e2e: E2eContext, actor: Actor) {
  let view: JsonObject | undefined;
  const seen = new Set<RecordedCall>();
  const current = (): JsonObject => {
    if (!view) throw new Error('no modal is open');
    return view;
  };

  async function nextCall(method: string, match: (c: RecordedCall) => boolean = () => true) {
    for (const c of e2e.slack.callsTo(method)) seen.add(c);
    const call = await e2e.slack.waitForCall(method, (c) => !seen.has(c) && match(c));
    seen.add(call);
    if (call.result?.ok !== true)
      throw new Error(`${method} failed: ${JSON.stringify(call.result)}`);
    return call;
  }

  return {
    get view() {
      return current();
    },
    /** Runs `/opsplan <text>` and waits for the modal it opens. */
    async command(text: string) {
      for (const c of e2e.slack.callsTo('views.open')) seen.add(c);
      const res = await e2e.client.slashCommand({
        ...actor,
        text,
        responseUrl: e2e.slack.responseUrl(),
      });
      if (res.status !== 200) throw new Error(`command answered ${res.status}`);
      const call = await nextCall('views.open');
      view = call.result?.view as JsonObject;
      return res;
    },
    async submit(values: UserInputs = {}) {
      const res = await e2e.client.viewSubmission({ ...actor, view: current(), values });
      const body = res.body as { response_action?: string; view?: JsonObject } | '';
      if (body && body.response_action === 'update' && body.view) {
        view = e2e.slack.applyViewUpdate(String(current().id), body.view);
      }
      return res;
    },
    /** Clicks a button (or picks an element) in the modal and waits for the app's views.update. */
    async click(
      actionId: string,
      options: { value?: string; blockId?: string; values?: UserInputs } = {},
    ) {
      const viewId = String(current().id);
      for (const c of e2e.slack.callsTo('views.update')) seen.add(c);
      const res = await e2e.client.blockActions({
        ...actor,
        view: current(),
        actions: [
          {
            action_id: actionId,
            ...(options.blockId ? { block_id: options.blockId } : {}),
            ...(options.value !== undefined ? { value: options.value } : {}),
          },
        ],
        ...(options.values ? { values: options.values } : {}),
      });
      if (res.status !== 200) throw new Error(`block action answered ${res.status}`);
      const call = await nextCall('views.update', (c) => c.args.view_id === viewId);
      view = call.result?.view as JsonObject;
      return call;
    },
    async close(values: UserInputs = {}) {
      return e2e.client.viewClosed({ ...actor, view: current(), values });
    },
    /** Values of a select's options, to pick from without hard-coding the template. */
    optionValues(blockId: string): string[] {
      const block = (current().blocks as JsonObject[]).find((b) => b.block_id === blockId);
      const element = (block?.element ?? {}) as { options?: Array<{ value: string }> };
      return (element.options ?? []).map((o) => o.value);
    },
    blockIds(): string[] {
      return (current().blocks as JsonObject[]).map((b) => String(b.block_id));
    },
  };
}
