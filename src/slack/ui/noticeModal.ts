import type { ModalView } from '@slack/types';
import type { Locale } from '../../domain/locale.js';

const TEXTS = {
  en: { title: 'OpsPlan', close: 'Close' },
  'zh-CN': { title: 'OpsPlan', close: '关闭' },
} as const;

/** A modal that only explains something (a refusal, a missing plan) and can be closed. */
export function buildNoticeModal(locale: Locale, mrkdwn: string): ModalView {
  const t = TEXTS[locale];
  return {
    type: 'modal',
    title: { type: 'plain_text', text: t.title },
    close: { type: 'plain_text', text: t.close },
    blocks: [{ type: 'section', text: { type: 'mrkdwn', text: mrkdwn } }],
  };
}
