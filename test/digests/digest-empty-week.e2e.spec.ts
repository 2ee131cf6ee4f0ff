import { newEngagement, newPerson, PLACES } from '../factories/people.factory';
import { FakeSmtpServer } from '../fakes/smtp.fake';
import { TestApp } from '../support/test-app';
import { digestsTo, PUBLIC_URL } from './digest-fixture';

describe('A week with nothing to report says so in one line', () => {
  let smtp: FakeSmtpServer;
  let app: TestApp;

  beforeAll(async () => {
    smtp = await FakeSmtpServer.start();
    // Thursday 12 August 2027: a quiet fortnight ahead in New York and London (no holiday, no clock change).
    app = await TestApp.start({
      env: { SMTP_URL: smtp.url, PUBLIC_URL },
      clockStart: '2027-08-12T00:00:00Z',
    });
    await newPerson(app, { role: 'executive', ...PLACES.newYork, email: 'new@acme.example', name: 'Nell' });
    await newEngagement(app, {
      name: 'Acme × London Leads',
      executive: { role: 'executive', ...PLACES.newYork, email: 'quiet@acme.example', name: 'Quinn' },
      vendorContact: { role: 'vendor_contact', ...PLACES.london },
    });
    await app.advanceClock('2027-08-16T14:00:00Z');
  });

  afterAll(async () => {
    await app.close();
    await smtp.close();
  });

  it('for an executive without engagements yet', () => {
    const [mail] = digestsTo(smtp, 'new@acme.example');
    expect(mail.parsed.subject).toBe('Cadence week 33: no engagements in your portfolio yet');
    expect(mail.parsed.text).toContain('There are no engagements in your portfolio yet');
    expect(mail.parsed.html).not.toContain('<h2');
  });

  it('for a healthy engagement with no report due, no flag, no ask and no holiday ahead', () => {
    const [mail] = digestsTo(smtp, 'quiet@acme.example');
    expect(mail.parsed.subject).toBe('Cadence week 33: your engagement is on track');
    expect(mail.parsed.text).toContain('Nothing needs your attention.');
    // One line instead of empty tables: no section headings at all.
    expect(mail.parsed.html).not.toContain('<h2');
  });
});
