/**
 * The stylesheet of the vendor form pages, served from `/assets/report-form.css`
 * (the pages' Content-Security-Policy allows styles from the same origin only,
 * never inline). Mobile first: one column, large touch targets, readable at 390 px.
 */
export const REPORT_FORM_CSS = `
*, *::before, *::after { box-sizing: border-box; }
html { -webkit-text-size-adjust: 100%; }
body {
  margin: 0;
  font: 16px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", Arial, sans-serif;
  color: #1f2933;
  background: #f5f7fa;
}
main { max-width: 42rem; margin: 0 auto; padding: 1rem; }
header.report { background: #fff; border: 1px solid #d9e2ec; border-radius: 8px; padding: 1rem; margin-bottom: 1rem; }
h1 { font-size: 1.4rem; line-height: 1.25; margin: 0 0 0.25rem; overflow-wrap: anywhere; }
h2 { font-size: 1.1rem; margin: 0 0 0.5rem; }
p { margin: 0.25rem 0 0.75rem; }
dl.facts { display: grid; grid-template-columns: max-content 1fr; gap: 0.25rem 0.75rem; margin: 0.5rem 0 0; }
dl.facts dt { font-weight: 600; }
dl.facts dd { margin: 0; overflow-wrap: anywhere; }
.notice { border-left: 4px solid #2563eb; background: #eff6ff; padding: 0.75rem 1rem; margin: 0 0 1rem; border-radius: 4px; }
.notice.warn { border-color: #b45309; background: #fffbeb; }
.notice.bad { border-color: #b91c1c; background: #fef2f2; }
.error-summary { border: 2px solid #b91c1c; background: #fff; padding: 0.75rem 1rem; margin: 0 0 1rem; border-radius: 6px; }
.error-summary h2 { color: #b91c1c; }
.error-summary a { color: #b91c1c; }
form section, .panel { background: #fff; border: 1px solid #d9e2ec; border-radius: 8px; padding: 1rem; margin: 0 0 1rem; }
fieldset { border: 0; padding: 0; margin: 0 0 1rem; min-width: 0; }
legend { font-weight: 600; padding: 0; margin: 0 0 0.5rem; }
label { display: block; font-weight: 600; margin: 0 0 0.25rem; }
.hint { display: block; color: #52606d; font-size: 0.9rem; font-weight: 400; margin: 0 0 0.25rem; }
.field { margin: 0 0 1rem; }
.field.invalid input[type="text"], .field.invalid textarea { border-color: #b91c1c; border-width: 2px; }
.field-error { display: block; color: #b91c1c; font-weight: 600; margin: 0.25rem 0 0; }
input[type="text"], textarea {
  display: block; width: 100%; font: inherit; padding: 0.6rem 0.7rem;
  border: 1px solid #7b8794; border-radius: 6px; background: #fff; color: inherit;
}
textarea { min-height: 7rem; resize: vertical; }
input[type="text"]:focus, textarea:focus, input[type="radio"]:focus-visible { outline: 3px solid #93c5fd; outline-offset: 1px; }
.choices { display: flex; flex-wrap: wrap; gap: 0.5rem; }
.choice { display: flex; align-items: center; gap: 0.5rem; font-weight: 400; border: 1px solid #9aa5b1; border-radius: 6px; padding: 0.6rem 0.8rem; min-height: 44px; margin: 0; background: #fff; }
.choice input { width: 1.2rem; height: 1.2rem; margin: 0; }
.swatch { display: inline-block; width: 0.9rem; height: 0.9rem; border-radius: 50%; }
.swatch.green { background: #15803d; } .swatch.amber { background: #d97706; } .swatch.red { background: #b91c1c; }
.carried { border: 1px solid #d9e2ec; border-radius: 6px; padding: 0.75rem; margin: 0 0 0.75rem; }
.carried p.blocker-text { font-weight: 600; }
button {
  font: inherit; font-weight: 600; color: #fff; background: #1d4ed8; border: 0; border-radius: 6px;
  padding: 0.8rem 1.4rem; min-height: 48px; width: 100%; cursor: pointer;
}
button:focus-visible { outline: 3px solid #93c5fd; outline-offset: 2px; }
a { color: #1d4ed8; }
.typed { white-space: pre-wrap; overflow-wrap: anywhere; }
.typed-block { margin: 0 0 0.75rem; }
table.kpis { width: 100%; border-collapse: collapse; margin: 0 0 0.75rem; }
table.kpis th, table.kpis td { text-align: left; padding: 0.35rem 0.5rem 0.35rem 0; border-bottom: 1px solid #e4e7eb; vertical-align: top; }
ul.items { margin: 0 0 0.75rem; padding-left: 1.25rem; }
ul.items li { margin: 0 0 0.25rem; }
.tag { display: inline-block; font-size: 0.8rem; font-weight: 600; border-radius: 999px; padding: 0 0.5rem; background: #e4e7eb; white-space: nowrap; }
.tag.green { background: #dcfce7; color: #14532d; } .tag.amber { background: #fef3c7; color: #78350f; } .tag.red { background: #fee2e2; color: #7f1d1d; }
@media (min-width: 40rem) {
  main { padding: 2rem 1rem; }
  button { width: auto; }
}
`;
