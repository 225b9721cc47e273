import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  validateBlocks,
  validateMessagePayload,
  validateView,
} from '../support/slack/blockKitValidator.js';

const PAYLOADS = new URL('../../../shared/slack/payloads/', import.meta.url);

const section = (text: string, blockId?: string) => ({
  type: 'section',
  text: { type: 'mrkdwn', text },
  ...(blockId ? { block_id: blockId } : {}),
});
const sections = (count: number) => Array.from({ length: count }, (_, i) => section(`Item ${i}`));
const textInput = {
  type: 'input',
  label: { type: 'plain_text', text: 'Goal' },
  element: { type: 'plain_text_input', action_id: 'goal' },
};
const plainText = (text: string) => ({ type: 'plain_text', text });

const validModal = {
  type: 'modal',
  callback_id: 'plan_section',
  title: plainText('Market analysis'),
  submit: plainText('Save'),
  close: plainText('Cancel'),
  private_metadata: JSON.stringify({ planId: 'p1' }),
  blocks: [{ type: 'header', text: plainText('市场分析') }, textInput],
};

describe('validateBlocks', () => {
  it('accepts a typical message', () => {
    const blocks = [
      { type: 'header', text: plainText('OpsPlan') },
      section('*Plan* ready', 'intro'),
      { type: 'divider' },
      {
        type: 'actions',
        block_id: 'act',
        elements: [{ type: 'button', action_id: 'open', text: plainText('Open') }],
      },
    ];
    expect(validateBlocks(blocks, 'message')).toEqual([]);
  });

  it('limits messages to 50 blocks but lets modals and home tabs have 100', () => {
    expect(validateBlocks(sections(50), 'message')).toEqual([]);
    expect(validateBlocks(sections(51), 'message')).toEqual([
      'message: 51 blocks, at most 50 allowed',
    ]);
    expect(validateBlocks(sections(51), 'modal')).toEqual([]);
    expect(validateBlocks(sections(100), 'home')).toEqual([]);
    expect(validateBlocks(sections(101), 'modal')).toEqual([
      'schema /: must NOT have more than 100 items',
    ]);
  });

  it('rejects duplicate block_ids, naming both places', () => {
    const errors = validateBlocks(
      [section('a', 'same'), section('b', 'other'), section('c', 'same')],
      'message',
    );
    expect(errors).toEqual(['/2/block_id: "same" duplicates /0/block_id']);
  });

  it('rejects section text over 3000, header over 150 and more than 10 fields', () => {
    expect(validateBlocks([section('x'.repeat(3000))], 'message')).toEqual([]);
    expect(validateBlocks([section('x'.repeat(3001))], 'message')).toEqual([
      'schema /0/text/text: must NOT have more than 3000 characters',
    ]);
    expect(validateBlocks([{ type: 'header', text: plainText('h'.repeat(151)) }], 'home')).toEqual([
      'schema /0/text/text: must NOT have more than 150 characters',
    ]);
    const fields = Array.from({ length: 11 }, () => ({ type: 'mrkdwn', text: 'f' }));
    expect(validateBlocks([{ type: 'section', fields }], 'message')).toEqual([
      'schema /0/fields: must NOT have more than 10 items',
    ]);
    const longField = [{ type: 'section', fields: [{ type: 'mrkdwn', text: 'f'.repeat(2001) }] }];
    expect(validateBlocks(longField, 'message')).toEqual([
      'schema /0/fields/0/text: must NOT have more than 2000 characters',
    ]);
  });

  it('forbids block types per surface', () => {
    const markdown = { type: 'markdown', text: '**hi**' };
    expect(validateBlocks([markdown], 'message')).toEqual([]);
    expect(validateBlocks([markdown], 'modal')).toEqual([
      '/0: block type "markdown" is not allowed in a modal',
    ]);
    expect(validateBlocks([markdown], 'home')).toEqual([
      '/0: block type "markdown" is not allowed in a home',
    ]);
    const fileBlock = { type: 'file', external_id: 'f1', source: 'remote' };
    expect(validateBlocks([fileBlock], 'message')).toEqual([
      '/0: block type "file" is not allowed in a message',
    ]);
  });

  it('allows file_input only in modals', () => {
    const upload = {
      type: 'input',
      label: plainText('File'),
      element: { type: 'file_input', action_id: 'f' },
    };
    expect(validateBlocks([upload], 'modal')).toEqual([]);
    expect(validateBlocks([upload], 'message')).toEqual([
      '/0/element: file_input is only allowed in modals, not in a message',
    ]);
  });

  it('rejects repeated action_ids within one block but not across blocks', () => {
    const button = (id: string) => ({ type: 'button', action_id: id, text: plainText(id) });
    expect(
      validateBlocks(
        [
          { type: 'actions', elements: [button('a'), button('b')] },
          { type: 'actions', elements: [button('a')] },
        ],
        'message',
      ),
    ).toEqual([]);
    expect(
      validateBlocks([{ type: 'actions', elements: [button('a'), button('a')] }], 'message'),
    ).toEqual(['/0/elements/1/action_id: action_id "a" is repeated within block /0']);
  });

  it('enforces one table per message, 12k markdown in total, one focus_on_load and number bounds', () => {
    const table = { type: 'table', rows: [[{ type: 'raw_text', text: 'KPI' }]] };
    expect(validateBlocks([table], 'message')).toEqual([]);
    expect(validateBlocks([table, table], 'message')).toEqual(['2 tables in a message, at most 1']);
    const md = { type: 'markdown', text: 'm'.repeat(6001) };
    expect(validateBlocks([md, md], 'message')).toEqual([
      'markdown blocks total 12002 characters, at most 12000',
    ]);
    const focused = { ...textInput, element: { ...textInput.element, focus_on_load: true } };
    expect(
      validateBlocks(
        [focused, { ...focused, element: { ...focused.element, action_id: 'b' } }],
        'modal',
      ),
    ).toEqual(['2 elements have focus_on_load: true, at most 1']);
    const number = (element: object) => [
      { type: 'input', label: plainText('Budget'), element: { type: 'number_input', ...element } },
    ];
    expect(
      validateBlocks(
        number({ is_decimal_allowed: false, min_value: '10', max_value: '5' }),
        'modal',
      ),
    ).toEqual(['/0/element: number_input min_value 10 is greater than max_value 5']);
    expect(
      validateBlocks(number({ is_decimal_allowed: false, initial_value: '2.5' }), 'modal'),
    ).toEqual([
      '/0/element/initial_value: "2.5" must be a whole number (is_decimal_allowed is false)',
    ]);
  });

  it('reports an unknown block type once, by name', () => {
    expect(
      validateBlocks([{ type: 'sectoin', text: { type: 'mrkdwn', text: 'x' } }], 'message'),
    ).toEqual(['schema /0: unknown type "sectoin"']);
  });

  it('accepts the blocks of every real Slack payload sample', () => {
    const files = readdirSync(PAYLOADS).filter((name) => name.endsWith('.json'));
    let checked = 0;
    for (const name of files) {
      const payload = JSON.parse(readFileSync(new URL(name, PAYLOADS), 'utf8')) as {
        view?: { blocks?: unknown };
        message?: { blocks?: unknown };
      };
      if (payload.view?.blocks) {
        expect({ name, errors: validateBlocks(payload.view.blocks, 'modal') }).toEqual({
          name,
          errors: [],
        });
        checked++;
      }
      if (payload.message?.blocks) {
        expect({ name, errors: validateBlocks(payload.message.blocks, 'message') }).toEqual({
          name,
          errors: [],
        });
        checked++;
      }
    }
    expect(checked).toBe(4);
  });
});

