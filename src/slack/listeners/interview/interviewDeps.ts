import type { Plan } from '../../../domain/plan.js';
import type { AppLogger } from '../../../logging/logger.js';
import type { InterviewService } from '../../../services/interview/interviewService.js';
import type { UserLocaleResolver } from '../../../services/userLocaleResolver.js';
import type { DraftStore } from '../../../store/draftStore.js';

export interface InterviewDeps {
  interview: InterviewService;
  drafts: DraftStore<Plan>;
  locales: UserLocaleResolver;
  logger: AppLogger;
  /** Used when the owner's Slack profile has no time zone. */
  defaultTimezone: string;
}
