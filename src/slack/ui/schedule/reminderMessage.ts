import type { KnownBlock } from '@slack/types';
import type { Phase } from '../../../domain/fieldTypes.js';
import { STAGE_LABELS, type Stage } from '../../../domain/lifecycle.js';
import type { Locale } from '../../../domain/locale.js';
import { contextBlock, headerBlock, sectionBlock } from '../../../render/blocks/blockBuilders.js';
import {
  bold,
  markup,
  type Paragraph,
  packParagraphs,
  text,
} from '../../../render/blocks/mrkdwnPacker.js';
import { formatDate } from '../../../render/formatFieldValue.js';
import { escapeMrkdwn } from '../../../render/mrkdwn.js';
import type { KpiRowAssessment } from '../../../services/checkins/kpiAssessment.js';
import { ActionIds } from '../ids.js';
import type { SlackMessage } from '../slackMessage.js';
import { checkinTexts } from './checkinTexts.js';
import { kpiStatusParagraph } from './kpiStatusParagraph.js';
import { reminderTexts } from './reminderTexts.js';

export interface DuePhase {
  phase: Phase;
  /** `due`: ends within the coming days; `overdue`: ended before today. */
  state: 'due' | 'overdue';
}

export interface ReminderInput {
  planId: string;
  title: string;
  version: number;
  stage: Stage;
  late: boolean;
  kpis: readonly { row: KpiRowAssessment; ownerId?: string }[];
  phases: readonly DuePhase[];
  locale: Locale;
}

const KPI_SECTIONS_MAX = 20;
const PHASES_LISTED_MAX = 12;

/** The revision reminder in the plan's channel, in the plan's language. */
export function reminderMessage(input: ReminderInput): SlackMessage {
  const t = reminderTexts(input.locale);
  const { locale } = input;
  const blocks: KnownBlock[] = [headerBlock(t.header({ title: input.title }))];
  if (input.late) blocks.push(contextBlock(t.late));
  blocks.push(
    sectionBlock(t.intro({ version: input.version, stage: STAGE_LABELS[input.stage][locale] })),
  );

  blocks.push(sectionBlock(t.kpis));
  const unowned = checkinTexts(locale).digest.noOwner;
  const kpiParagraphs = input.kpis.map(({ row, ownerId }) =>
    kpiStatusParagraph(row, locale, { ...(ownerId ? { id: ownerId } : {}), unowned }),
  );
  const kpiSections = packParagraphs(kpiParagraphs).slice(0, KPI_SECTIONS_MAX);
  if (kpiSections.length === 0) blocks.push(sectionBlock(t.noKpis));
  for (const section of kpiSections) blocks.push(sectionBlock(section));

  blocks.push(sectionBlock(t.phases));
  const listed = input.phases.slice(0, PHASES_LISTED_MAX).map((p) => phaseParagraph(p, locale));
  if (input.phases.length > PHASES_LISTED_MAX) {
    listed.push([
      markup(escapeMrkdwn(t.morePhases({ count: input.phases.length - PHASES_LISTED_MAX }))),
    ]);
  }
  const phaseSections = packParagraphs(listed).slice(0, 3);
  if (phaseSections.length === 0) blocks.push(sectionBlock(t.noPhases));
  for (const section of phaseSections) blocks.push(sectionBlock(section));

  blocks.push(sectionBlock(`${t.suggest}\n${escapeMrkdwn(t.stageAdvice[input.stage])}`));
  blocks.push({
    type: 'actions',
    block_id: 'reminder_actions',
    elements: [
      {
        type: 'button',
        action_id: ActionIds.planRevise,
        style: 'primary',
        text: { type: 'plain_text', text: t.revise },
        value: input.planId,
      },
    ],
  });
  blocks.push(contextBlock(escapeMrkdwn(t.reviseHint)));
  return { text: t.fallback({ title: escapeMrkdwn(input.title) }), blocks };
}

function phaseParagraph({ phase, state }: DuePhase, locale: Locale): Paragraph {
  const t = reminderTexts(locale);
  const end = phase.end ? formatDate(phase.end, locale) : '—';
  const when = state === 'due' ? t.phaseDue({ end }) : t.phaseOverdue({ end });
  return [markup('• '), bold(phase.name), markup(' — '), text(when)];
}
