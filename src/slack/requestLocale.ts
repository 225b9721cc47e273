import type { Context } from '@slack/bolt';
import { type Locale, LocaleSchema } from '../domain/locale.js';

// Bolt shares one context object between middleware and listeners of a request.
const KEY = 'opsplanLocale';

export function setRequestLocale(context: Context, locale: Locale): void {
  context[KEY] = locale;
}

export function requestLocale(context: Context): Locale | undefined {
  const parsed = LocaleSchema.safeParse(context[KEY]);
  return parsed.success ? parsed.data : undefined;
}