describe('validateView', () => {
  it('accepts a valid modal and home tab', () => {
    expect(validateView(validModal)).toEqual([]);
    expect(validateView({ type: 'home', blocks: [section('Your plans')] })).toEqual([]);
  });

  it('limits modal title, submit and close to 24 characters', () => {
    expect(validateView({ ...validModal, title: plainText('t'.repeat(24)) })).toEqual([]);
    expect(validateView({ ...validModal, title: plainText('t'.repeat(25)) })).toEqual([
      'schema /title/text: must NOT have more than 24 characters',
    ]);
    expect(validateView({ ...validModal, close: plainText('c'.repeat(25)) })).toEqual([
      'schema /close/text: must NOT have more than 24 characters',
    ]);
  });

  it('requires submit when the modal has an input block', () => {
    const { submit: _submit, ...withoutSubmit } = validModal;
    expect(validateView(withoutSubmit)).toEqual(["schema /: must have required property 'submit'"]);
  });

  it('caps private_metadata and callback_id', () => {
    expect(validateView({ ...validModal, private_metadata: 'm'.repeat(3001) })).toEqual([
      'schema /private_metadata: must NOT have more than 3000 characters',
    ]);
    expect(validateView({ ...validModal, callback_id: 'c'.repeat(256) })).toEqual([
      'schema /callback_id: must NOT have more than 255 characters',
    ]);
  });

  it('applies the surface rules of the view type, with pointers under /blocks', () => {
    expect(
      validateView({
        type: 'home',
        blocks: [{ type: 'table', rows: [[{ type: 'raw_text', text: 'x' }]] }],
      }),
    ).toEqual(['/blocks/0: block type "table" is not allowed in a home']);
    expect(validateView({ ...validModal, blocks: [section('a', 'x'), section('b', 'x')] })).toEqual(
      ['/blocks/1/block_id: "x" duplicates /0/block_id'],
    );
    expect(validateView({ type: 'message', blocks: [] })).toEqual([
      'view/type: must be "modal" or "home", got "message"',
    ]);
  });

  it('gives a view sent again the same verdict, however often and whatever the caller did with the last one', () => {
    const tooLong = { ...validModal, callback_id: 'c'.repeat(256) };
    const first = validateView(tooLong);
    first.length = 0;
    expect(validateView(tooLong)).toEqual([
      'schema /callback_id: must NOT have more than 255 characters',
    ]);
    expect(validateView({ ...tooLong })).toEqual([
      'schema /callback_id: must NOT have more than 255 characters',
    ]);
    expect(validateView(validModal)).toEqual([]);
    // Many other views in between (more than are remembered) change nothing.
    for (let i = 0; i < 300; i++) validateView({ ...validModal, callback_id: `v${i}` });
    expect(validateView(tooLong)).toEqual([
      'schema /callback_id: must NOT have more than 255 characters',
    ]);
  });
});

