import {
  buttonUrl,
  clipText,
  escapeSlackText,
  fitMrkdwn,
  mentionUser,
  mrkdwn,
  slackDate,
  unescapeSlackText,
  unsafeRawMrkdwn,
} from './slack-text';

describe('escapeSlackText', () => {
  it('escapes &, < and > and nothing else', () => {
    expect(escapeSlackText(`Tom & Jerry's <b>"deal"</b> > 5`)).toBe(
      `Tom &amp; Jerry's &lt;b&gt;"deal"&lt;/b&gt; &gt; 5`,
    );
  });

  it('escapes an existing entity again, so it shows as typed', () => {
    expect(escapeSlackText('&lt;')).toBe('&amp;lt;');
  });

  it('is undone by unescapeSlackText', () => {
    const typed = 'Acme & Co <Manila> &amp;';
    expect(unescapeSlackText(escapeSlackText(typed))).toBe(typed);
  });
});

describe('mrkdwn', () => {
  it('escapes interpolated text, so a mention or a link typed by someone stays text', () => {
    const name = '<!channel> <https://evil.example|Open report> & co';

    expect(mrkdwn`*${name}*`.text).toBe(
      '*&lt;!channel&gt; &lt;https://evil.example|Open report&gt; &amp; co*',
    );
  });

  it('keeps safe fragments as they are instead of escaping them twice', () => {
    const inner = mrkdwn`${'a < b'}`;

    expect(mrkdwn`(${inner}) ${mentionUser('U0MARIA')} ${42}`.text).toBe('(a &lt; b) <@U0MARIA> 42');
  });

  it('only makes mentions of well-formed user ids', () => {
    expect(mentionUser('U0MARIA').text).toBe('<@U0MARIA>');
    expect(mentionUser('U1>|<!here').text).toBe('U1&gt;|&lt;!here');
  });

  it('has an explicit escape hatch for trusted mrkdwn', () => {
    expect(mrkdwn`${unsafeRawMrkdwn('<!here>')}`.text).toBe('<!here>');
  });
});

describe('clipText', () => {
  it('leaves short text alone and ends cut text with an ellipsis', () => {
    expect(clipText('short', 10)).toBe('short');
    expect(clipText('abcdefghij', 5)).toBe('abcd…');
  });

  it('never cuts an emoji in half', () => {
    expect(clipText('👍👍👍👍', 3)).toBe('👍👍…');
  });
});

describe('fitMrkdwn', () => {
  it('keeps the escaped text within the limit and never cuts an entity', () => {
    const fitted = fitMrkdwn('&'.repeat(100), 23).text;

    expect(fitted).toBe(`${'&amp;'.repeat(4)}…`);
    expect(fitted.length).toBeLessThanOrEqual(23);
    expect(fitMrkdwn('a < b', 100).text).toBe('a &lt; b');
  });
});

describe('slackDate', () => {
  it("renders an instant as a date token the reader's client shows in their zone", () => {
    expect(slackDate('2027-03-09T14:00:00Z').text).toBe(
      '<!date^1804600800^{date_short_pretty} at {time}|Tue 9 Mar 2027, 14:00 UTC>',
    );
  });

  it('shows something unparsable as escaped text', () => {
    expect(slackDate('<soon>').text).toBe('&lt;soon&gt;');
  });
});

describe('buttonUrl', () => {
  it('accepts absolute http(s) URLs only', () => {
    expect(buttonUrl('https://cadence.example/r/abc')).toBe('https://cadence.example/r/abc');
    expect(buttonUrl('javascript:alert(1)')).toBeUndefined();
    expect(buttonUrl('/relative')).toBeUndefined();
  });
});
