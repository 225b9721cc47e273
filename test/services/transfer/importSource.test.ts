import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { nestedTooDeeply } from '../../../src/domain/yamlNesting.js';
import {
  decodeImportBytes,
  IMPORT_FILE_MAX_BYTES,
} from '../../../src/services/transfer/importSource.js';
import { mayCarryToken } from '../../../src/services/transfer/slackFileDownload.js';

describe('attached file bytes', () => {
  it('reads UTF-8 text and drops a byte-order mark', () => {
    const bytes = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('title: 计划\n')]);
    expect(decodeImportBytes(bytes)).toEqual({ ok: true, text: 'title: 计划\n' });
  });

  it('refuses binary data: NUL bytes or invalid UTF-8', () => {
    expect(decodeImportBytes(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x1a]))).toEqual({
      ok: false,
      reason: 'not_text',
    });
    expect(decodeImportBytes(Buffer.from([0x61, 0xff, 0xfe, 0x62]))).toEqual({
      ok: false,
      reason: 'not_text',
    });
  });

  it('refuses a file over the limit before decoding it', () => {
    expect(decodeImportBytes(Buffer.alloc(IMPORT_FILE_MAX_BYTES + 1, 0x61))).toEqual({
      ok: false,
      reason: 'too_large',
    });
  });
});

describe('where the bot token may go', () => {
  const api = 'https://slack.com/api/';
  it('to Slack file hosts over HTTPS and to the configured API host', () => {
    expect(
      mayCarryToken(new URL('https://files.slack.com/files-pri/T1-F1/download/p.yaml'), api),
    ).toBe(true);
    expect(
      mayCarryToken(new URL('http://127.0.0.1:4000/download/F1'), 'http://127.0.0.1:4000/api/'),
    ).toBe(true);
  });

  it('never to look-alike hosts, plain HTTP or another port', () => {
    expect(mayCarryToken(new URL('https://files.slack.com.evil.example/x'), api)).toBe(false);
    expect(mayCarryToken(new URL('https://evilslack.com/x'), api)).toBe(false);
    expect(mayCarryToken(new URL('http://files.slack.com/x'), api)).toBe(false);
    expect(mayCarryToken(new URL('http://127.0.0.1:4001/x'), 'http://127.0.0.1:4000/api/')).toBe(
      false,
    );
  });
});

describe('nesting guard', () => {
  it('lets real plans through, brackets in text included', () => {
    const plan = readFileSync(
      new URL('../../../examples/standard.zh-CN.yaml', import.meta.url),
      'utf8',
    );
    expect(nestedTooDeeply(plan)).toBe(false);
    expect(nestedTooDeeply('notes: "[draft] [v2] {tbd}"\nlist: [[1, 2], [3]]\n')).toBe(false);
  });

  it('stops deep flow and block nesting', () => {
    expect(nestedTooDeeply(`a: ${'['.repeat(65)}`)).toBe(true);
    expect(nestedTooDeeply(`${'- '.repeat(201)}x`)).toBe(true);
  });
});
