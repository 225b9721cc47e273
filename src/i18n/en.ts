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
  subcommands: {
    help: { usage: '/opsplan help [en|zh]', summary: 'Show this help.' },
    language: {
      usage: '/opsplan language en|zh|auto',
      summary: "Choose OpsPlan's language for you (auto follows Slack).",
    },
  },
} as const;
