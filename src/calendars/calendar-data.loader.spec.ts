import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadCalendarData } from './calendar-data.loader';
import { CalendarDataError } from './domain/calendar-data.problems';

const repoConfig = join(__dirname, '..', '..', 'config');

describe('calendar data loader', () => {
  let dir: string;

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'cadence-calendars-'));
    cpSync(join(repoConfig, 'holidays'), join(dir, 'holidays'), { recursive: true });
    cpSync(join(repoConfig, 'calendars'), join(dir, 'calendars'), { recursive: true });
  });

  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('loads the repository data', () => {
    const data = loadCalendarData(repoConfig);
    expect([...data.overlays.keys()].sort()).toEqual(['CN', 'EG', 'IN', 'SA', 'VN']);
    expect(data.workWeeks.countries.get('SA')?.workWeek).toEqual(['sun', 'mon', 'tue', 'wed', 'thu']);
    expect(
      data.seasonalHours
        .map((rule) => rule.countries)
        .flat()
        .sort(),
    ).toEqual(['AE', 'EG', 'SA']);
  });

  it('names the file of a YAML syntax error', () => {
    writeFileSync(join(dir, 'holidays', 'pl.yaml'), 'country: PL\nholidays: [\n');
    expect(() => loadCalendarData(dir, dir)).toThrow(/holidays\/pl\.yaml: /);
  });

  it('names the file and entry of a bad value', () => {
    writeFileSync(
      join(dir, 'holidays', 'pl.yaml'),
      'country: PL\nholidays:\n  - name: Wigilia\n    dates: [2027-12-32]\n    source: test\n',
    );
    expect(() => loadCalendarData(dir, dir)).toThrow(
      'holidays/pl.yaml: holidays[0] (Wigilia): dates[0] "2027-12-32" is not a date (YYYY-MM-DD)',
    );
  });

  it('reports missing and unexpected calendar tables', () => {
    rmSync(join(dir, 'calendars', 'work-weeks.yaml'));
    writeFileSync(join(dir, 'calendars', 'work-week.yaml'), 'default: {}\n');
    let caught: unknown;
    try {
      loadCalendarData(dir, dir);
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(CalendarDataError);
    expect((caught as CalendarDataError).problems).toEqual([
      expect.stringMatching(/calendars\/work-week\.yaml: unexpected file/),
      'calendars/work-weeks.yaml: missing',
    ]);
  });
});
