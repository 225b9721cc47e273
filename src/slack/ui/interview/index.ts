/** The interview's pure views: build a view from state, parse a submission back. */
export { fieldBlockId, rowColumnBlockId, SectionBlockIds } from './blockIds.js';
export {
  type BuildConflictModalArgs,
  buildConflictModal,
  type TypedValue,
} from './conflictModal.js';
export {
  type BuildPlanDetailsArgs,
  buildPlanDetailsModal,
  PlanDetailsBlockIds,
  type PlanDetailsMode,
} from './planDetailsModal.js';
export {
  decodePlanDetailsMetadata,
  type PlanDetailsMetadata,
  type PlanDetailsOf,
  type PlanDetailsParse,
  type PlanDetailsValues,
  parsePlanDetailsSubmission,
} from './planDetailsSubmission.js';
export { type BuildSavedModalArgs, buildSavedModal } from './savedModal.js';
export {
  firstSectionId,
  layoutSection,
  type SectionProgress,
  sectionProgress,
} from './sectionLayout.js';
export {
  addRow,
  decodeSectionMetadata,
  encodeSectionMetadata,
  initialSectionRows,
  removeRow,
  type SectionMetadata,
  SectionMetadataSchema,
} from './sectionMetadata.js';
export {
  type BuildSectionModalArgs,
  buildSectionModal,
  type SectionNotice,
  sectionModalTitle,
} from './sectionModal.js';
export {
  type ParseSectionArgs,
  parseSectionSubmission,
  type SectionParse,
  stateToPrefill,
} from './sectionSubmission.js';
export { typedValuesForConflict } from './typedValues.js';
export type { InputValue } from './viewStateValues.js';
