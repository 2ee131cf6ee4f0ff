import { escapeHtml, html, plainText, safeUrl, SafeHtml, text, unsafeRaw } from './html';

describe('escapeHtml', () => {
  it('escapes the five HTML-significant characters', () => {
    expect(escapeHtml(`<a href="x" title='y'>Tom & Jerry</a>`)).toBe(
      '&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;Tom &amp; Jerry&lt;/a&gt;',
    );
  });

  it('escapes an ampersand that already looks like an entity, so it shows as typed', () => {
    expect(escapeHtml('&amp; &lt;')).toBe('&amp;amp; &amp;lt;');
  });
});

describe('html', () => {
  it('renders a <script> someone typed as text', () => {
    const typed = '<script>alert(1)</script>';
    expect(html`<p>${typed}</p>`.value).toBe('<p>&lt;script&gt;alert(1)&lt;/script&gt;</p>');
  });

  it('renders an <img onerror> someone typed as text', () => {
    const typed = '<img src=x onerror="alert(1)">';
    expect(html`<li>${typed}</li>`.value).toBe('<li>&lt;img src=x onerror=&quot;alert(1)&quot;&gt;</li>');
  });

  it('keeps a quoted attribute closed whatever quotes the value contains', () => {
    const typed = `" onmouseover="alert(1)' x='`;
    // Prettier formats html`` templates and would turn the single quotes into double quotes.
    // prettier-ignore
    const out = html`<a title="${typed}" data-x='${typed}'>x</a>`.value;
    expect(out).toBe(
      '<a title="&quot; onmouseover=&quot;alert(1)&#39; x=&#39;" data-x=\'&quot; onmouseover=&quot;alert(1)&#39; x=&#39;\'>x</a>',
    );
    expect(out).not.toMatch(/"\s*onmouseover=/);
  });

  it('shows & and entity-like text as typed', () => {
    expect(html`${'R&D &copy; 5 < 6'}`.value).toBe('R&amp;D &amp;copy; 5 &lt; 6');
  });

  it('does not escape nested html fragments twice', () => {
    const item = html`<li>${'a<b'}</li>`;
    const list = html`<ul>
      ${item}
    </ul>`;
    expect(list.value.replace(/\s+/g, '')).toBe('<ul><li>a&lt;b</li></ul>');
  });

  it('joins arrays of fragments and escapes plain strings inside arrays', () => {
    const rows = ['<x>', 'y'].map((v) => html`<li>${v}</li>`);
    const list = html`<ul>
      ${rows}
    </ul>`;
    // Prettier may re-indent the template; whitespace between tags does not matter here.
    expect(list.value.replace(/\s+/g, '')).toBe('<ul><li>&lt;x&gt;</li><li>y</li></ul>');
    expect(html`${['<i>', html`<b>ok</b>`]}`.value).toBe('&lt;i&gt;<b>ok</b>');
  });

  it('renders null, undefined and false as nothing and numbers as text', () => {
    const show = false;
    expect(html`a${null}b${undefined}c${show && html`<b>hidden</b>`}d${42}`.value).toBe('abcd42');
  });

  it('passes unsafeRaw through unchanged, on purpose', () => {
    expect(html`<div>${unsafeRaw('<svg></svg>')}</div>`.value).toBe('<div><svg></svg></div>');
  });

  it('cannot be forged: SafeHtml is only made by html and unsafeRaw', () => {
    const forged = { value: '<script>x</script>', toString: () => '<script>x</script>' };
    // @ts-expect-error a look-alike object is not a SafeHtml
    expect(html`${forged}`.value).toBe('&lt;script&gt;x&lt;/script&gt;');
    // @ts-expect-error the constructor's key is private to html.ts
    expect(() => new SafeHtml(Symbol('SafeHtml issuer'), '<b>')).toThrow(TypeError);
  });

  it('stringifies to its markup', () => {
    expect(`${html`<b>${'&'}</b>`.toString()}`).toBe('<b>&amp;</b>');
  });
});

describe('safeUrl', () => {
  it('keeps http, https and mailto links', () => {
    expect(safeUrl('https://cadence.example/r/abc')).toBe('https://cadence.example/r/abc');
    expect(safeUrl('mailto:maria@manilacx.example')).toBe('mailto:maria@manilacx.example');
  });

  it('replaces javascript: and data: links', () => {
    expect(safeUrl('javascript:alert(1)')).toBe('about:blank');
    expect(safeUrl(' JaVaScRiPt:alert(1)')).toBe('about:blank');
    expect(safeUrl('data:text/html,<script>alert(1)</script>')).toBe('about:blank');
  });
});

describe('text', () => {
  it('keeps what people typed as is, one array item a line', () => {
    expect(text`Blockers:\n${['<script>', 'a & b']}`).toBe('Blockers:\n<script>\na & b');
  });

  it('drops control characters and normalises line endings', () => {
    expect(plainText('a\r\nb\rc\u0007d\u001b[31me\tf')).toBe('a\nb\ncd[31me\tf');
    expect(text`x${'1\r\n2'}${null}${false}`).toBe('x1\n2');
  });
});