describe('validateMessagePayload', () => {
  it('accepts text alone or blocks with fallback text', () => {
    expect(validateMessagePayload({ text: 'hello' })).toEqual([]);
    expect(validateMessagePayload({ text: 'fallback', blocks: [section('hi')] })).toEqual([]);
  });

  it('rejects an empty message, over-long text and invalid blocks', () => {
    expect(validateMessagePayload({ text: '' })).toEqual([
      'message: needs text, blocks or attachments (Slack answers no_text)',
    ]);
    expect(validateMessagePayload({ text: 't'.repeat(40_001) })).toEqual([
      'text: 40001 characters, at most 40000',
    ]);
    expect(validateMessagePayload({ text: 'x', blocks: sections(51) })).toEqual([
      '/blocks: message: 51 blocks, at most 50 allowed',
    ]);
    expect(validateMessagePayload({ text: 'x', blocks: [section('y'.repeat(3001))] })).toEqual([
      'schema /blocks/0/text/text: must NOT have more than 3000 characters',
    ]);
  });

  it('treats an empty blocks array as no blocks (how chat.update clears them)', () => {
    expect(validateMessagePayload({ text: 'plain again', blocks: [] })).toEqual([]);
    expect(validateMessagePayload({ blocks: [] })).toEqual([
      'message: needs text, blocks or attachments (Slack answers no_text)',
    ]);
  });

  it('ignores undefined properties the way JSON serialisation does', () => {
    expect(
      validateMessagePayload({ text: 'x', blocks: [{ ...section('y'), block_id: undefined }] }),
    ).toEqual([]);
  });
});
