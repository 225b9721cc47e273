import type { Plan } from '../../../src/domain/plan.js';
import { changed, standardTemplate } from '../../domain/review/fixtures.js';
import { foreignControls, ROW_TEXT_KEYS } from '../../render/support/renderedText.js';
import type { RecordedCall } from '../../support/slack/fakeSlackApi.js';

/**
 * The injection e2e files' shared parts: the attack written into every user field, and a reader
 * that finds every text Slack would parse in what the fake Slack recorded, and what in it would
 * ping someone or forge a link.
 */

export const ATTACK =
  '<!channel> <!here> <!everyone> <@U0VICTIM99> <!subteam^S0EVIL|x> <#C0EVIL99> ' +
  '<https://evil.example|click> & &amp; &lt;!here&gt; *bold* _it_ `code` ~strike~ ' +
  '[link](https://evil.example/md) | cell | \n> quote\n# heading';

/** Every user-written text of `plan` replaced by the attack (kept within each field's limit). */
export function attacked(plan: Plan, tag: string): Plan {
  return changed(plan, (draft) => {
    draft.meta.title = `${tag} <!channel> <@U0VICTIM99> <https://evil.example|t> & *t*`;
    for (const section of standardTemplate().sections) {
      const values = draft.sections[section.id] ?? {};
      for (const field of section.fields) {
        const value = values[field.id];
        if (
          typeof value === 'string' &&
          (field.type === 'short_text' || field.type === 'long_text')
        )
          values[field.id] = `${field.id}: ${ATTACK}`.slice(
            0,
            field.type === 'short_text' ? 150 : 3000,
          );
        if (!Array.isArray(value)) continue;
        for (const row of value) {
          if (typeof row !== 'object' || row === null) continue;
          const record = row as unknown as Record<string, unknown>;
          for (const key of ROW_TEXT_KEYS) {
            if (typeof record[key] !== 'string') continue;
            // A 30-character unit still carries a ping, a mention and a stray &.
            record[key] =
              key === 'unit' ? '<!channel><@U0VICTIM99>&*b*' : `${key} ${ATTACK}`.slice(0, 80);
          }
        }
      }
    }
  });
}

/** Controls the app writes itself: permalinks to the posted plan, with the app's own label. */
const APP_LINK = /^<https:\/\/[a-z0-9-]+\.slack\.com\/archives\/[A-Z0-9]+\/p\d+\|[^<>&]*>$/;

/** Dates the app formats with Slack's date token (digits and the app's own format only). */
const APP_DATE = /^<!date\^\d+\^\{date_short_pretty\} \{time\}\|[0-9TZ:. -]+( UTC)?>$/;

export interface Interpreted {
  where: string;
  text: string;
}

/** Texts Slack parses for mentions and links: mrkdwn objects, markdown blocks, message `text`. */
export function interpretedTexts(
  value: unknown,
  where: string,
  out: Interpreted[] = [],
): Interpreted[] {
  if (Array.isArray(value)) {
    for (const item of value) interpretedTexts(item, where, out);
    return out;
  }
  if (typeof value !== 'object' || value === null) return out;
  const record = value as Record<string, unknown>;
  if (record.type === 'mrkdwn' && typeof record.text === 'string')
    out.push({ where: `${where} mrkdwn`, text: record.text });
  if (record.type === 'markdown' && typeof record.text === 'string')
    out.push({ where: `${where} markdown block`, text: record.text });
  if (record.type === 'link' && typeof record.url === 'string')
    out.push({ where: `${where} rich_text link`, text: `<${record.url}>` });
  for (const child of Object.values(record)) interpretedTexts(child, where, out);
  return out;
}

export function textsOfCall(call: RecordedCall): Interpreted[] {
  const where = `${call.method}${call.args.channel ? ` ${String(call.args.channel)}` : ''}`;
  const out: Interpreted[] = [];
  // A message's top-level text is mrkdwn (and the notification) unless mrkdwn is off.
  if (typeof call.args.text === 'string' && call.args.mrkdwn !== false)
    out.push({ where: `${where} text`, text: call.args.text });
  interpretedTexts(call.args.blocks, where, out);
  interpretedTexts(call.args.attachments, where, out);
  interpretedTexts(call.args.view, where, out);
  return out;
}

/** Every control sequence that is not a mention of an allowed id, an app permalink or app date. */
export function offences(texts: readonly Interpreted[], allowed: ReadonlySet<string>): string[] {
  return texts.flatMap(({ where, text }) =>
    foreignControls(text, allowed)
      .filter((control) => !APP_LINK.test(control) && !APP_DATE.test(control))
      .map((control) => `${where}: ${control}`),
  );
}

/** Where a parsed text holds an `&` that is not one of the three entities Slack understands. */
export function looseAmpersands(texts: readonly Interpreted[]): string[] {
  return texts.filter(({ text }) => /&(?!amp;|lt;|gt;)/.test(text)).map((t) => t.where);
}

/** Markdown blocks render [x](y) as links: only escaped brackets may come from user text. */
export function markdownLinks(texts: readonly Interpreted[]): Interpreted[] {
  return texts.filter(
    ({ where, text }) =>
      where.endsWith('markdown block') && /(^|[^\\])\[[^\]]*\]\(https:\/\/evil/.test(text),
  );
}
