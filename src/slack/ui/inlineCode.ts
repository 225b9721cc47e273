/**
 * Makes user text safe inside an inline code span of a mrkdwn message: entities as
 * everywhere in mrkdwn, and backticks removed so the text cannot close our span.
 */
export function escapeForMrkdwnCode(text: string, maxLength = 80): string {
  const cleaned = text.replace(/`/g, "'").replace(/[\r\n]+/g, ' ');
  const short = cleaned.length > maxLength ? `${cleaned.slice(0, maxLength - 1)}…` : cleaned;
  return short.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}
