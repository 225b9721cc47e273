import { z } from 'zod';

/** The languages every user-facing text exists in. */
export const LOCALES = ['zh-CN', 'en'] as const;
export const LocaleSchema = z.enum(LOCALES);
export type Locale = z.infer<typeof LocaleSchema>;

/** A text given in every supported language. */
export const LocalizedTextSchema = z.object({ 'zh-CN': z.string(), en: z.string() });
export type LocalizedText = z.infer<typeof LocalizedTextSchema>;

/**
 * Maps a Slack locale (`zh-CN`, `zh-TW`, `en-US`, …) to one we support;
 * anything Chinese reads Chinese, everything else English.
 */
export function localeFromSlack(slackLocale: string | undefined, fallback: Locale = 'en'): Locale {
  if (!slackLocale) return fallback;
  return slackLocale.toLowerCase().startsWith('zh') ? 'zh-CN' : 'en';
}
