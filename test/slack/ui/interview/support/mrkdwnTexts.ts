/** Every mrkdwn text in a view, wherever it sits (sections, context, accessories). */
export function mrkdwnTexts(value: unknown): string[] {
  if (Array.isArray(value)) return value.flatMap(mrkdwnTexts);
  if (typeof value !== 'object' || value === null) return [];
  const record = value as Record<string, unknown>;
  const own = record.type === 'mrkdwn' && typeof record.text === 'string' ? [record.text] : [];
  return [...own, ...Object.values(record).flatMap(mrkdwnTexts)];
}

/** Slack control sequences a user could use to ping everyone or forge a link. */
export const INJECTED = [
  '<!channel>',
  '<!here>',
  '<@U123>',
  '<#C0EVIL>',
  '<https://evil.example|click>',
];
