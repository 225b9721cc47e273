import { readdirSync, readFileSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  buildTemplateRegistry,
  type TemplateFile,
  type TemplateRegistry,
} from './templateParse.js';

/**
 * The file-system edge of templates: everything else about them is pure
 * (see templateParse.ts).
 */

/** The templates/ directory shipped with OpsPlan. */
export const BUILTIN_TEMPLATES_DIR = fileURLToPath(new URL('../../templates/', import.meta.url));

export interface LoadTemplatesOptions {
  /** A team's own templates (e.g. from `TEMPLATES_DIR`), loaded in addition to the built-ins. */
  extraDir?: string;
}

/** Loads and validates the built-in templates plus an optional extra directory. */
export async function loadTemplates(options: LoadTemplatesOptions = {}): Promise<TemplateRegistry> {
  const dirs = [BUILTIN_TEMPLATES_DIR, ...(options.extraDir ? [options.extraDir] : [])];
  const files: TemplateFile[] = [];
  for (const dir of dirs) {
    const names = (await readdir(dir)).filter(isYamlFile).sort();
    for (const name of names) {
      const path = join(dir, name);
      files.push({ fileName: path, text: await readFile(path, 'utf8') });
    }
  }
  return buildTemplateRegistry(files);
}

let builtins: TemplateRegistry | undefined;

/**
 * The built-in templates, read once and cached: for the CLI and tests, which
 * need them synchronously.
 */
export function builtinTemplates(): TemplateRegistry {
  if (!builtins) {
    const names = readdirSync(BUILTIN_TEMPLATES_DIR).filter(isYamlFile).sort();
    builtins = buildTemplateRegistry(
      names.map((name) => {
        const path = join(BUILTIN_TEMPLATES_DIR, name);
        return { fileName: path, text: readFileSync(path, 'utf8') };
      }),
    );
  }
  return builtins;
}

function isYamlFile(name: string): boolean {
  return name.endsWith('.yaml') || name.endsWith('.yml');
}
