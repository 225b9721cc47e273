import { type Template, TemplateSchema } from './template.js';
import {
  formatProblem,
  parseYamlSource,
  problemsFromZod,
  type SourceProblem,
} from './yamlSource.js';

export interface TemplateProblem extends SourceProblem {
  file: string;
}

/** Everything wrong with one or more template files, in one error a person can act on. */
export class TemplateLoadError extends Error {
  readonly problems: TemplateProblem[];

  constructor(problems: TemplateProblem[]) {
    const lines = problems.map((p) => `  ${formatProblem(p, p.file)}`);
    super(`Invalid template${problems.length === 1 ? '' : 's'}:\n${lines.join('\n')}`);
    this.name = 'TemplateLoadError';
    this.problems = problems;
  }
}

export type TemplateParse =
  | { ok: true; template: Template }
  | { ok: false; problems: TemplateProblem[] };

/** Parses and validates one template file's text. Pure: the caller reads the file. */
export function parseTemplateSource(text: string, fileName: string): TemplateParse {
  const yaml = parseYamlSource(text);
  if (!yaml.ok)
    return { ok: false, problems: yaml.problems.map((p) => ({ ...p, file: fileName })) };
  const parsed = TemplateSchema.safeParse(yaml.value);
  if (!parsed.success) {
    const problems = problemsFromZod(parsed.error.issues, yaml.locate);
    return { ok: false, problems: problems.map((p) => ({ ...p, file: fileName })) };
  }
  return { ok: true, template: parsed.data };
}

/** Like `parseTemplateSource`, throwing a `TemplateLoadError` when the template is broken. */
export function parseTemplate(text: string, fileName: string): Template {
  const result = parseTemplateSource(text, fileName);
  if (!result.ok) throw new TemplateLoadError(result.problems);
  return result.template;
}

export interface TemplateFile {
  fileName: string;
  text: string;
}

/**
 * Parses a set of template files into a registry. Collects the problems of every
 * file (not just the first) and refuses two templates with the same id, so a team
 * template cannot silently shadow a built-in one.
 */
export function buildTemplateRegistry(files: readonly TemplateFile[]): TemplateRegistry {
  const problems: TemplateProblem[] = [];
  const byId = new Map<string, { template: Template; fileName: string }>();
  for (const file of files) {
    const result = parseTemplateSource(file.text, file.fileName);
    if (!result.ok) {
      problems.push(...result.problems);
      continue;
    }
    const { template } = result;
    const existing = byId.get(template.id);
    if (existing) {
      problems.push({
        file: file.fileName,
        path: 'id',
        reason: `duplicate template id "${template.id}" (also defined in ${existing.fileName})`,
      });
      continue;
    }
    byId.set(template.id, { template, fileName: file.fileName });
  }
  if (problems.length > 0) throw new TemplateLoadError(problems);
  return new TemplateRegistry([...byId.values()].map((entry) => entry.template));
}

/** The templates a deployment offers, by id. */
export class TemplateRegistry {
  readonly #byId: ReadonlyMap<string, Template>;

  constructor(templates: readonly Template[]) {
    this.#byId = new Map(templates.map((t) => [t.id, t]));
  }

  get(id: string): Template | undefined {
    return this.#byId.get(id);
  }

  /** Sorted by id so lists in Slack and the CLI are stable. */
  list(): Template[] {
    return [...this.#byId.values()].sort((a, b) => a.id.localeCompare(b.id));
  }
}
