import { TEST_BOT_TOKEN, TEST_SIGNING_SECRET } from './testApp.js';

/** Anything shaped like a Slack token, whoever's it is. */
const TOKEN_SHAPE = /\b(xox[abposre]|xapp)-(?!\[redacted\])[A-Za-z0-9-]{4,}/;

/** Fails when a log line carries the app's secrets or anything token-shaped. */
export function assertNoSecretsLogged(lines: readonly string[]): void {
  const leaks = lines.filter(
    (line) =>
      line.includes(TEST_BOT_TOKEN) || line.includes(TEST_SIGNING_SECRET) || TOKEN_SHAPE.test(line),
  );
  if (leaks.length > 0) {
    throw new Error(
      `secrets reached the logs in ${leaks.length} line(s), e.g.:\n${leaks[0]?.slice(0, 300)}`,
    );
  }
  if (lines.length === 0)
    throw new Error('the app logged nothing: the secrets check would prove nothing');
}
