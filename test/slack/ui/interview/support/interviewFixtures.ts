import type { KnownBlock, ModalView } from '@slack/types';
import {
  type FieldValue,
  type Kpi,
  KpiSchema,
  type ListFieldType,
} from '../../../../../src/domain/fieldTypes.js';
import type { Stage } from '../../../../../src/domain/lifecycle.js';
import type { Locale } from '../../../../../src/domain/locale.js';
import { type Plan, PlanSchema, type SectionValues } from '../../../../../src/domain/plan.js';
import {
  fieldsForStage,
  type Template,
  type TemplateField,
} from '../../../../../src/domain/template.js';
import { builtinTemplates } from '../../../../../src/domain/templateLoader.js';
import {
  addRow,
  decodeSectionMetadata,
  initialSectionRows,
  type SectionMetadata,
} from '../../../../../src/slack/ui/interview/sectionMetadata.js';
import { buildStateValues, type UserInputs } from '../../../../support/slack/viewState.js';

export const PLAN_ID = 'K3M9X2QA';
export const TEMPLATES = builtinTemplates().list();

export function templateById(id: string): Template {
  const template = builtinTemplates().get(id);
  if (!template) throw new Error(`no template ${id}`);
  return template;
}

export function planFor(
  template: Template,
  opts: { stage?: Stage; language?: Locale; sections?: Record<string, SectionValues> } = {},
): Plan {
  return PlanSchema.parse({
    schemaVersion: 1,
    meta: {
      title: 'Plan <!channel> & co',
      templateId: template.id,
      stage: opts.stage ?? 'growth',
      audience: 'team',
      period: { start: '2026-01-01', end: '2026-12-31' },
      owner: 'U0OWNER1',
      editors: [],
      language: opts.language ?? 'en',
      timezone: 'Asia/Shanghai',
    },
    sections: opts.sections ?? {},
  });
}

/** The state Slack would send for a view: its pre-filled values, changed by `inputs`. */
export function submittedState(view: ModalView, inputs: UserInputs = {}) {
  return buildStateValues(view.blocks, inputs);
}

export function metadataOf(view: ModalView): SectionMetadata {
  const decoded = decodeSectionMetadata(view.private_metadata ?? '');
  if (!decoded.ok) throw new Error(decoded.error);
  return decoded.meta;
}

/** A valid list row for position `i`, with every column filled (mrkdwn injections included). */
export function filledRow(type: ListFieldType, id: string, i: number, phaseId?: string) {
  switch (type) {
    case 'kpis':
      return {
        id,
        name: `KPI ${i} <!here>`,
        baseline: 10.5 + i,
        target: 200 * i,
        unit: '%',
        direction: 'decrease',
        deadline: '2026-06-30',
        owner: 'U0123ABCD',
        cadence: 'weekly',
      };
    case 'phases':
      return {
        id,
        name: `Phase ${i} & <#C0EVIL>`,
        start: '2026-02-01',
        end: '2026-03-31',
        goal: 'Prove the paid funnel',
        successCriteria: 'sign-up conversion ≥ 25%',
        tasks: 'Launch\nMeasure',
      };
    case 'budget_lines':
      return {
        id,
        item: `Ads ${i}`,
        category: 'marketing',
        amount: 300000.5,
        currency: 'EUR',
        ...(phaseId ? { phaseId } : {}),
      };
    case 'resources':
      return { id, item: `Sales team ${i}`, status: 'have', source: 'hire', howToObtain: 'agency' };
    case 'prioritised_items':
      return {
        id,
        title: `Loyalty ${i}`,
        priority: 'P1',
        owner: 'W0456EFGH',
        notes: '*bold* <@U123>',
      };
  }
}

/** A valid value for a scalar field. */
export function filledScalar(field: TemplateField): FieldValue {
  switch (field.type) {
    case 'short_text':
      return `Short <https://evil.example|click> ${field.id}`;
    case 'long_text':
      return `Line one of ${field.id}\n\nLine two & <!channel>`;
    case 'number':
      return 12000;
    case 'percent':
      return 12.5;
    case 'money':
      return { amount: 1200000.25, currency: 'HKD' };
    case 'date':
      return '2026-03-01';
    case 'date_range':
      return { start: '2026-03-01', end: '2026-05-31' };
    case 'single_select':
      return field.options?.[1]?.value ?? 'x';
    case 'multi_select':
      return (field.options ?? []).slice(0, 2).map((o) => o.value);
    case 'user':
      return 'U0456EFGH';
    case 'users':
      return ['U0123ABCD', 'W0456EFGH'];
    case 'channel':
      return 'C0999ROOM';
    default:
      throw new Error(`${field.type} is a list`);
  }
}

/**
 * Rows for every list of the section, each list grown with `addRow` until the modal or the
 * domain says no more (`'max'`), or `count` rows each.
 */
export function rowsFor(
  template: Template,
  plan: Plan,
  sectionId: string,
  count: number | 'max',
): Record<string, string[]> {
  let meta: SectionMetadata = {
    p: PLAN_ID,
    s: sectionId,
    v: 1,
    r: initialSectionRows(template, plan, sectionId),
  };
  for (const fieldId of Object.keys(meta.r)) {
    for (;;) {
      if (count !== 'max' && (meta.r[fieldId]?.length ?? 0) >= count) break;
      const next = addRow(meta, fieldId, plan, template);
      if (next === meta) break;
      meta = next;
    }
  }
  return meta.r;
}

/** Every field of the section the stage asks, filled; lists get the given rows. */
export function filledSection(
  template: Template,
  plan: Plan,
  sectionId: string,
  rows: Record<string, string[]>,
  phaseId?: string,
): SectionValues {
  const section = template.sections.find((s) => s.id === sectionId);
  if (!section) throw new Error(`no section ${sectionId}`);
  const values: SectionValues = {};
  for (const field of fieldsForStage(section, plan.meta.stage)) {
    const ids = rows[field.id];
    values[field.id] = ids
      ? (ids.map((id, i) =>
          filledRow(field.type as ListFieldType, id, i + 1, phaseId),
        ) as FieldValue)
      : filledScalar(field);
  }
  return values;
}

/** The view's blocks as the known block types OpsPlan builds. */
export function blocksOf(view: ModalView): KnownBlock[] {
  return view.blocks as KnownBlock[];
}

/** A filled KPI row, typed as the domain's KPI. */
export function kpiRow(id: string, i: number): Kpi {
  return KpiSchema.parse(filledRow('kpis', id, i));
}
