/** English texts of the Slack surfaces. zh-CN.ts must provide exactly the same keys. */
export const en = {
  help: {
    title: 'OpsPlan — your operations plan, written and run in Slack',
    intro:
      'OpsPlan interviews your team section by section — product, goals, scope, resources, strategy, systems, results and budget — reviews the plan against the framework and keeps it alive with revision reminders and KPI check-ins.',
    commandsHeading: '*Commands*',
    languageHint: 'Tip: `/opsplan help zh` shows this help in Chinese.',
  },
  errors: {
    unknownSubcommand: (p: { name: string; suggestion?: string }) =>
      `I don't know the command \`${p.name}\`.${p.suggestion ? ` Did you mean \`/opsplan ${p.suggestion}\`?` : ''} Type \`/opsplan help\` to see everything OpsPlan can do.`,
    storageUnavailable:
      "OpsPlan's storage is unavailable right now, so this action could not be completed. Nothing you had already saved is lost — please try again in a moment.",
    storageUnavailableField:
      'Storage is unavailable right now, so this step was not saved. Everything you typed is still here — press the button again in a moment.',
    apology:
      'Sorry — something went wrong on our side and this action was not completed. Please try again; if it keeps happening, tell your workspace admin.',
    apologyField:
      'Sorry — something went wrong on our side and this step was not saved. Everything you typed is still here; please try again.',
  },
  language: {
    current:
      'OpsPlan follows your Slack language unless you choose one: `/opsplan language zh` for Chinese, `/opsplan language en` for English, `/opsplan language auto` to follow Slack again.',
    set: 'Done — OpsPlan will speak English to you from now on.',
    followSlack: 'Done — OpsPlan follows your Slack language again.',
    invalid: (p: { value: string }) =>
      `\`${p.value}\` is not a language OpsPlan speaks. Use \`/opsplan language en\`, \`/opsplan language zh\` or \`/opsplan language auto\`.`,
  },
  plans: {
    notFound: (p: { ref: string }) =>
      `I can't find a plan called \`${p.ref}\` in this workspace. \`/opsplan list\` shows your plans with their ids.`,
    ambiguous: (p: { ref: string; choices: string }) =>
      `Several plans are called \`${p.ref}\` — name one by its id:\n${p.choices}`,
    forbidden:
      'Only the owner and the editors of this plan can change it. Ask the owner to add you as an editor.',
    templateMissing:
      'The template this plan was written with is no longer installed, so it cannot be edited here. Ask your admin to restore it (TEMPLATES_DIR).',
    unknownSection: (p: { section: string; sections: string }) =>
      `This plan has no section \`${p.section}\`. Its sections are: ${p.sections}.`,
    restoredUnsaved:
      'We kept what you typed before you closed this step; it is shown below but not saved yet.',
    conflictNotice:
      'Shown: what you typed, over the latest saved version. Saving now replaces this section as someone else saved it.',
    fixErrors: (p: { problems: string }) => `Not saved yet — please fix:\n${p.problems}`,
    rowLimit: 'That list is full for this step.',
    savedWindowStale: (p: { title: string; command: string }) =>
      `*Saved ✓* — your answers in _${p.title}_ are stored. Slack could not refresh the window, so it may still show the step: just close it, and continue any time with \`${p.command}\`.`,
  },
  subcommands: {
    new: {
      usage: '/opsplan new [title]',
      summary: 'Start a new operations plan, one step per section.',
    },
    edit: {
      usage: '/opsplan edit <plan> [section]',
      summary: 'Continue a plan, or jump straight to one section.',
    },
    help: { usage: '/opsplan help [en|zh]', summary: 'Show this help.' },
    language: {
      usage: '/opsplan language en|zh|auto',
      summary: "Choose OpsPlan's language for you (auto follows Slack).",
    },
  },
} as const;
