import { playbookFieldErrors, validatePlaybook } from './playbook.validator';

const step = (extra: Record<string, unknown> = {}): Record<string, unknown> => ({
  after: 0,
  to: 'account_manager',
  via: 'slack_dm',
  ...extra,
});

function problemsOf(value: unknown): Record<string, string> {
  const result = validatePlaybook('override', value);
  if (result.ok) throw new Error('expected the playbook to be refused');
  return playbookFieldErrors(result.problems);
}

describe('validatePlaybook', () => {
  it('accepts a JSON override and types it, with default templates by role and repetition', () => {
    const result = validatePlaybook('engagement-7', {
      description: 'Short leash',
      steps: {
        report_late: [
          { after: 0, to: 'vendor_contact', via: 'email' },
          { after: '2 vendor working hours', to: 'vendor_contact', via: 'email' },
          { after: { workingDays: 1 }, to: 'account_manager', via: 'slack_dm', text: 'Call Maria.' },
          { after: '2 working days', to: 'executive', via: 'email' },
          { after: '4 working hours', to: 'slack_channel', via: 'slack_channel', slackChannel: 'C0123ABCD' },
        ],
      },
    });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const steps = result.playbook.steps.report_late ?? [];
    expect(result.playbook.name).toBe('engagement-7');
    expect(steps.map((s) => s.template)).toEqual(['notice', 'reminder', 'notice', 'escalation', 'notice']);
    expect(steps[1].after).toEqual({ days: 0, hours: 2, side: 'vendor' });
    expect(steps[2].text).toBe('Call Maria.');
    expect(steps[4].slackChannel).toBe('C0123ABCD');
    expect(Object.isFrozen(result.playbook) && Object.isFrozen(steps[0].after)).toBe(true);
  });

  it('keeps a template the playbook names', () => {
    const result = validatePlaybook('x', { steps: { red_status: [step({ template: 'escalation' })] } });
    expect(result.ok && result.playbook.steps.red_status?.[0].template).toBe('escalation');
  });

  it('names an unknown trigger, and suggests the spelling it resembles', () => {
    expect(problemsOf({ steps: { 'report-late': [step()] } })).toEqual({
      'steps.report-late': expect.stringContaining(
        'unknown trigger "report-late" (did you mean report_late?)',
      ),
    });
    expect(problemsOf({ steps: { report_lost: [step()] } })['steps.report_lost']).toContain(
      'expected one of report_late, report_missed',
    );
  });

  it('points at the field of the step at fault', () => {
    expect(
      problemsOf({
        steps: {
          report_late: [
            step(),
            step({ after: '2 hours' }),
            step({ to: 'ceo' }),
            step({ to: 'vendor_contact', via: 'slack_dm' }),
            step({ to: 'slack_channel', via: 'slack_channel' }),
            step({ to: 'slack_channel', via: 'slack_channel', slackChannel: '#ops' }),
            step({ via: 'sms' }),
            step({ template: 'shout' }),
            step({ slackChannel: 'C0123ABCD' }),
            step({ colour: 'red' }),
            step({ after: '1 vendor working day' }),
          ],
        },
      }),
    ).toEqual({
      'steps.report_late[1].after': expect.stringContaining('"2 hours" is not a delay'),
      'steps.report_late[2].to': expect.stringContaining('unknown role "ceo"'),
      'steps.report_late[3].via':
        'slack_dm cannot reach a vendor_contact: vendors are not in our Slack; use email',
      'steps.report_late[4].slackChannel': expect.stringContaining('required with to: slack_channel'),
      'steps.report_late[5].slackChannel': expect.stringContaining('must be a Slack channel id'),
      'steps.report_late[6].via': expect.stringContaining('unknown channel "sms"'),
      'steps.report_late[7].template': expect.stringContaining('unknown template "shout"'),
      'steps.report_late[8].slackChannel': 'only for to: slack_channel',
      'steps.report_late[9].colour': expect.stringContaining('unknown key'),
      'steps.report_late[10].after': expect.stringContaining(
        'counts vendor working time, but the step goes to account_manager',
      ),
    });
  });

  it('refuses a channel the role cannot be reached through', () => {
    expect(problemsOf({ steps: { red_status: [step({ to: 'executive', via: 'slack_channel' })] } })).toEqual({
      'steps.red_status[0].via': 'slack_channel cannot reach executive; use email or slack_dm',
    });
    expect(
      problemsOf({
        steps: { red_status: [step({ to: 'slack_channel', via: 'email', slackChannel: 'C0123ABCD' })] },
      }),
    ).toEqual({
      'steps.red_status[0].via': 'email cannot reach slack_channel; use slack_channel',
    });
  });

  it('requires after, to and via on every step', () => {
    expect(problemsOf({ steps: { red_status: [{}] } })).toEqual({
      'steps.red_status[0].after': expect.stringContaining('required'),
      'steps.red_status[0].to': expect.stringContaining('required'),
      'steps.red_status[0].via': expect.stringContaining('required'),
    });
  });

  it('refuses empty steps, an empty playbook and a playbook that is not a mapping', () => {
    expect(problemsOf({ steps: { red_status: [] } })).toEqual({
      'steps.red_status': expect.stringContaining('must list at least one step'),
    });
    expect(problemsOf({ steps: {} })).toEqual({ steps: expect.stringContaining('at least one trigger') });
    expect(problemsOf({ steps: { red_status: step() } })).toEqual({
      'steps.red_status': 'must be a list of steps',
    });
    expect(problemsOf([])).toEqual({ playbook: expect.stringContaining('must be a mapping') });
    expect(problemsOf({ steps: { red_status: ['email the AM'] } })).toEqual({
      'steps.red_status[0]': expect.stringContaining('a step must be a mapping'),
    });
  });

  it('refuses a step that repeats another: the same person nudged twice at once', () => {
    expect(
      problemsOf({ steps: { red_status: [step(), step({ after: 'immediately', template: 'reminder' })] } }),
    ).toEqual({
      'steps.red_status[1]':
        'repeats step 0 (same delay, recipient and channel): the recipient would be nudged twice at once',
    });
  });

  it('ties askUnansweredAfter to the ask_unanswered rule', () => {
    expect(problemsOf({ steps: { ask_unanswered: [step()] } })).toEqual({
      askUnansweredAfter: expect.stringContaining('required with ask_unanswered'),
    });
    expect(problemsOf({ askUnansweredAfter: '3 working days', steps: { red_status: [step()] } })).toEqual({
      askUnansweredAfter: 'has no effect without steps for ask_unanswered',
    });
    expect(problemsOf({ askUnansweredAfter: 0, steps: { ask_unanswered: [step()] } })).toEqual({
      askUnansweredAfter: 'must be more than 0',
    });
    expect(
      problemsOf({ askUnansweredAfter: '3 vendor working days', steps: { ask_unanswered: [step()] } }),
    ).toEqual({ askUnansweredAfter: expect.stringContaining('client') });
    const ok = validatePlaybook('x', {
      askUnansweredAfter: '3 client working days',
      steps: { ask_unanswered: [step()] },
    });
    expect(ok.ok && ok.playbook.askUnansweredAfter).toEqual({ days: 3, hours: 0, side: 'client' });
  });

  it('flags unknown top-level keys and a bad description', () => {
    expect(problemsOf({ step: {}, description: 42, steps: { red_status: [step()] } })).toEqual({
      step: expect.stringContaining('unknown key'),
      description: expect.stringContaining('must be text'),
    });
  });

  it('reports every problem in one run', () => {
    const result = validatePlaybook('x', { steps: { a: [], red_status: [{ after: 'x' }] }, extra: 1 });
    expect(!result.ok && result.problems.length).toBe(5);
  });
});

describe('playbookFieldErrors', () => {
  it('joins messages on the same path and names the root "playbook"', () => {
    expect(
      playbookFieldErrors([
        { path: '', message: 'a' },
        { path: 'steps', message: 'b' },
        { path: 'steps', message: 'c' },
      ]),
    ).toEqual({ playbook: 'a', steps: 'b; c' });
  });
});
