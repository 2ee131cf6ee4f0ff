import { html as escapingHtml, type HtmlValue, type SafeHtml } from '../../notifications/email/html';

const compacted = new WeakMap<TemplateStringsArray, TemplateStringsArray>();

/**
 * The `html` tag of notifications/email/html.ts (every interpolated value
 * escaped, nothing else changed) minus the indentation that Prettier gives
 * the templates' own markup. The digest has no <pre> and no `white-space:
 * pre`, so a newline plus spaces renders exactly like a newline, but the
 * bytes count: Gmail clips a message whose HTML passes about 102 KB, footer
 * and unsubscribe link included, and a 20-engagement digest comes close.
 *
 * Only the static parts of each template are trimmed, once per call site
 * (a template's strings array is the same object on every call), so text
 * people typed passes through untouched and rendering pays nothing per call.
 * Named `html` so that Prettier keeps formatting these templates as HTML.
 */
export function html(strings: TemplateStringsArray, ...values: readonly HtmlValue[]): SafeHtml {
  let compact = compacted.get(strings);
  if (compact === undefined) {
    const trimmed = strings.map((part) => part.replace(/\n[ \t]+/g, '\n'));
    compact = Object.assign(trimmed, { raw: trimmed });
    compacted.set(strings, compact);
  }
  return escapingHtml(compact, ...values);
}
