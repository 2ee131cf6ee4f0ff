import { html, type SafeHtml } from './html';

/**
 * The frame every Cadence e-mail shares: a single centred column, inline
 * styles only (mail clients strip <style>), no images, readable on a phone.
 */
export function renderEmailLayout(input: { title: string; body: SafeHtml; footer?: SafeHtml }): string {
  return html`<!doctype html>
    <html lang="en">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>${input.title}</title>
      </head>
      <body style="margin:0;padding:0;background:#f4f5f7">
        <table role="presentation" width="100%" cellpadding="0" cellspacing="0" style="background:#f4f5f7">
          <tr>
            <td align="center" style="padding:24px 12px">
              <table
                role="presentation"
                width="100%"
                cellpadding="0"
                cellspacing="0"
                style="max-width:600px;background:#ffffff;border-radius:8px"
              >
                <tr>
                  <td
                    style="padding:24px;font-family:Helvetica,Arial,sans-serif;font-size:15px;line-height:1.5;color:#1f2328"
                  >
                    ${input.body}
                  </td>
                </tr>
              </table>
              <p style="margin:12px 0 0;font-family:Helvetica,Arial,sans-serif;font-size:12px;color:#6b7280">
                ${input.footer ?? 'Sent by Cadence.'}
              </p>
            </td>
          </tr>
        </table>
      </body>
    </html>`.value;
}
