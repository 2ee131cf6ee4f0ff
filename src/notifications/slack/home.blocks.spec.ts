import type { SectionBlock } from '@slack/types';
import { HOME_ACTION_IDS, buildHomeErrorView, buildHomeView } from './home.blocks';
import type { EngagementHealthSummary } from './slack-domain.port';
import { mrkdwn } from './slack-text';

function engagement(overrides: Partial<EngagementHealthSummary>): EngagementHealthSummary {
  return {
    engagementId: 'e',
    name: 'E',
    vendorName: 'V',
    score: 80,
    band: 'healthy',
    trend: 0,
    ...overrides,
  };
}

function sectionTexts(blocks: readonly { type: string }[]): string[] {
  return blocks.filter((b): b is SectionBlock => b.type === 'section').map((b) => b.text?.text ?? '');
}

describe('buildHomeView', () => {
  it('lists the engagements least healthy first, with band, score and trend', () => {
    const view = buildHomeView({
      overdueCount: 2,
      engagements: [
        engagement({ name: 'Acme × Manila CX', band: 'healthy', score: 88, trend: 3 }),
        engagement({
          name: 'Globex × Pune Sales',
          band: 'at_risk',
          score: 41,
          trend: -12,
          topFlag: 'Reports slipping',
        }),
        engagement({ name: 'Initech × Kraków Ads', band: 'watch', score: 66, trend: 0 }),
      ],
    });

    expect(view.type).toBe('home');
    expect(sectionTexts(view.blocks)).toEqual([
      '*Globex × Pune Sales* · V\n:large_orange_circle: At risk · 41 (▼ 12)\n_Reports slipping_',
      '*Initech × Kraków Ads* · V\n:large_yellow_circle: Watch · 66 (±0)',
      '*Acme × Manila CX* · V\n:large_green_circle: Healthy · 88 (▲ 3)',
    ]);
    expect(JSON.stringify(view.blocks)).toContain('3 engagements · 2 touchpoints overdue');
  });

  it('shows an engagement not assessed yet as such, after the assessed ones', () => {
    const view = buildHomeView({
      overdueCount: 0,
      engagements: [
        engagement({ name: 'New × Bogotá Leads', band: null, score: null }),
        engagement({ name: 'Acme × Manila CX', band: 'healthy', score: 88, trend: 3 }),
      ],
    });

    expect(sectionTexts(view.blocks)).toEqual([
      '*Acme × Manila CX* · V\n:large_green_circle: Healthy · 88 (▲ 3)',
      '*New × Bogotá Leads* · V\n:white_circle: Not assessed yet',
    ]);
  });

  it('escapes engagement names, vendors and flags', () => {
    const view = buildHomeView({
      overdueCount: 0,
      engagements: [engagement({ name: '<!here> & co', vendorName: '<x>', topFlag: '<https://evil|x>' })],
    });
    const json = JSON.stringify(view.blocks);

    expect(json).not.toContain('<!here>');
    expect(json).not.toContain('<https://evil');
    expect(json).toContain('&lt;!here&gt; &amp; co');
  });

  it('links to the engagement when a URL is given', () => {
    const view = buildHomeView({
      overdueCount: 0,
      engagements: [engagement({ url: 'https://cadence.example/e/1' })],
    });
    const section = view.blocks.find((b): b is SectionBlock => b.type === 'section');

    expect(section?.accessory).toMatchObject({
      action_id: HOME_ACTION_IDS.openEngagement,
      url: 'https://cadence.example/e/1',
    });
  });

  it('stays within the 100 blocks a Home tab may hold', () => {
    const many = Array.from({ length: 250 }, (_, i) => engagement({ engagementId: `e${i}`, name: `E${i}` }));

    const view = buildHomeView({ overdueCount: 0, engagements: many });

    expect(view.blocks.length).toBeLessThanOrEqual(100);
    expect(JSON.stringify(view.blocks.at(-1))).toContain('and 154 more');
  });

  it('says so when there is nothing to list', () => {
    expect(JSON.stringify(buildHomeView({ overdueCount: 0, engagements: [] }).blocks)).toContain(
      'No engagements yet',
    );
  });

  it('shows an error instead of an empty tab', () => {
    expect(JSON.stringify(buildHomeErrorView(mrkdwn`Not linked ${'<yet>'}`).blocks)).toContain(
      'Not linked &lt;yet&gt;',
    );
  });
});
