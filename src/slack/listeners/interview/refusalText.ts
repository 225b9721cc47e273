import type { Locale } from '../../../domain/locale.js';
import { messagesFor } from '../../../i18n/messages.js';

/** Why a plan cannot be opened for editing, in the reader's language. */
export function refusalText(
  locale: Locale,
  reason: 'not_found' | 'forbidden' | 'template_missing',
): string {
  const m = messagesFor(locale).plans;
  if (reason === 'forbidden') return m.forbidden;
  if (reason === 'template_missing') return m.templateMissing;
  return m.notFound({ ref: '?' });
}
