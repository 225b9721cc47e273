import { stringify } from 'yaml';
import type { LocalizedText } from './locale.js';
import { type Plan, PlanEnvelopeSchema, PlanSchema } from './plan.js';
import { validatePlanAgainstTemplate } from './planValidation.js';
import type { Template } from './template.js';
import { formatPath, type Position, parseYamlSource } from './yamlSource.js';

/** Larger than any plan within the field limits, small enough to refuse junk quickly. */
export const PLAN_YAML_MAX_CHARS = 2_000_000;

/** One reason a YAML plan cannot be imported, located in the source where possible. */
export interface PlanYamlProblem {
  /** e.g. `sections.results.kpis[2].target`; empty for syntax errors. */
  path: string;
  line?: number;
  column?: number;
  message: LocalizedText;
}

export type PlanYamlParse = { ok: true; plan: Plan } | { ok: false; problems: PlanYamlProblem[] };

export interface PlanFromYamlOptions {
  /**
   * Resolves the plan's template so each answer is checked against its field
   * type (precise errors); without it only the generic value shapes are checked.
   */
  templates?: (templateId: string) => Template | undefined;
}

/** The plan as YAML: stable key order, multi-line text as literal blocks, no line folding. */
export function planToYaml(plan: Plan): string {
  return stringify(
    { schemaVersion: plan.schemaVersion, meta: plan.meta, sections: plan.sections },
    { blockQuote: 'literal', lineWidth: 0, aliasDuplicateObjects: false },
  );
}

/** Parses a YAML plan, collecting every problem with its path (and line, when known). */
export function parsePlanYaml(text: string, options: PlanFromYamlOptions = {}): PlanYamlParse {
  if (text.length > PLAN_YAML_MAX_CHARS) {
    return fail([
      problem('', undefined, {
        'zh-CN': `文件过大（超过 ${PLAN_YAML_MAX_CHARS} 个字符）`,
        en: `the file is too large (more than ${PLAN_YAML_MAX_CHARS} characters)`,
      }),
    ]);
  }
  const yaml = parseYamlSource(text);
  if (!yaml.ok) {
    return fail(
      yaml.problems.map((p) =>
        problem('', p, {
          'zh-CN': `YAML 语法错误：${p.reason}`,
          en: `YAML syntax error: ${p.reason}`,
        }),
      ),
    );
  }
  const envelope = PlanEnvelopeSchema.safeParse(yaml.value);
  if (!envelope.success) {
    return fail(
      envelope.error.issues.map((issue) =>
        problem(formatPath(issue.path), yaml.locate(issue.path), {
          'zh-CN': `格式不正确：${issue.message}`,
          en: issue.message,
        }),
      ),
    );
  }
  if (options.templates) {
    const templateId = envelope.data.meta.templateId;
    const template = options.templates(templateId);
    if (!template) {
      const path = ['meta', 'templateId'];
      return fail([
        problem(formatPath(path), yaml.locate(path), {
          'zh-CN': `未知模板「${templateId}」`,
          en: `unknown template "${templateId}"`,
        }),
      ]);
    }
    const checked = validatePlanAgainstTemplate(envelope.data, template);
    if (!checked.ok) {
      return fail(
        checked.issues.map((issue) =>
          problem(formatPath(issue.path), yaml.locate(issue.path), issue.message),
        ),
      );
    }
  }
  const plan = PlanSchema.safeParse(yaml.value);
  if (!plan.success) {
    return fail(
      plan.error.issues.map((issue) =>
        problem(formatPath(issue.path), yaml.locate(issue.path), {
          'zh-CN': `格式不正确：${issue.message}`,
          en: issue.message,
        }),
      ),
    );
  }
  return { ok: true, plan: plan.data };
}

/** A YAML plan that could not be read; `problems` lists every reason. */
export class PlanYamlError extends Error {
  readonly problems: PlanYamlProblem[];

  constructor(problems: PlanYamlProblem[]) {
    super(
      `Invalid plan:\n${problems.map((p) => `  ${formatPlanYamlProblem(p, 'en')}`).join('\n')}`,
    );
    this.name = 'PlanYamlError';
    this.problems = problems;
  }
}

/** Like `parsePlanYaml`, throwing a `PlanYamlError` listing every problem. */
export function planFromYaml(text: string, options: PlanFromYamlOptions = {}): Plan {
  const result = parsePlanYaml(text, options);
  if (!result.ok) throw new PlanYamlError(result.problems);
  return result.plan;
}

/** `line 12, column 5: sections.results.kpis[0].target: not a number` in the reader's language. */
export function formatPlanYamlProblem(p: PlanYamlProblem, locale: keyof LocalizedText): string {
  const where =
    p.line === undefined
      ? ''
      : locale === 'zh-CN'
        ? `第 ${p.line} 行第 ${p.column ?? 1} 列：`
        : `line ${p.line}, column ${p.column ?? 1}: `;
  return `${where}${p.path ? `${p.path}: ` : ''}${p.message[locale]}`;
}

function problem(
  path: string,
  at: Partial<Position> | undefined,
  message: LocalizedText,
): PlanYamlProblem {
  return {
    path,
    ...(at?.line === undefined ? {} : { line: at.line, column: at.column }),
    message,
  };
}

function fail(problems: PlanYamlProblem[]): PlanYamlParse {
  return { ok: false, problems };
}
