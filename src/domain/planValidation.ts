import type { z } from 'zod';
import { type FieldValue, isEmptyValue, VALUE_SCHEMAS } from './fieldTypes.js';
import type { LocalizedText } from './locale.js';
import type { PlanEnvelope } from './plan.js';
import type { Template, TemplateField } from './template.js';

export type IssuePath = (string | number)[];

/** One reason a plan does not fit its template, pointing at the offending value. */
export interface PlanIssue {
  path: IssuePath;
  message: LocalizedText;
}

export type PlanValidation = { ok: true } | { ok: false; issues: PlanIssue[] };

export interface ValidatePlanOptions {
  /** Also report required fields left empty (publishing needs this; saving a draft does not). */
  requireComplete?: boolean;
}

/**
 * Checks that every answer has the type its template field declares, that select
 * answers are among the field's options, and that nothing answers a section or
 * field the template does not have. Accepts an unchecked envelope too, so an
 * importer gets precise errors before the answers are typed.
 */
export function validatePlanAgainstTemplate(
  plan: PlanEnvelope,
  template: Template,
  options: ValidatePlanOptions = {},
): PlanValidation {
  const issues: PlanIssue[] = [];
  if (plan.meta.templateId !== template.id) {
    issues.push({
      path: ['meta', 'templateId'],
      message: {
        'zh-CN': `计划使用模板「${plan.meta.templateId}」，而不是「${template.id}」`,
        en: `the plan uses template "${plan.meta.templateId}", not "${template.id}"`,
      },
    });
  }
  for (const [sectionId, values] of Object.entries(plan.sections)) {
    const section = template.sections.find((s) => s.id === sectionId);
    if (!section) {
      issues.push({
        path: ['sections', sectionId],
        message: {
          'zh-CN': `模板「${template.id}」中没有章节「${sectionId}」`,
          en: `template "${template.id}" has no section "${sectionId}"`,
        },
      });
      continue;
    }
    for (const [fieldId, value] of Object.entries(values)) {
      const field = section.fields.find((f) => f.id === fieldId);
      const path = ['sections', sectionId, fieldId];
      if (!field) {
        issues.push({
          path,
          message: {
            'zh-CN': `章节「${sectionId}」中没有字段「${fieldId}」`,
            en: `section "${sectionId}" has no field "${fieldId}"`,
          },
        });
        continue;
      }
      issues.push(
        ...validateFieldValue(field, value).map((i) => ({ ...i, path: [...path, ...i.path] })),
      );
    }
  }
  if (options.requireComplete) issues.push(...missingRequired(plan, template));
  return issues.length === 0 ? { ok: true } : { ok: false, issues };
}

/**
 * Checks one answer against its field: the type's schema and, for selects, the
 * options. Paths are relative to the value (e.g. `[2, 'target']` for a KPI row).
 * The interview uses this for inline errors.
 */
export function validateFieldValue(field: TemplateField, value: unknown): PlanIssue[] {
  const parsed = VALUE_SCHEMAS[field.type].safeParse(value);
  if (!parsed.success) return parsed.error.issues.map(fromZodIssue);
  if (!field.options) return [];
  const allowed = new Set(field.options.map((o) => o.value));
  const chosen = typeof parsed.data === 'string' ? [parsed.data] : (parsed.data as string[]);
  return chosen
    .filter((v) => !allowed.has(v))
    .map((v) => ({
      path: [],
      message: {
        'zh-CN': `「${v}」不是此字段的选项`,
        en: `"${v}" is not one of this field's options`,
      },
    }));
}

function missingRequired(plan: PlanEnvelope, template: Template): PlanIssue[] {
  const issues: PlanIssue[] = [];
  for (const section of template.sections) {
    for (const field of section.fields) {
      const value = plan.sections[section.id]?.[field.id];
      if (!field.required || !isEmptyValue(value as FieldValue | undefined)) continue;
      issues.push({
        path: ['sections', section.id, field.id],
        message: {
          'zh-CN': `必填项「${field.label['zh-CN']}」尚未填写`,
          en: `the required field "${field.label.en}" is empty`,
        },
      });
    }
  }
  return issues;
}

/** zod's own messages are English; the Chinese text frames them so a reader knows what failed. */
export function fromZodIssue(issue: z.core.$ZodIssue): PlanIssue {
  return {
    path: issue.path.filter((p): p is string | number => typeof p !== 'symbol'),
    message: { 'zh-CN': `格式不正确：${issue.message}`, en: issue.message },
  };
}

/** `sections.goals.kpis[2].target` — how paths appear in error messages. */
export function formatIssuePath(path: IssuePath): string {
  return path.map((p, i) => (typeof p === 'number' ? `[${p}]` : i === 0 ? p : `.${p}`)).join('');
}
