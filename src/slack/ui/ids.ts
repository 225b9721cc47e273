/**
 * Every callback_id and action_id OpsPlan uses, defined once so that view builders and
 * listeners cannot drift apart. Values are namespaced so they never collide with
 * another app's ids in shared payload samples or logs.
 */
export const CallbackIds = {
  /** The start modal of `/opsplan new` and the plan-details step (title, stage, …). */
  planDetails: 'opsplan.plan_details',
  /** One interview step: the fields of one template section. */
  section: 'opsplan.section',
  /** Shown after Save & close: the work is saved, the modal can be closed. */
  saved: 'opsplan.saved',
  /** Someone else saved the draft meanwhile: reload, keeping what this user typed. */
  conflict: 'opsplan.conflict',
  preview: 'opsplan.preview',
  deleteConfirm: 'opsplan.delete_confirm',
  history: 'opsplan.history',
  /** Review warnings: "Publish anyway" submits it. Metadata: {p: planId, v: draftVersion, c: channel}. */
  publishConfirm: 'opsplan.publish_confirm',
  /** Shows a publish's progress, then its outcome; nothing to submit. */
  publishStatus: 'opsplan.publish_status',
  /** `/opsplan import`: attach or paste a YAML plan. */
  importPlan: 'opsplan.import_plan',
  /** A KPI owner's check-in answers. Metadata: {p: planId, r: roundId}. */
  checkinReport: 'opsplan.checkin_report',
  /** `/opsplan settings <plan>`: schedules of a published plan. Metadata: {p: planId}. */
  scheduleSettings: 'opsplan.schedule_settings',
} as const;

export const ActionIds = {
  sectionBack: 'opsplan.section.back',
  sectionSaveClose: 'opsplan.section.save_close',
  /** Value: the list field id. */
  rowAdd: 'opsplan.row.add',
  /** Value: JSON {f: fieldId, r: rowId}. */
  rowRemove: 'opsplan.row.remove',
  conflictReload: 'opsplan.conflict.reload',
  newPlan: 'opsplan.plan.new',
  /** Value of the plan buttons below: the plan id (never trusted for the workspace). */
  planResume: 'opsplan.plan.resume',
  planPreview: 'opsplan.plan.preview',
  planDelete: 'opsplan.plan.delete',
  planHistory: 'opsplan.plan.history',
  /** Value: the plan id. Review first, then post in the plan's channel. */
  planPublish: 'opsplan.plan.publish',
  /** Value: the plan id (on the published summary message). */
  planRevise: 'opsplan.plan.revise',
  /** Value: JSON {p: planId, s: sectionId}. */
  openSection: 'opsplan.plan.open_section',
  /** Value: JSON {p: planId, v: version}. */
  historyRestore: 'opsplan.history.restore',
  /** Value: JSON {p: planId, r: roundId} (on a check-in DM). Opens the Report modal. */
  checkinReport: 'opsplan.checkin.report',
  /** Value: the plan id. Opens the schedule settings modal (owner only). */
  planSettings: 'opsplan.plan.settings',
} as const;

/** Inputs in OpsPlan views all use this action id; the block id says which field. */
export const INPUT_ACTION_ID = 'value';
