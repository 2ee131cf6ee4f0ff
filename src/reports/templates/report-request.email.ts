import { html, safeUrl, text } from '../../notifications/email/html';

/** Everything the request e-mail says, already formatted for its reader. */
export interface ReportRequestEmailModel {
  recipientName: string;
  engagementName: string;
  clientName: string;
  vendorName: string;
  /** The cadence's title, e.g. "Weekly status". */
  reportTitle: string;
  /** The period in the reader's locale ("Week 12: Mon, Mar 22 – Sun, Mar 28, 2027"). */
  period: string;
  /** The due time in the reader's zone and locale, zone named. */
  due: string;
  /** Until when the link works, formatted the same way. */
  expires: string;
  url: string;
}

export interface RenderedEmail {
  subject: string;
  html: string;
  text: string;
}

/**
 * The request a vendor contact gets before a status report is due. Every
 * value is interpolated through `html` (escaped) or `text`; the engagement
 * name is typed by an operator and may hold anything.
 */
export function renderReportRequestEmail(model: ReportRequestEmailModel): RenderedEmail {
  const subject = `${model.reportTitle} for ${model.engagementName}: due ${model.due}`;
  const link = safeUrl(model.url);
  const body = html`<!doctype html>
    <html lang="en">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>${subject}</title>
      </head>
      <body
        style="margin:0;padding:24px;font-family:Arial,Helvetica,sans-serif;color:#1f2933;line-height:1.5"
      >
        <p>Hello ${model.recipientName},</p>
        <p>
          Please send the <strong>${model.reportTitle}</strong> for
          <strong>${model.engagementName}</strong> (${model.clientName} × ${model.vendorName}).
        </p>
        <table role="presentation" style="border-collapse:collapse;margin:16px 0">
          <tr>
            <th scope="row" style="text-align:left;padding:4px 16px 4px 0">Period</th>
            <td style="padding:4px 0">${model.period}</td>
          </tr>
          <tr>
            <th scope="row" style="text-align:left;padding:4px 16px 4px 0">Due</th>
            <td style="padding:4px 0">${model.due}</td>
          </tr>
        </table>
        <p>
          <a
            href="${link}"
            style="display:inline-block;padding:12px 20px;background:#1d4ed8;color:#ffffff;text-decoration:none;border-radius:6px"
            >Open your report form</a
          >
        </p>
        <p style="font-size:14px;color:#52606d">
          Or copy this link into your browser: <a href="${link}">${link}</a><br />
          The link is personal to you and needs no account. It works until ${model.expires}. You can change
          your report after sending it, until the next one is due.
        </p>
      </body>
    </html>`;
  const plain = text`Hello ${model.recipientName},

Please send the ${model.reportTitle} for ${model.engagementName} (${model.clientName} × ${model.vendorName}).

Period: ${model.period}
Due:    ${model.due}

Open your report form:
${link}

The link is personal to you and needs no account. It works until ${model.expires}.
You can change your report after sending it, until the next one is due.
`;
  return { subject: oneLine(subject), html: body.value, text: plain };
}

/** Header values are single lines; nodemailer would fold them, but a typed newline has no place there. */
function oneLine(value: string): string {
  return value.replace(/[\r\n\t]+/g, ' ').slice(0, 250);
}
