import {
  formatHealthResponse,
  formatHelpResponse,
  formatOverdueResponse,
  formatStatusResponse,
  parseCadenceCommand,
} from './cadence-command.format';
import type { EngagementHealthSummary, EngagementStatus } from './slack-domain.port';

const acme: EngagementHealthSummary = {
  engagementId: 'e1',
  name: 'Acme & Co × Manila CX',
  vendorName: 'Manila CX Partners',
  score: 72,
  band: 'watch',
  trend: -9,
};

describe('parseCadenceCommand', () => {
  it('reads the three commands, case-insensitively', () => {
    expect(parseCadenceCommand('status acme manila')).toEqual({ kind: 'status', query: 'acme manila' });
    expect(parseCadenceCommand('  OVERDUE ')).toEqual({ kind: 'overdue' });
    expect(parseCadenceCommand('health')).toEqual({ kind: 'health' });
  });

  it('unescapes what Slack escaped in the typed text', () => {
    expect(parseCadenceCommand('status Acme &amp; Co')).toEqual({ kind: 'status', query: 'Acme & Co' });
  });

  it('answers anything else with help', () => {
    expect(parseCadenceCommand('')).toEqual({ kind: 'help' });
    expect(parseCadenceCommand('help')).toEqual({ kind: 'help' });
    expect(parseCadenceCommand('dance now')).toEqual({ kind: 'help', unknown: 'dance' });
    expect(parseCadenceCommand('status')).toEqual({ kind: 'help', missingEngagement: true });
  });
});

describe('command responses', () => {
  it('are ephemeral', () => {
    expect(formatHelpResponse().response_type).toBe('ephemeral');
  });

  it('help lists the commands and echoes an unknown word escaped', () => {
    const { text } = formatHelpResponse({ kind: 'help', unknown: '<!channel>' });

    expect(text).toContain("I don't know “&lt;!channel&gt;”.");
    expect(text).toContain('`/cadence status <engagement>`');
    expect(text).toContain('`/cadence overdue`');
    expect(text).toContain('`/cadence health`');
  });

  it('status shows health, flags, overdue, next, last report and highlights', () => {
    const status: EngagementStatus = {
      engagement: acme,
      flags: [{ severity: 'warning', message: 'Reports slipping: 2 of the last 4 were late' }],
      overdue: [
        {
          touchpointId: 't1',
          engagementName: acme.name,
          kind: 'status_report',
          title: 'Weekly status',
          dueAt: '2027-03-05T09:00:00Z',
          status: 'late',
        },
      ],
      upcoming: [{ title: 'Weekly sync', kind: 'meeting', at: '2027-03-09T14:00:00Z' }],
      lastReport: { status: 'amber', submittedAt: '2027-02-26T10:00:00Z', late: true },
      highlights: ['Close rate 14.2% vs target 12% for 3 weeks'],
    };

    const { text } = formatStatusResponse({ kind: 'found', status }, 'acme');

    expect(text.split('\n')).toEqual([
      '*Acme &amp; Co × Manila CX* · Manila CX Partners',
      'Health :large_yellow_circle: Watch · 72 (▼ 9)',
      ':warning: Reports slipping: 2 of the last 4 were late',
      '*Overdue*',
      '• Weekly status (status report) due <!date^1804237200^{date_short_pretty} at {time}|Fri 5 Mar 2027, 09:00 UTC> — _late_',
      '*Next*',
      '• Weekly sync (meeting) — <!date^1804600800^{date_short_pretty} at {time}|Tue 9 Mar 2027, 14:00 UTC>',
      '*Last report* :large_yellow_circle: amber, submitted <!date^1803636000^{date_short_pretty} at {time}|Fri 26 Feb 2027, 10:00 UTC> (late)',
      '*Highlights*',
      '• Close rate 14.2% vs target 12% for 3 weeks',
    ]);
  });

  it('status says when nothing or several engagements match, escaping the query', () => {
    expect(formatStatusResponse({ kind: 'not_found' }, '<x>').text).toContain('matches “&lt;x&gt;”');
    expect(formatStatusResponse({ kind: 'ambiguous', candidates: ['Acme A', 'Acme B'] }, 'acme').text).toBe(
      '“acme” matches “Acme A”, “Acme B”. Which one? Add more of its name.',
    );
  });

  it('overdue lists the oldest first, and cheers when there is nothing', () => {
    const { text } = formatOverdueResponse([
      {
        touchpointId: 'b',
        engagementName: 'B',
        kind: 'meeting',
        title: 'Sync',
        dueAt: '2027-03-09T14:00:00Z',
        status: 'missed',
      },
      {
        touchpointId: 'a',
        engagementName: 'A',
        kind: 'status_report',
        title: 'Report',
        dueAt: '2027-03-05T09:00:00Z',
        status: 'late',
      },
    ]);

    expect(text.split('\n')[0]).toBe('*2 overdue*');
    expect(text.split('\n')[1]).toMatch(/^• \*A\* · Report \(status report\) due /);
    expect(formatOverdueResponse([]).text).toContain('Nothing overdue');
  });

  it('health lists every engagement with its band, least healthy first', () => {
    const { text } = formatHealthResponse([
      { ...acme, name: 'Fine', band: 'healthy', score: 90, trend: 1 },
      acme,
    ]);

    expect(text.split('\n')).toEqual([
      '• *Acme &amp; Co × Manila CX* · Manila CX Partners — :large_yellow_circle: Watch · 72 (▼ 9)',
      '• *Fine* · Manila CX Partners — :large_green_circle: Healthy · 90 (▲ 1)',
    ]);
  });
});
