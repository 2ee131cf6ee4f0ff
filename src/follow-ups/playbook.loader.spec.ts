import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadPlaybooks, PlaybookLoadError } from './playbook.loader';

const GOOD = 'steps:\n  red_status:\n    - {after: 0, to: account_manager, via: slack_dm}\n';

describe('loadPlaybooks', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'cadence-playbooks-'));
  });
  afterEach(() => {
    rmSync(dir, { recursive: true, force: true });
  });

  function problems(): readonly string[] {
    try {
      loadPlaybooks(dir, dir);
    } catch (error) {
      if (error instanceof PlaybookLoadError) return error.problems;
      throw error;
    }
    throw new Error('expected the playbooks to be refused');
  }

  it('loads the repository’s own playbooks, default included', () => {
    const catalogue = loadPlaybooks(join(__dirname, '..', '..', 'config', 'playbooks'));
    const playbook = catalogue.get('default');
    expect(playbook?.steps.report_late?.map((step) => [step.to, step.via])).toEqual([
      ['vendor_contact', 'email'],
      ['vendor_contact', 'email'],
      ['account_manager', 'slack_dm'],
      ['executive', 'email'],
    ]);
    expect(Object.keys(playbook?.steps ?? {}).sort()).toEqual([
      'ask_unanswered',
      'health_band_worsened',
      'meeting_missed',
      'red_status',
      'report_late',
      'report_missed',
      'two_misses_in_a_row',
    ]);
  });

  it('keys the catalogue by file name and ignores files that are not YAML', () => {
    writeFileSync(join(dir, 'default.yaml'), GOOD);
    writeFileSync(join(dir, 'night-shift.yml'), GOOD);
    writeFileSync(join(dir, 'README.md'), '# playbooks');
    expect([...loadPlaybooks(dir, dir).keys()]).toEqual(['default', 'night-shift']);
  });

  it('names the file, line and field of every problem in every file', () => {
    writeFileSync(
      join(dir, 'default.yaml'),
      'steps:\n  report_late:\n    - {after: 2 hours, to: vendor_contact, via: email}\n',
    );
    writeFileSync(
      join(dir, 'strict.yaml'),
      'steps:\n  red_status:\n    - {after: 0, to: vendor_contact, via: slack_dm}\n',
    );
    expect(problems()).toEqual([
      expect.stringMatching(/^default\.yaml:3: steps\.report_late\[0\]\.after: "2 hours" is not a delay/),
      'strict.yaml:3: steps.red_status[0].via: slack_dm cannot reach a vendor_contact: vendors are not in our Slack; use email',
    ]);
  });

  it('requires a default playbook', () => {
    writeFileSync(join(dir, 'other.yaml'), GOOD);
    expect(problems()).toEqual([expect.stringContaining('default.yaml: missing')]);
  });

  it('refuses a file name engagements cannot use, and the same name twice', () => {
    writeFileSync(join(dir, 'default.yaml'), GOOD);
    writeFileSync(join(dir, 'default.yml'), GOOD);
    writeFileSync(join(dir, 'My Playbook.yaml'), GOOD);
    expect(problems()).toEqual([
      expect.stringContaining('My Playbook.yaml: a playbook file name must be lower-case'),
      'default.yml: the playbook "default" is also defined by default.yaml',
    ]);
  });

  it('says so when the folder is missing', () => {
    expect(() => loadPlaybooks(join(dir, 'nope'), dir)).toThrow(/nope: ENOENT/);
  });
});
