import type { CadenceClient, PersonBody } from './cadence-client';
import type { EngagementScript, Place } from './scenario.types';

/**
 * Creates one engagement of a scenario through the public API, as an operator
 * would: the account manager (in Slack), an executive beside them, the vendor contact,
 * the engagement with its KPIs, then the weekly meeting (participants default
 * to the account manager and the vendor contact) and the weekly status report.
 * Returns the engagement id.
 */
export async function setUpEngagement(
  client: CadenceClient,
  script: EngagementScript,
  startsOn: string,
  managerSlackId: string,
): Promise<string> {
  const slug = script.key.replace(/[^a-z0-9]+/gi, '-').toLowerCase();
  const manager = await client.createPerson({
    ...person(script.manager, 'account_manager', `am.${slug}@client.example`),
    slackUserId: managerSlackId,
  });
  const executive = await client.createPerson(
    person(script.manager, 'executive', `exec.${slug}@client.example`),
  );
  const vendor = await client.createPerson(
    person(script.vendor, 'vendor_contact', `lead.${slug}@vendor.example`),
  );
  const engagement = await client.createEngagement({
    name: `${script.clientName} × ${script.vendorName} (${script.key})`,
    clientName: script.clientName,
    vendorName: script.vendorName,
    accountManagerId: manager.id,
    executiveId: executive.id,
    vendorContactIds: [vendor.id],
    kpis: script.kpis,
  });
  await createCadences(client, engagement.id, script, startsOn);
  return engagement.id;
}

/**
 * The script's weekly (or bi-weekly) meeting, its participants defaulting to
 * the account manager and the vendor contacts, and its weekly status report.
 */
export async function createCadences(
  client: CadenceClient,
  engagementId: string,
  script: EngagementScript,
  startsOn: string,
): Promise<void> {
  if (script.meeting !== null) {
    await client.createCadence(engagementId, {
      kind: 'meeting',
      title: 'Weekly sync',
      frequency: script.meeting.frequency,
      durationMinutes: script.meeting.durationMinutes,
      preferredWeekdays: script.meeting.preferredWeekdays,
      holidayPolicy: script.meeting.holidayPolicy,
      startsOn,
    });
  }
  await client.createCadence(engagementId, {
    kind: 'status_report',
    title: 'Weekly status',
    frequency: 'weekly',
    due: script.report.due,
    holidayPolicy: script.report.holidayPolicy,
    startsOn,
  });
}

/** A person at a place, as POST /api/v1/people takes it. */
export function person(place: Place, role: PersonBody['role'], email: string, name?: string): PersonBody {
  const names: Record<PersonBody['role'], string> = {
    account_manager: 'Account manager',
    executive: 'Executive',
    vendor_contact: 'Team lead',
    client_contact: 'Client contact',
  };
  return {
    name: name ?? `${names[role]} (${place.city})`,
    email,
    role,
    timeZone: place.timeZone,
    country: place.country,
    ...(place.region !== undefined && { region: place.region }),
    ...(place.workWeek !== undefined && { workWeek: place.workWeek }),
    ...(place.workingHours !== undefined && { workingHours: place.workingHours }),
    locale: place.locale,
  };
}
