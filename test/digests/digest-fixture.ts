import type { ParsedMail } from 'mailparser';
import { newEngagement, type CreatedPerson, type PersonInput } from '../factories/people.factory';
import type { FakeSmtpServer, ReceivedEmail } from '../fakes/smtp.fake';
import type { TestApp } from '../support/test-app';

/** Where digest links point in these specs; requests go to the test app's own address. */
export const PUBLIC_URL = 'https://cadence.example.com';

export interface MessageRow {
  id: string;
  purpose: string;
  recipient: string;
  status: string;
  dueAt: string;
  sentAt: string | null;
  summary: string;
  idempotencyKey: string;
}

export interface TouchpointRow {
  id: string;
  kind: string;
  status: string;
  scheduledAt: string;
  periodKey: string;
}

/** Digest messages in the outbox, oldest first. */
export async function digestMessages(app: TestApp): Promise<MessageRow[]> {
  const result = await app.api<{ items: MessageRow[] }>('GET', '/api/v1/messages?purpose=digest&limit=200');
  if (result.status !== 200) throw new Error(`listing messages failed: ${result.status} ${result.text}`);
  return result.body.items;
}

/** Digest e-mails the fake SMTP server received for one address. */
export function digestsTo(smtp: FakeSmtpServer, address: string): ReceivedEmail[] {
  return smtp.messages.filter(
    (m) => m.recipients.includes(address) && (m.parsed.subject ?? '').startsWith('Cadence week'),
  );
}

/** The unsubscribe URL of a digest e-mail, from its List-Unsubscribe header. */
export function unsubscribeUrl(mail: ParsedMail): URL {
  const line = mail.headerLines.find((h) => h.key === 'list-unsubscribe')?.line ?? '';
  // A long URL folds the header onto a second line.
  const match = /^List-Unsubscribe:\s+<([^>]+)>$/.exec(line);
  if (match === null)
    throw new Error(`no List-Unsubscribe in ${JSON.stringify(mail.headerLines.map((h) => h.key))}`);
  return new URL(match[1]);
}

/**
 * An executive with one engagement: an account manager in New York, a
 * vendor contact in Manila, a weekly status report due Thursday 17:00 Manila
 * from the given Monday on.
 */
export async function executiveWithEngagement(
  app: TestApp,
  executive: PersonInput,
  options: { name: string; startsOn: string; vendorContact?: PersonInput },
): Promise<{ executive: CreatedPerson; engagementId: string; vendorContact: CreatedPerson }> {
  const created = await newEngagement(app, {
    executive,
    name: options.name,
    ...(options.vendorContact && { vendorContact: options.vendorContact }),
  });
  if (created.executive === null) throw new Error('no executive');
  const cadence = await app.api('POST', `/api/v1/engagements/${created.engagement.id}/cadences`, {
    kind: 'status_report',
    title: 'Weekly status',
    frequency: 'weekly',
    due: { weekday: 'thu', time: '17:00' },
    startsOn: options.startsOn,
    holidayPolicy: 'shift',
  });
  if (cadence.status !== 201) throw new Error(`creating a cadence failed: ${cadence.status} ${cadence.text}`);
  return {
    executive: created.executive,
    engagementId: created.engagement.id,
    vendorContact: created.vendorContact,
  };
}

export async function touchpoints(
  app: TestApp,
  engagementId: string,
  from: string,
  to: string,
): Promise<TouchpointRow[]> {
  const result = await app.api<TouchpointRow[]>(
    'GET',
    `/api/v1/engagements/${engagementId}/touchpoints?from=${from}&to=${to}`,
  );
  if (result.status !== 200) throw new Error(`listing touchpoints failed: ${result.status} ${result.text}`);
  return result.body;
}
