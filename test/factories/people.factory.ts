import { randomBytes } from 'node:crypto';
import type { TestApp } from '../support/test-app';

export interface CreatedPerson {
  id: string;
  name: string;
  email: string;
  role: string;
  timeZone: string;
  country: string;
  workWeek: string[];
  workingHours: { start: string; end: string };
}

export interface PersonInput {
  name?: string;
  email?: string;
  role: 'account_manager' | 'executive' | 'vendor_contact' | 'client_contact';
  timeZone: string;
  country: string;
  region?: string | null;
  workWeek?: string[];
  workingHours?: { start: string; end: string };
  locale?: string;
  slackUserId?: string | null;
}

/** Creates a person through the API and fails the test loudly when the API refuses. */
export async function newPerson(app: TestApp, input: PersonInput): Promise<CreatedPerson> {
  const suffix = randomBytes(4).toString('hex');
  const result = await app.api<CreatedPerson>('POST', '/api/v1/people', {
    name: `${input.role} ${suffix}`,
    email: `${input.role}.${suffix}@example.com`,
    ...input,
  });
  if (result.status !== 201) throw new Error(`creating a person failed: ${result.status} ${result.text}`);
  return result.body;
}

export interface CreatedEngagement {
  id: string;
  accountManagerId: string;
  executiveId: string | null;
  vendorContactIds: string[];
  clientContactIds: string[];
  kpis: { key: string; label: string; unit: string; target: number; direction: string }[];
}

/** Places commonly used in scenarios: a client account manager in New York and a vendor team lead in Manila. */
export const PLACES = {
  newYork: { timeZone: 'America/New_York', country: 'US' },
  london: { timeZone: 'Europe/London', country: 'GB' },
  warsaw: { timeZone: 'Europe/Warsaw', country: 'PL' },
  manila: { timeZone: 'Asia/Manila', country: 'PH' },
  kolkata: { timeZone: 'Asia/Kolkata', country: 'IN' },
  riyadh: { timeZone: 'Asia/Riyadh', country: 'SA' },
  cairo: { timeZone: 'Africa/Cairo', country: 'EG' },
  bogota: { timeZone: 'America/Bogota', country: 'CO' },
  sydney: { timeZone: 'Australia/Sydney', country: 'AU', region: 'NSW' },
  singapore: { timeZone: 'Asia/Singapore', country: 'SG' },
} as const;

export async function newEngagement(
  app: TestApp,
  parts: {
    accountManager?: PersonInput;
    vendorContact?: PersonInput;
    executive?: PersonInput | null;
    kpis?: CreatedEngagement['kpis'];
    name?: string;
  } = {},
): Promise<{
  engagement: CreatedEngagement;
  accountManager: CreatedPerson;
  vendorContact: CreatedPerson;
  executive: CreatedPerson | null;
}> {
  const accountManager = await newPerson(
    app,
    parts.accountManager ?? { role: 'account_manager', ...PLACES.newYork },
  );
  const vendorContact = await newPerson(
    app,
    parts.vendorContact ?? { role: 'vendor_contact', ...PLACES.manila },
  );
  const executive =
    parts.executive === null
      ? null
      : await newPerson(app, parts.executive ?? { role: 'executive', ...PLACES.newYork });
  const result = await app.api<CreatedEngagement>('POST', '/api/v1/engagements', {
    name: parts.name ?? 'Acme × Manila CX',
    clientName: 'Acme Corp',
    vendorName: 'Manila CX Partners',
    accountManagerId: accountManager.id,
    executiveId: executive?.id ?? null,
    vendorContactIds: [vendorContact.id],
    kpis: parts.kpis ?? [
      { key: 'close_rate', label: 'Close rate', unit: '%', target: 12, direction: 'higher_is_better' },
    ],
  });
  if (result.status !== 201)
    throw new Error(`creating an engagement failed: ${result.status} ${result.text}`);
  return { engagement: result.body, accountManager, vendorContact, executive };
}
