import type { FieldType } from '../../../src/domain/fieldTypes.js';
import { type FieldRole, type Template, TemplateSchema } from '../../../src/domain/template.js';

/** Test templates built in code, so renderer tests do not depend on the shipped YAML templates. */

interface FieldSpec {
  id: string;
  type: FieldType;
  role?: FieldRole;
}

function localized(en: string, zh: string) {
  return { en, 'zh-CN': zh };
}

function field(spec: FieldSpec) {
  const isSelect = spec.type === 'single_select' || spec.type === 'multi_select';
  return {
    id: spec.id,
    type: spec.type,
    label: localized(`Label ${spec.id}`, `标签 ${spec.id}`),
    ...(spec.role ? { role: spec.role } : {}),
    ...(isSelect
      ? {
          options: [
            { value: 'a', label: localized('Option A', '选项甲') },
            { value: 'b', label: localized('Option B', '选项乙') },
            { value: 'c', label: localized('Option C', '选项丙') },
          ],
        }
      : {}),
  };
}

function section(id: string, fields: FieldSpec[]) {
  return {
    id,
    title: localized(`Section ${id}`, `章节 ${id}`),
    titleShort: localized(id.slice(0, 18), id.slice(0, 18)),
    fields: fields.map(field),
  };
}

/** Every field type at least once, with the roles the summary message reads. */
export function allTypesTemplate(): Template {
  return TemplateSchema.parse({
    id: 'all-types',
    version: 1,
    name: localized('All field types', '全部字段类型'),
    description: localized('Every field type once.', '每种字段类型各一个。'),
    sections: [
      section('product', [
        { id: 'summary', type: 'short_text', role: 'productDescription' },
        { id: 'details', type: 'long_text' },
        { id: 'users', type: 'number' },
        { id: 'price', type: 'money' },
        { id: 'share', type: 'percent' },
      ]),
      section('goals', [
        { id: 'vision', type: 'long_text', role: 'vision' },
        { id: 'shortTerm', type: 'long_text', role: 'shortTermGoals' },
        { id: 'kpis', type: 'kpis', role: 'kpis' },
      ]),
      section('scope', [
        { id: 'area', type: 'single_select' },
        { id: 'modules', type: 'multi_select' },
        { id: 'lead', type: 'user' },
        { id: 'team', type: 'users' },
        { id: 'room', type: 'channel' },
        { id: 'launch', type: 'date' },
        { id: 'window', type: 'date_range' },
      ]),
      section('strategy', [
        { id: 'phases', type: 'phases', role: 'phases' },
        { id: 'modules', type: 'prioritised_items', role: 'strategyModules' },
        { id: 'systems', type: 'prioritised_items', role: 'systemRequirements' },
      ]),
      section('resources', [{ id: 'list', type: 'resources', role: 'resources' }]),
      section('budget', [
        { id: 'lines', type: 'budget_lines', role: 'budget' },
        { id: 'total', type: 'money', role: 'budgetTotal' },
        { id: 'notes', type: 'long_text', role: 'budgetNotes' },
      ]),
    ],
  });
}

/** The largest template the schema allows: 20 sections of 20 long-text fields. */
export function widestTemplate(): Template {
  const sections = Array.from({ length: 20 }, (_, s) =>
    section(
      `s${s}`,
      Array.from({ length: 20 }, (_, f) => ({
        id: `f${f}`,
        type: 'long_text' as const,
        ...(s === 0 && f === 0 ? { role: 'vision' as const } : {}),
      })),
    ),
  );
  return TemplateSchema.parse({
    id: 'widest',
    version: 1,
    name: localized('Widest', '最宽'),
    description: localized('Twenty by twenty.', '二十乘二十。'),
    sections,
  });
}
