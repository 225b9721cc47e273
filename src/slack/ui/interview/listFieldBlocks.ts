import type { KnownBlock, SectionBlock } from '@slack/types';
import type { Locale } from '../../../domain/locale.js';
import { escapeMrkdwn } from '../../../render/mrkdwn.js';
import { ActionIds } from '../ids.js';
import { rowColumnBlockId, SectionBlockIds } from './blockIds.js';
import { contextBlock, decimalString, mrkdwnSection, option, plain } from './blockParts.js';
import { currencyOptions } from './fieldInputs.js';
import {
  dateElement,
  inputBlock,
  numberElement,
  selectElement,
  textElement,
  userElement,
} from './inputElements.js';
import { type ListColumn, visibleColumns } from './listColumns.js';
import { LIST_COLUMN_TEXTS } from './listColumnTexts.js';
import type { PhaseChoice } from './planContext.js';
import type { ListLayout } from './sectionLayout.js';
import { SECTION_TEXTS } from './sectionTexts.js';
import type { InputValue } from './viewStateValues.js';

/** The saved rows of a list field as the values of their column inputs. */
export function savedRowInputs(fieldId: string, rows: unknown): Record<string, InputValue> {
  const inputs: Record<string, InputValue> = {};
  if (!Array.isArray(rows)) return inputs;
  for (const row of rows) {
    if (typeof row !== 'object' || row === null) continue;
    const { id, ...columns } = row as Record<string, unknown>;
    if (typeof id !== 'string') continue;
    for (const [key, value] of Object.entries(columns)) {
      const blockId = rowColumnBlockId(fieldId, id, key);
      if (typeof value === 'string') inputs[blockId] = value;
      else if (typeof value === 'number') inputs[blockId] = decimalString(value);
    }
  }
  return inputs;
}

export interface ListContext {
  locale: Locale;
  inputs: Record<string, InputValue>;
  currency: string;
  phases: PhaseChoice[];
  /** Row ids that existed before this step was opened; new rows get the column defaults. */
  savedIds: ReadonlySet<string>;
  /** More than one list in the step: "no room" then depends on the other lists too. */
  sharedSpace: boolean;
}

function columnBlock(
  fieldId: string,
  rowId: string,
  column: ListColumn,
  ctx: ListContext,
): KnownBlock {
  const texts = LIST_COLUMN_TEXTS[ctx.locale];
  const blockId = rowColumnBlockId(fieldId, rowId, column.key);
  const typed = ctx.inputs[blockId];
  const isNew = !ctx.savedIds.has(rowId) && typed === undefined;
  const label = texts.labels[column.label];
  const input = (element: Parameters<typeof inputBlock>[2]) =>
    inputBlock(blockId, label, element, { optional: true });
  switch (column.kind) {
    case 'text':
      return input(
        textElement(typed, {
          max: column.max,
          multiline: column.multiline,
          placeholder: column.placeholder ? texts.placeholders[column.placeholder] : undefined,
        }),
      );
    case 'number':
      return input(numberElement(typed));
    case 'date':
      return input(dateElement(typed));
    case 'user':
      return input(userElement(typed));
    case 'select': {
      const options = column.values.map((v) => option(v, column.optionLabel(texts, v)));
      return input(selectElement(options, isNew ? column.initial : typed));
    }
    case 'currency': {
      const shown = isNew ? ctx.currency : typed;
      return input(selectElement(currencyOptions(shown), shown));
    }
    case 'phase':
      return input(
        selectElement(
          ctx.phases.map((p) => option(p.id, p.name)),
          typed,
        ),
      );
  }
}

function rowHeader(
  list: ListLayout,
  rowId: string,
  position: number,
  ctx: ListContext,
): SectionBlock {
  const texts = SECTION_TEXTS[ctx.locale];
  const title = texts.rowTitle[list.field.type](position);
  const removable = list.rowIds.length > 1;
  return {
    type: 'section',
    block_id: SectionBlockIds.rowHeader(list.field.id, rowId),
    text: { type: 'mrkdwn', text: `*${escapeMrkdwn(title)}*`, verbatim: true },
    ...(removable
      ? {
          accessory: {
            type: 'button',
            action_id: ActionIds.rowRemove,
            text: plain(texts.remove, 75),
            value: JSON.stringify({ f: list.field.id, r: rowId }),
            confirm: {
              title: plain(texts.removeConfirmTitle, 100),
              text: plain(texts.removeConfirmText(title), 300),
              confirm: plain(texts.removeConfirmYes, 30),
              deny: plain(texts.removeConfirmNo, 30),
              style: 'danger',
            },
          },
        }
      : {}),
  };
}

/** The list's label, its rows (header + one input per column) and an Add button or a cap note. */
export function listFieldBlocks(
  list: ListLayout,
  ctx: ListContext,
  planHasPhases: boolean,
): KnownBlock[] {
  const { field } = list;
  const texts = SECTION_TEXTS[ctx.locale];
  const hint = field.hint?.[ctx.locale];
  const heading = `*${escapeMrkdwn(field.label[ctx.locale])}*${hint ? `\n${escapeMrkdwn(hint)}` : ''}`;
  const blocks: KnownBlock[] = [mrkdwnSection(SectionBlockIds.listLabel(field.id), heading)];
  const columns = visibleColumns(field.type, planHasPhases);
  list.shownIds.forEach((rowId, index) => {
    blocks.push(rowHeader(list, rowId, index + 1, ctx));
    for (const column of columns) blocks.push(columnBlock(field.id, rowId, column, ctx));
  });
  const addId = SectionBlockIds.listAdd(field.id);
  const noun = texts.rowsNoun[field.type];
  if (list.hiddenCount > 0) {
    blocks.push(contextBlock(addId, texts.hiddenRows(list.hiddenCount, noun)));
  } else if (list.canAdd) {
    blocks.push({
      type: 'actions',
      block_id: addId,
      elements: [
        {
          type: 'button',
          action_id: ActionIds.rowAdd,
          text: plain(texts.add[field.type], 75),
          value: field.id,
        },
      ],
    });
  } else {
    const message =
      list.cappedByDomain || !ctx.sharedSpace
        ? texts.capReached(list.capacity, noun)
        : texts.noRoom(noun);
    blocks.push(contextBlock(addId, message));
  }
  return blocks;
}
