import { html, type SafeHtml } from '../../notifications/email/html';

/*
 * Text people typed, where whitespace is content: a <textarea>, or an element
 * styled `white-space: pre-wrap`. These one-line templates are kept out of
 * Prettier's reach: reflowing them would add indentation to what is shown and
 * to what a textarea sends back.
 */

/** Typed text shown with its line breaks and spaces (escaped, like everything interpolated). */
export function typedText(text: string): SafeHtml {
  // prettier-ignore
  return html`<span class="typed">${text}</span>`;
}

/** A textarea holding `value` exactly. */
export function textareaOf(
  attributes: { id: string; name: string; describedBy: string | null; invalid: boolean },
  value: string,
): SafeHtml {
  // The parser drops one newline right after <textarea>: give it one, so a value that starts
  // with a line break comes back exactly as typed.
  const content = `\n${value}`;
  const { id, name, describedBy, invalid } = attributes;
  // prettier-ignore
  return html`<textarea id="${id}" name="${name}" rows="5"${describedBy && html` aria-describedby="${describedBy}"`}${invalid && html` aria-invalid="true"`}>${content}</textarea>`;
}
