import { realisticDigestModel } from '../../../test/digests/digest-model.factory';
import { renderDigest } from './digest.template';
import { TEXT_WIDTH, wrap } from './digest-text.template';

describe('wrap', () => {
  it('breaks at spaces before the width, with a hanging indent', () => {
    const lines = wrap(`- ${'word '.repeat(30).trim()}`, '    ', '  ');
    expect(lines.length).toBeGreaterThan(1);
    expect(lines[0].startsWith('  - word')).toBe(true);
    for (const line of lines.slice(1)) expect(line.startsWith('    word')).toBe(true);
    for (const line of lines) expect(line.length).toBeLessThanOrEqual(TEXT_WIDTH);
  });

  it('keeps a word longer than a line whole, so a link still works', () => {
    const url = `https://example.com/${'x'.repeat(100)}`;
    expect(wrap(`see ${url} now`)).toEqual(['see', url, 'now']);
  });

  it('folds line breaks and runs of spaces in people’s text', () => {
    expect(wrap('one\n\ntwo   three')).toEqual(['one two three']);
  });
});

describe('the plain-text part', () => {
  const { text } = renderDigest(realisticDigestModel());

  it('keeps every line within the width, except lines that are only a link', () => {
    for (const line of text.split('\n')) {
      if (line.length > TEXT_WIDTH) expect(line).toMatch(/https:\/\/\S+$/);
    }
  });

  it('has the sections in the same order as the HTML part', () => {
    const headings = [
      'PORTFOLIO, WORST FIRST',
      'NEW FLAGS',
      'MISSED OR LATE LAST WEEK',
      'KPIS AGAINST TARGET',
      'WHAT WENT WELL',
      'WAITING FOR AN ANSWER FROM YOUR SIDE',
      'COMING UP: HOLIDAYS, SHUTDOWNS AND CLOCK CHANGES',
    ];
    const at = headings.map((h) => text.indexOf(`\n${h}\n`));
    expect(at.every((p) => p > 0)).toBe(true);
    expect([...at].sort((a, b) => a - b)).toEqual(at);
  });

  it('uses \\n line endings and no control characters', () => {
    expect(text).not.toMatch(/\r/);

    expect(text).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f]/);
  });
});
