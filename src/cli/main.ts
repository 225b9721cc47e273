import { readFile } from 'node:fs/promises';
import { isoDateInTimeZone } from '../domain/dates.js';
import { type Locale, localeFromSlack } from '../domain/locale.js';
import { loadTemplates } from '../domain/templateLoader.js';
import type { TemplateRegistry } from '../domain/templateParse.js';
import { type CliCommand, parseCliArgs } from './cliArgs.js';
import { cliText } from './cliText.js';
import { type CommandResult, failure, ok } from './commandResult.js';
import { lintPlan } from './commands/lintPlan.js';
import { listTemplates } from './commands/listTemplates.js';
import { newPlan } from './commands/newPlan.js';
import { renderPlan } from './commands/renderPlan.js';
import { loadPlan } from './planFile.js';

export interface CliIo {
  stdout(text: string): void;
  stderr(text: string): void;
}

/** Everything the CLI touches outside itself, passed in so tests can run it in-process. */
export interface CliDeps {
  readFile(path: string): Promise<string>;
  loadTemplates(extraDir: string | undefined): Promise<TemplateRegistry>;
  now(): Date;
  env: Readonly<Record<string, string | undefined>>;
}

export const defaultCliDeps: CliDeps = {
  readFile: (path) => readFile(path, 'utf8'),
  loadTemplates: (extraDir) => loadTemplates(extraDir ? { extraDir } : {}),
  now: () => new Date(),
  env: process.env,
};

/** The terminal's language: anything Chinese reads Chinese, everything else English. */
function environmentLocale(env: CliDeps['env']): Locale {
  return localeFromSlack(env.LC_ALL || env.LC_MESSAGES || env.LANG, 'en');
}

function errorReason(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

async function execute(command: CliCommand, locale: Locale, deps: CliDeps): Promise<CommandResult> {
  if (command.kind === 'help') return ok(cliText(command.lang ?? locale).help);
  const text = cliText(command.lang ?? locale);
  let templates: TemplateRegistry;
  try {
    templates = await deps.loadTemplates(command.templatesDir ?? deps.env.TEMPLATES_DIR);
  } catch (error) {
    return failure(`${text.templatesFailed}\n${errorReason(error)}`);
  }
  if (command.kind === 'templates') return listTemplates(templates.list(), command.lang ?? locale);
  if (command.kind === 'new') {
    const lang = command.lang ?? locale;
    const today = isoDateInTimeZone(deps.now(), lang === 'zh-CN' ? 'Asia/Shanghai' : 'UTC');
    return newPlan(templates, command.templateId, lang, today);
  }

  let source: string;
  try {
    source = await deps.readFile(command.path);
  } catch (error) {
    return failure(text.cannotRead(command.path, errorReason(error)));
  }
  const loaded = loadPlan(command.path, source, templates, command.lang ?? locale);
  if (!loaded.ok) return failure(loaded.error);
  const { plan, template } = loaded;
  const lang = command.lang ?? plan.meta.language;
  const today = command.today ?? isoDateInTimeZone(deps.now(), plan.meta.timezone);
  if (command.kind === 'lint') return lintPlan(command.path, plan, template, lang, today);
  return renderPlan(plan, template, {
    format: command.format,
    locale: lang,
    ...(command.withReview ? { reviewAsOf: today } : {}),
  });
}

/** Runs `opsplan …` and returns the exit code: 0 ok, 1 lint found errors, 2 usage or input error. */
export async function runCli(
  argv: readonly string[],
  io: CliIo,
  deps: CliDeps = defaultCliDeps,
): Promise<number> {
  const locale = environmentLocale(deps.env);
  const parsed = parseCliArgs(argv, locale);
  const result = parsed.ok
    ? await execute(parsed.command, locale, deps)
    : failure(`opsplan: ${parsed.error}\n${cliText(locale).usageHint}`);
  if (result.stdout) io.stdout(result.stdout);
  if (result.stderr) io.stderr(result.stderr);
  return result.exitCode;
}
