import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { planFromYaml } from '../../src/domain/planYaml.js';
import { reviewPlan } from '../../src/domain/review/index.js';
import { builtinTemplates } from '../../src/domain/templateLoader.js';
import { renderPlanBlocks } from '../../src/render/planBlocks.js';
import { renderPlanMarkdown } from '../../src/render/planMarkdown.js';
import { validateMessagePayload } from '../support/slack/blockKitValidator.js';

const EXAMPLES_DIR = fileURLToPath(new URL('../../examples/', import.meta.url));
const files = readdirSync(EXAMPLES_DIR).filter((name) => name.endsWith('.yaml'));
const templates = builtinTemplates();

function load(file: string) {
  const text = readFileSync(`${EXAMPLES_DIR}${file}`, 'utf8');
  const plan = planFromYaml(text, { templates: (id) => templates.get(id) });
  const template = templates.get(plan.meta.templateId);
  if (!template) throw new Error(`${file}: unknown template`);
  return { plan, template };
}

describe('examples/', () => {
  it('has a plan for every built-in template, in Chinese, and at least one in English', () => {
    const plans = files.map((file) => load(file).plan.meta);
    for (const template of templates.list()) {
      expect(plans.some((m) => m.templateId === template.id && m.language === 'zh-CN')).toBe(true);
    }
    expect(plans.some((m) => m.templateId === 'standard' && m.language === 'en')).toBe(true);
  });

  describe.each(files)('%s', (file) => {
    const { plan, template } = load(file);
    // Reviewed as its owner would when writing it: at the start of the plan period.
    const review = reviewPlan(plan, template, { today: plan.meta.period.start });

    it('is named after its template and language', () => {
      expect(file).toBe(`${plan.meta.templateId}.${plan.meta.language}.yaml`);
    });

    it('lints without errors or warnings', () => {
      expect(review.findings.map((f) => `${f.severity} ${f.ruleId}: ${f.message.en}`)).toEqual([]);
    });

    it('renders to schema-valid Slack messages with the review summary', () => {
      const post = renderPlanBlocks(plan, template, { review });
      for (const message of [post.summary, ...post.sections]) {
        expect(validateMessagePayload(message)).toEqual([]);
      }
      expect(post.sections.map((m) => m.sectionId)).toEqual(template.sections.map((s) => s.id));
    });

    it('renders to Markdown with every section and the KPI table', () => {
      const markdown = renderPlanMarkdown(plan, template, { review });
      expect(markdown.split('\n')[0]).toBe(`# ${plan.meta.title}`);
      for (const section of template.sections) {
        expect(markdown).toContain(`\n## ${section.title[plan.meta.language]}\n`);
      }
      const kpiHeader =
        plan.meta.language === 'zh-CN' ? '| 名称 | 基线 | 目标 |' : '| Name | Baseline | Target |';
      expect(markdown).toContain(kpiHeader);
    });
  });
});
