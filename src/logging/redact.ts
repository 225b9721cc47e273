/**
 * Slack token shapes (bot, user, app-level, config, refresh). Bolt and the Web API client log
 * request details at debug level, so anything token-like is masked whatever its origin.
 */
const TOKEN_PATTERN = /\b(xox[abposre]|xapp|xoxe\.xox[bp])-[A-Za-z0-9-]+/g;
const URL_CREDENTIALS = /\b(rediss?|https?):\/\/([^:/@\s]*):([^@/\s]+)@/g;

export function createRedactor(secrets: readonly string[]): (text: string) => string {
  // Exact secrets first (the signing secret has no recognisable shape), longest first so a
  // secret containing another is masked whole.
  const exact = [...new Set(secrets.filter((s) => s.length >= 6))].sort(
    (a, b) => b.length - a.length,
  );
  return (text) => {
    let out = text;
    for (const secret of exact) out = out.split(secret).join('[redacted]');
    return out
      .replace(TOKEN_PATTERN, (_m, kind: string) => `${kind}-[redacted]`)
      .replace(
        URL_CREDENTIALS,
        (_m, scheme: string, user: string) => `${scheme}://${user}:[redacted]@`,
      );
  };
}
