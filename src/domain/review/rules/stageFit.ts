import { isEmptyValue } from '../../fieldTypes.js';
import type { Stage } from '../../lifecycle.js';
import type { LocalizedText } from '../../locale.js';
import { fieldsWithRole, typedFieldsWithRole } from '../../planFields.js';
import type { FieldRole } from '../../template.js';
import { findingAt } from '../finding.js';
import type { ReviewRule } from '../types.js';

interface StageNeed {
  id: string;
  stage: Stage;
  role: FieldRole;
  description: LocalizedText;
  message: LocalizedText;
}

/** A rule that fires when a plan in `stage` leaves every `role` field empty. */
function stageNeeds(need: StageNeed): ReviewRule {
  const rule: ReviewRule = {
    id: need.id,
    severity: 'warning',
    description: need.description,
    check({ plan, template }) {
      if (plan.meta.stage !== need.stage) return [];
      const fields = fieldsWithRole(plan, template, need.role);
      const [first] = fields;
      if (!first || fields.some((f) => !isEmptyValue(f.value))) return [];
      return [findingAt(rule, first, need.message)];
    },
  };
  return rule;
}

export const startupBusinessModel = stageNeeds({
  id: 'stage-startup-business-model',
  stage: 'startup',
  role: 'businessModel',
  description: {
    'zh-CN': '初创期计划写明了商业模式。',
    en: 'A startup plan states its business model.',
  },
  message: {
    'zh-CN': '初创期计划缺少商业模式：谁付钱、为什么付、成本多少、多少用户能打平？',
    en: 'This startup plan has no business model: who pays and why, what it costs, and how many customers it takes to break even?',
  },
});

export const growthBusinessModelReview = stageNeeds({
  id: 'stage-growth-business-model-review',
  stage: 'growth',
  role: 'businessModelReview',
  description: {
    'zh-CN': '发展期计划对照实际结果复盘了商业模式。',
    en: 'A growth plan reviews its business model against results.',
  },
  message: {
    'zh-CN': '发展期计划没有复盘商业模式：用实际数据检验原有假设，并写明如何调整。',
    en: 'This growth plan does not review its business model: test the original assumptions against actual numbers and say how you will adjust.',
  },
});

export const maturityQuarterly = stageNeeds({
  id: 'stage-maturity-quarterly',
  stage: 'maturity',
  role: 'quarterlyBreakdown',
  description: {
    'zh-CN': '成熟期计划按季度拆解，并安排季度修订。',
    en: 'A maturity plan is broken down by quarter, with quarterly revisions.',
  },
  message: {
    'zh-CN': '成熟期计划缺少季度拆解：年初定目标，按季度拆分节点并每季度修订。',
    en: 'This maturity plan has no quarterly breakdown: set the year’s goals, split them into quarterly milestones and revise each quarter.',
  },
});

export const maturityCompetitors = stageNeeds({
  id: 'stage-maturity-competitors',
  stage: 'maturity',
  role: 'competitors',
  description: {
    'zh-CN': '成熟期计划包含竞品研究。',
    en: 'A maturity plan includes competitor research.',
  },
  message: {
    'zh-CN': '成熟期计划缺少竞品研究：主要竞品的定位、价格、近期动作，以及我们的应对。',
    en: 'This maturity plan has no competitor research: the main competitors’ positioning, pricing and recent moves, and our answer.',
  },
});

export const maturityMarketWatch = stageNeeds({
  id: 'stage-maturity-market-watch',
  stage: 'maturity',
  role: 'marketWatch',
  description: {
    'zh-CN': '成熟期计划说明了如何观察市场变化。',
    en: 'A maturity plan says how it watches the market.',
  },
  message: {
    'zh-CN': '成熟期计划没有写市场观察：要跟踪哪些信号、多久看一次、什么情况触发修订？',
    en: 'This maturity plan has no market watch: which signals, how often, and what would trigger a revision?',
  },
});

export const declineAftercare = stageNeeds({
  id: 'stage-decline-aftercare',
  stage: 'decline',
  role: 'aftercare',
  description: {
    'zh-CN': '衰退期计划写明了善后安排。',
    en: 'A decline plan describes its aftercare.',
  },
  message: {
    'zh-CN': '衰退期计划缺少善后安排：退款、数据保留与删除、替代方案、客服持续多久。',
    en: 'This decline plan has no aftercare: refunds, data retention and deletion, alternatives, and how long support continues.',
  },
});

/** A decline plan needs exit steps, and each step needs its timing. */
export const declineExit: ReviewRule = {
  id: 'stage-decline-exit',
  severity: 'warning',
  description: {
    'zh-CN': '衰退期计划列出了退出步骤及其时间。',
    en: 'A decline plan lists its exit steps and their timing.',
  },
  check({ plan, template }) {
    if (plan.meta.stage !== 'decline') return [];
    const steps = fieldsWithRole(plan, template, 'exitSteps');
    const [first] = steps;
    if (!first) return [];
    if (steps.every((f) => isEmptyValue(f.value))) {
      return [
        findingAt(declineExit, first, {
          'zh-CN': '衰退期计划缺少退出步骤：公告、停止新增、迁移用户、停服、数据处理，各在何时？',
          en: 'This decline plan has no exit steps: announcement, stop sign-ups, user migration, shutdown, data handling — and when?',
        }),
      ];
    }
    // Dated steps carry their own timing; otherwise a separate timing field must say when.
    const undated = typedFieldsWithRole(plan, template, 'exitSteps', 'phases').flatMap((at) =>
      (at.value ?? []).filter((s) => !s.start && !s.end).map((s) => ({ at, step: s })),
    );
    const findings = undated.map(({ at, step }) =>
      findingAt(
        declineExit,
        at,
        {
          'zh-CN': `退出步骤「${step.name}」没有时间。`,
          en: `Exit step "${step.name}" has no date.`,
        },
        { rowId: step.id },
      ),
    );
    const textSteps = steps.some((f) => f.field.type !== 'phases' && !isEmptyValue(f.value));
    const timing = fieldsWithRole(plan, template, 'exitTiming');
    if (textSteps && timing.every((f) => isEmptyValue(f.value))) {
      findings.push(
        findingAt(declineExit, timing[0] ?? first, {
          'zh-CN': '退出步骤没有时间安排：写明每一步在何时完成。',
          en: 'The exit steps have no timing: say when each step happens.',
        }),
      );
    }
    return findings;
  },
};
