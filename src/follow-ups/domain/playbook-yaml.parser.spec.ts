import { parsePlaybookYaml } from './playbook-yaml.parser';

describe('parsePlaybookYaml', () => {
  it('reads a playbook file into a validated playbook', () => {
    const result = parsePlaybookYaml(
      'lean',
      [
        'steps:',
        '  meeting_missed:',
        '    - after: 0',
        '      to: account_manager',
        '      via: slack_dm',
      ].join('\n'),
    );
    expect(result.ok && result.playbook).toEqual({
      name: 'lean',
      steps: {
        meeting_missed: [
          { after: { days: 0, hours: 0 }, to: 'account_manager', via: 'slack_dm', template: 'notice' },
        ],
      },
    });
  });

  it('names a duplicated trigger with the lines of both copies', () => {
    const source = [
      'steps:',
      '  red_status:',
      '    - {after: 0, to: account_manager, via: slack_dm}',
      '  red_status:',
      '    - {after: 0, to: executive, via: email}',
    ].join('\n');
    const result = parsePlaybookYaml('dup', source);
    expect(!result.ok && result.problems).toEqual([
      {
        path: 'steps.red_status',
        message: 'duplicate trigger red_status (first at line 2); merge the two',
        line: 4,
      },
    ]);
  });

  it('names a duplicated key inside a step', () => {
    const source = [
      'steps:',
      '  red_status:',
      '    - after: 0',
      '      to: account_manager',
      '      to: executive',
      '      via: email',
    ].join('\n');
    const result = parsePlaybookYaml('dup', source);
    expect(!result.ok && result.problems[0]).toEqual({
      path: 'steps.red_status[0].to',
      message: 'duplicate key "to" (first at line 4); merge the two',
      line: 5,
    });
  });

  it('gives each validation problem the line of the field at fault, or of its step when the field is missing', () => {
    const source = [
      'steps:',
      '  report_late:',
      '    - after: 0',
      '      to: vendor_contact',
      '      via: email',
      '    - after: 2 hours',
      '      to: vendor_contact',
      '      via: email',
      '    - to: account_manager',
      '      via: slack_dm',
    ].join('\n');
    const result = parsePlaybookYaml('bad', source);
    expect(!result.ok && result.problems).toEqual([
      {
        path: 'steps.report_late[1].after',
        message: expect.stringContaining('"2 hours" is not a delay'),
        line: 6,
      },
      { path: 'steps.report_late[2].after', message: expect.stringContaining('required'), line: 9 },
    ]);
  });

  it('reports YAML syntax errors with their line', () => {
    const result = parsePlaybookYaml('broken', 'steps:\n  red_status: [\n');
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.problems[0].message).toMatch(/^YAML: /);
      expect(result.problems[0].line).toBeGreaterThan(0);
    }
  });

  it('refuses an empty file', () => {
    const result = parsePlaybookYaml('empty', '# nothing yet\n');
    expect(!result.ok && result.problems).toEqual([
      { path: '', message: 'a playbook must be a mapping with a "steps" key' },
    ]);
  });
});
