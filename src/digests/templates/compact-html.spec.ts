import { html } from './compact-html';

describe('compact html', () => {
  it('drops the indentation of the template’s own markup', () => {
    const markup = html`<p>
      <strong>${'Acme'}</strong>
    </p>`;
    expect(markup.value).toBe('<p>\n<strong>Acme</strong>\n</p>');
  });

  it('still escapes every value, and leaves the spacing of people’s text alone', () => {
    const typed = 'line one\n    <b>indented</b> & "quoted"';
    expect(html`<p>${typed}</p>`.value).toBe(
      '<p>line one\n    &lt;b&gt;indented&lt;/b&gt; &amp; &quot;quoted&quot;</p>',
    );
  });

  it('nests like the html tag it wraps', () => {
    const inner = html`<em>${'<x>'}</em>`;
    expect(html`<p>${inner}</p>`.value).toBe('<p><em>&lt;x&gt;</em></p>');
  });
});
