import type { KpiStatus } from '../../../domain/kpi/index.js';
import {
  KPI_NO_DATA_REASON_TEXTS,
  KPI_STATUS_LABELS,
  KPI_TREND_LABELS,
} from '../../../domain/kpi/index.js';
import type { Locale } from '../../../domain/locale.js';
import { bold, markup, type Paragraph, text } from '../../../render/blocks/mrkdwnPacker.js';
import { userMention } from '../../../render/mrkdwn.js';
import type { KpiRowAssessment } from '../../../services/checkins/kpiAssessment.js';
import { checkinTexts } from './checkinTexts.js';
import { expectedQuantity, kpiQuantity } from './kpiFormatting.js';

const STATUS_EMOJI: Record<KpiStatus, string> = {
  on_track: ':large_green_circle:',
  at_risk: ':large_yellow_circle:',
  off_track: ':red_circle:',
  no_data: ':white_circle:',
};

/**
 * One KPI as a paragraph: name and owner, actual vs target and the expected value now, status and
 * trend. Shared by the check-in digest and the revision reminder so both read the same way.
 */
export function kpiStatusParagraph(
  row: KpiRowAssessment,
  locale: Locale,
  owner?: { id?: string; unowned: string },
): Paragraph {
  const t = checkinTexts(locale).digest;
  const none = '—';
  const { kpi, assessment } = row;
  const status = assessment.status;
  const statusText =
    status === 'no_data' && assessment.reason
      ? `${KPI_STATUS_LABELS[status][locale]} (${KPI_NO_DATA_REASON_TEXTS[assessment.reason][locale]})`
      : KPI_STATUS_LABELS[status][locale];
  const paragraph: Paragraph = [markup(`${STATUS_EMOJI[status]} `), bold(kpi.name)];
  if (owner) {
    paragraph.push(markup(' · '));
    paragraph.push(owner.id ? markup(userMention(owner.id)) : text(owner.unowned));
  }
  const facts = [
    `${t.actual}: ${kpiQuantity(kpi, row.actual, locale) ?? none}`,
    `${t.target}: ${kpiQuantity(kpi, kpi.target, locale) ?? none}`,
    `${t.expected}: ${expectedQuantity(kpi, assessment.expected, locale) ?? none}`,
  ].join(' · ');
  const verdict = [
    `${t.status}: ${statusText}`,
    `${t.trend}: ${row.trend ? KPI_TREND_LABELS[row.trend][locale] : none}`,
  ].join(' · ');
  paragraph.push(markup('\n'), text(facts), markup('\n'), text(verdict));
  return paragraph;
}
