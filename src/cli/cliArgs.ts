import { parseArgs } from 'node:util';
import { type Locale, LocaleSchema } from '../domain/locale.js';
import { cliText } from './cliText.js';

export type RenderFormat = 'md' | 'blocks';

interface Common {
  /** Output language when given with --lang. */
  lang?: Locale;
  /** A team's template directory, in addition to the built-in templates. */
  templatesDir?: string;
}

export type CliCommand =
  | { kind: 'help'; lang?: Locale }
  | ({ kind: 'templates' } & Common)
  | ({ kind: 'new'; templateId: string } & Common)
  | ({ kind: 'lint'; path: string; today?: string } & Common)
  | ({
      kind: 'render';
      path: string;
      format: RenderFormat;
      withReview: boolean;
      today?: string;
    } & Common);

export type ParsedArgs = { ok: true; command: CliCommand } | { ok: false; error: string };

const OPTIONS = {
  help: { type: 'boolean', short: 'h' },
  lang: { type: 'string' },
  template: { type: 'string' },
  format: { type: 'string' },
  today: { type: 'string' },
  'with-review': { type: 'boolean' },
  'templates-dir': { type: 'string' },
} as const;

type OptionName = keyof typeof OPTIONS;

const ALLOWED: Record<'templates' | 'new' | 'lint' | 'render', readonly OptionName[]> = {
  templates: ['help', 'lang', 'templates-dir'],
  new: ['help', 'lang', 'templates-dir', 'template'],
  lint: ['help', 'lang', 'templates-dir', 'today'],
  render: ['help', 'lang', 'templates-dir', 'today', 'format', 'with-review'],
};

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

function isCommand(name: string): name is keyof typeof ALLOWED {
  return Object.hasOwn(ALLOWED, name);
}

/** node:util's messages are English; name the offending option in the reader's language instead. */
function parseError(error: unknown, locale: Locale): string {
  const message = error instanceof Error ? error.message : String(error);
  const option = /'(-{1,2}[^'\s]+)/.exec(message)?.[1];
  if (!option) return message;
  return locale === 'zh-CN' ? `无法识别或缺少取值的选项「${option}」` : message;
}

/**
 * Parses the command line strictly: an unknown command, an unknown option, or an option that does not
 * apply to the command is an error (exit 2), never silently ignored.
 */
export function parseCliArgs(argv: readonly string[], fallbackLocale: Locale): ParsedArgs {
  let parsed: ReturnType<typeof parseArgs<{ options: typeof OPTIONS; allowPositionals: true }>>;
  try {
    parsed = parseArgs({ args: [...argv], options: OPTIONS, allowPositionals: true, strict: true });
  } catch (error) {
    return { ok: false, error: parseError(error, fallbackLocale) };
  }
  const { values, positionals } = parsed;
  const langResult = values.lang === undefined ? undefined : LocaleSchema.safeParse(values.lang);
  const locale = langResult?.success ? langResult.data : fallbackLocale;
  const text = cliText(locale);
  if (langResult && !langResult.success)
    return { ok: false, error: text.badLang(String(values.lang)) };
  const lang = langResult?.data;
  const [name, ...rest] = positionals;

  if (values.help) return { ok: true, command: { kind: 'help', ...(lang ? { lang } : {}) } };
  if (name === undefined) return { ok: false, error: text.missingCommand };
  if (!isCommand(name)) return { ok: false, error: text.unknownCommand(name) };

  const given = Object.keys(values).filter((key) => values[key as OptionName] !== undefined);
  const misplaced = given.find((key) => !ALLOWED[name].includes(key as OptionName));
  if (misplaced) return { ok: false, error: text.optionNotFor(misplaced, name) };

  const common = {
    ...(lang ? { lang } : {}),
    ...(values['templates-dir'] ? { templatesDir: values['templates-dir'] } : {}),
  };
  const [path, ...extra] = rest;
  const expectedPositionals = name === 'lint' || name === 'render' ? 1 : 0;
  const surplus = rest.slice(expectedPositionals);
  if (surplus.length > 0) return { ok: false, error: text.extraArguments(surplus.join(' ')) };
  if (values.today !== undefined && !ISO_DATE.test(values.today)) {
    return { ok: false, error: text.badToday(values.today) };
  }
  const today = values.today ? { today: values.today } : {};

  switch (name) {
    case 'templates':
      return { ok: true, command: { kind: 'templates', ...common } };
    case 'new':
      if (!values.template) return { ok: false, error: text.missingTemplate };
      return { ok: true, command: { kind: 'new', templateId: values.template, ...common } };
    case 'lint':
      if (path === undefined) return { ok: false, error: text.missingFile };
      return { ok: true, command: { kind: 'lint', path, ...today, ...common } };
    case 'render': {
      if (path === undefined || extra.length > 0) return { ok: false, error: text.missingFile };
      if (values.format === undefined) return { ok: false, error: text.missingFormat };
      if (values.format !== 'md' && values.format !== 'blocks') {
        return { ok: false, error: text.badFormat(values.format) };
      }
      return {
        ok: true,
        command: {
          kind: 'render',
          path,
          format: values.format,
          withReview: values['with-review'] === true,
          ...today,
          ...common,
        },
      };
    }
  }
}
