import { assembleBlockers, openBlockers } from './blocker-carry-over';
import type { StoredBlocker } from './report.types';

const LAST_DUE = '2027-03-19T09:00:00.000Z';
const DUE = '2027-03-26T09:00:00.000Z';
const CRM: StoredBlocker = {
  id: 'crm-1',
  text: 'CRM access',
  status: 'open',
  firstSeenAt: '2027-03-05T09:00:00.000Z',
};

function ids(): () => string {
  let n = 0;
  return () => `new-${++n}`;
}

describe('openBlockers', () => {
  it('keeps only the open ones, in order', () => {
    const resolved: StoredBlocker = { ...CRM, id: 'x', status: 'resolved' };
    expect(openBlockers([resolved, CRM])).toEqual([CRM]);
  });
});

describe('assembleBlockers', () => {
  it('gives new blockers fresh ids first seen at this due time, and carried ones their origin', () => {
    const result = assembleBlockers(
      [
        { text: 'CRM access', status: 'resolved', carriedFrom: CRM },
        { text: 'Dialer licences', status: 'open', carriedFrom: null },
      ],
      { existing: [], dueAt: DUE, newId: ids() },
    );
    expect(result).toEqual([
      {
        id: 'new-1',
        text: 'CRM access',
        status: 'resolved',
        carriedFrom: 'crm-1',
        firstSeenAt: '2027-03-05T09:00:00.000Z',
      },
      { id: 'new-2', text: 'Dialer licences', status: 'open', firstSeenAt: DUE },
    ]);
  });

  it('keeps ids and first-seen dates across an edit, matching new blockers by their text', () => {
    const existing: StoredBlocker[] = [
      {
        id: 'kept-carried',
        text: 'CRM access',
        status: 'open',
        carriedFrom: 'crm-1',
        firstSeenAt: CRM.firstSeenAt,
      },
      { id: 'kept-new', text: 'Dialer  licences', status: 'open', firstSeenAt: LAST_DUE },
    ];
    const result = assembleBlockers(
      [
        { text: 'dialer licences', status: 'open', carriedFrom: null },
        { text: 'CRM access', status: 'resolved', carriedFrom: CRM },
        { text: 'Brand new', status: 'open', carriedFrom: null },
      ],
      { existing, dueAt: DUE, newId: ids() },
    );
    expect(result.map((b) => [b.id, b.firstSeenAt])).toEqual([
      ['kept-new', LAST_DUE],
      ['kept-carried', CRM.firstSeenAt],
      ['new-1', DUE],
    ]);
  });

  it('does not give one stored id to two blockers', () => {
    const existing: StoredBlocker[] = [{ id: 'only', text: 'Same', status: 'open', firstSeenAt: DUE }];
    const result = assembleBlockers(
      [
        { text: 'Same', status: 'open', carriedFrom: null },
        { text: 'Same', status: 'open', carriedFrom: null },
      ],
      { existing, dueAt: DUE, newId: ids() },
    );
    expect(result.map((b) => b.id)).toEqual(['only', 'new-1']);
  });
});
