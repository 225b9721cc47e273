import { describe, expect, it } from 'vitest';
import {
  escapeMarkdownBlock,
  escapeMarkdownCell,
  escapeMarkdownInline,
} from '../../src/render/markdownEscape.js';
import {
  channelMention,
  escapedMrkdwnLength,
  escapeMrkdwn,
  isSlackChannelId,
  isSlackUserId,
  userMention,
} from '../../src/render/mrkdwn.js';

const INJECTIONS = [
  '<!channel>',
  '<!here>',
  '<!everyone>',
  '<@U123>',
  '<!subteam^S1|x>',
  '<https://evil.example|click>',
  '<#C0123ABCD>',
];

describe('escapeMrkdwn', () => {
  it('turns every Slack control sequence into inert text', () => {
    for (const attack of INJECTIONS) {
      const escaped = escapeMrkdwn(`hi ${attack} there`);
      expect(escaped).not.toContain('<');
      expect(escaped).not.toContain('>');
    }
    expect(escapeMrkdwn('<!channel>')).toBe('&lt;!channel&gt;');
  });

  it('escapes & first so an entity in user text shows literally', () => {
    expect(escapeMrkdwn('R&D &lt;b&gt;')).toBe('R&amp;D &amp;lt;b&amp;gt;');
  });

  it('stops a line starting with > from becoming a quote', () => {
    expect(escapeMrkdwn('> quoted\n>>> all')).toBe('&gt; quoted\n&gt;&gt;&gt; all');
  });

  it('measures the escaped length without building the string', () => {
    const text = 'a&b<c>d 中文';
    expect(escapedMrkdwnLength(text)).toBe(escapeMrkdwn(text).length);
  });
});

describe('Slack ids', () => {
  it('accepts only well-formed user and channel ids', () => {
    expect(isSlackUserId('U0123ABCD')).toBe(true);
    expect(isSlackUserId('W0123ABCD')).toBe(true);
    for (const bad of ['u0123', 'U1', 'U0123>', '<@U0123>', 'C0123ABCD', 'U01 23', '']) {
      expect(isSlackUserId(bad)).toBe(false);
    }
    expect(isSlackChannelId('C0123ABCD')).toBe(true);
    expect(isSlackChannelId('G0123ABCD')).toBe(true);
    for (const bad of ['U0123ABCD', 'C1', '#general', 'C0123|x', '']) {
      expect(isSlackChannelId(bad)).toBe(false);
    }
  });

  it('mentions only validated ids and escapes everything else', () => {
    expect(userMention('U0123ABCD')).toBe('<@U0123ABCD>');
    expect(userMention('U1>|<!channel')).toBe('U1&gt;|&lt;!channel');
    expect(channelMention('C0123ABCD')).toBe('<#C0123ABCD>');
    expect(channelMention('<!here>')).toBe('&lt;!here&gt;');
  });
});

describe('Markdown escaping', () => {
  it('cannot forge a link, image, autolink or HTML', () => {
    const text =
      '[click](https://evil.example) ![img](https://evil.example/x.png) <https://evil.example> <script>alert(1)</script>\n[ref]: https://evil.example';
    const escaped = escapeMarkdownBlock(text);
    expect(escaped).not.toMatch(/(^|[^\\])\[/);
    expect(escaped).not.toMatch(/(^|[^\\])</);
    expect(escaped).toContain('\\[click\\](https://evil.example)');
    expect(escaped).toContain('\\<script\\>');
  });

  it('escapes emphasis, code and entities so the reader sees what was typed', () => {
    expect(escapeMarkdownInline('*bold* _it_ `code` ~s~ &lt; R&D')).toBe(
      '\\*bold\\* \\_it\\_ \\`code\\` \\~s\\~ &amp;lt; R&D',
    );
  });

  it('cannot fake our headings, rules, lists or quotes from inside an answer', () => {
    const escaped = escapeMarkdownBlock(
      'intro\n# Budget\n---\n- item\n1. first\n> quote\n    code',
    );
    expect(escaped.split('\n')).toEqual([
      'intro\\',
      '\\# Budget\\',
      '\\---\\',
      '\\- item\\',
      '1\\. first\\',
      '\\> quote\\',
      'code',
    ]);
  });

  it('keeps paragraphs apart and drops no visible character', () => {
    const escaped = escapeMarkdownBlock('第一段。\n\n\n第二段：增长 30%。');
    expect(escaped).toBe('第一段。\n\n第二段：增长 30%。');
  });

  it('keeps a table cell inside its column and row', () => {
    const cell = escapeMarkdownCell('a | b\nsecond line\r\nthird');
    expect(cell).toBe('a \\| b<br>second line<br>third');
    expect(cell).not.toContain('\n');
    expect(cell.replace(/\\\|/g, '')).not.toContain('|');
  });
});

describe('Markdown escaping of ordinary text', () => {
  it('leaves numbers, decimals and negatives that are not list markers alone', () => {
    expect(escapeMarkdownBlock('12.5%\n-5 yuan\n2026.01')).toBe('12.5%\\\n-5 yuan\\\n2026.01');
    expect(escapeMarkdownBlock('#hashtag\n+1')).toBe('#hashtag\\\n+1');
  });

  it('escapes the same characters when they do form a marker', () => {
    expect(escapeMarkdownBlock('12. item\n## h\n+ plus\n===')).toBe(
      '12\\. item\\\n\\## h\\\n\\+ plus\\\n\\===',
    );
  });
});
