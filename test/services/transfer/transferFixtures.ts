import { readFileSync } from 'node:fs';
import type { Locale } from '../../../src/domain/locale.js';
import { type Plan, PlanSchema } from '../../../src/domain/plan.js';
import { planFromYaml } from '../../../src/domain/planYaml.js';
import { builtinTemplates } from '../../../src/domain/templateLoader.js';

const EXAMPLES = new URL('../../../examples/', import.meta.url);

/** A complete, realistic plan of the standard template (the repository's example), owned by `owner`. */
export function examplePlan(locale: Locale, owner: string, editors: string[] = []): Plan {
  const text = readFileSync(new URL(`standard.${locale}.yaml`, EXAMPLES), 'utf8');
  const plan = planFromYaml(text, { templates: (id) => builtinTemplates().get(id) });
  return { ...plan, meta: { ...plan.meta, owner, editors } };
}

/** Text a hostile or careless user could type: mentions, links, entities, Markdown and YAML syntax. */
export const INJECTION = {
  title: 'Plan <!channel> & <https://evil.example|click> *bold* `x` # not: yaml',
  text: '<!here> <@U0VICTIM01> <#C0SECRET01> &amp; [link](javascript:alert(1)) <script>x</script>\n| a | b |\n---\nkey: "value" # comment\n- item',
} as const;

/** A small standard plan (its YAML fits Slack's 3000-character text box) full of injection strings. */
export function smallPlan(owner: string, editors: string[] = []): Plan {
  return PlanSchema.parse({
    schemaVersion: 1,
    meta: {
      title: INJECTION.title,
      templateId: 'standard',
      stage: 'growth',
      audience: 'investors',
      period: { start: '2027-01-01', end: '2027-12-31' },
      owner,
      editors,
      channel: 'C0PLANS0001',
      language: 'en',
      timezone: 'Asia/Shanghai',
    },
    sections: {
      product: { description: INJECTION.text, targetUsers: 'Owners of small shops & kiosks' },
      goals: { vision: 'Every shop runs on us by 2030.', shortTermGoals: '20,000 paying shops' },
      results: {
        kpis: [
          {
            id: 'kpi-1',
            name: 'Paying shops <!everyone>',
            baseline: 8000,
            target: 20000,
            unit: 'shops',
            direction: 'increase',
            deadline: '2027-12-31',
            owner: 'U0CITYMGR01',
            cadence: 'weekly',
          },
        ],
      },
      budget: {
        total: { amount: 250000, currency: 'USD' },
        lines: [{ id: 'line-1', item: 'Referral rewards', amount: 150000, currency: 'USD' }],
      },
    },
  });
}
