import { matchByName } from './engagement-name-match';

const engagements = [
  { name: 'Acme × Manila CX' },
  { name: 'Acme × Pune Sales' },
  { name: 'Globex × Kraków Ads' },
  { name: 'Acme' },
];

describe('matchByName', () => {
  it('finds every engagement whose name contains the query, ignoring case', () => {
    expect(matchByName('ACME ×', engagements).map((e) => e.name)).toEqual([
      'Acme × Manila CX',
      'Acme × Pune Sales',
    ]);
  });

  it('lets an exact name win over the names that merely contain it', () => {
    expect(matchByName('acme', engagements).map((e) => e.name)).toEqual(['Acme']);
  });

  it('ignores accents and extra spaces', () => {
    expect(matchByName('  krakow   ads ', engagements).map((e) => e.name)).toEqual(['Globex × Kraków Ads']);
  });

  it('matches nothing for an empty query', () => {
    expect(matchByName('   ', engagements)).toEqual([]);
  });
});
