import { z } from 'zod';
import type { LocalizedText } from './locale.js';

/** A product's lifecycle stage; it changes what a plan must emphasise. */
export const STAGES = ['startup', 'growth', 'maturity', 'decline'] as const;
export const StageSchema = z.enum(STAGES);
export type Stage = z.infer<typeof StageSchema>;

export const STAGE_LABELS: Record<Stage, LocalizedText> = {
  startup: { 'zh-CN': '初创期', en: 'Startup' },
  growth: { 'zh-CN': '发展期', en: 'Growth' },
  maturity: { 'zh-CN': '成熟期', en: 'Maturity' },
  decline: { 'zh-CN': '衰退期', en: 'Decline' },
};

/** Who the plan is written for; it changes tone, not structure. */
export const AUDIENCES = ['boss', 'investors', 'team', 'self'] as const;
export const AudienceSchema = z.enum(AUDIENCES);
export type Audience = z.infer<typeof AudienceSchema>;

export const AUDIENCE_LABELS: Record<Audience, LocalizedText> = {
  boss: { 'zh-CN': '上级', en: 'Boss' },
  investors: { 'zh-CN': '投资人', en: 'Investors' },
  team: { 'zh-CN': '团队', en: 'Team' },
  self: { 'zh-CN': '自己', en: 'Myself' },
};
