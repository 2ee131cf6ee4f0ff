import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEFAULT_HEALTH_WEIGHTS } from './domain/health-weights';
import { DEFAULT_HEALTH_SETTINGS, parseHealthSettings } from './health-settings';
import { loadHealthSettings } from './health-settings.loader';

describe('parseHealthSettings', () => {
  it('keeps the defaults for an empty file', () => {
    expect(parseHealthSettings(null)).toEqual({ ok: true, settings: DEFAULT_HEALTH_SETTINGS });
  });

  it('takes weights, bands and the history span from the file', () => {
    // Nudge response switched off, its share given to report timeliness and asks trimmed.
    const weights = {
      report_timeliness: 0.3,
      meeting_adherence: 0.15,
      two_way_contact: 0.15,
      kpi_attainment: 0.15,
      status_colour: 0.1,
      recurring_blockers: 0.1,
      unanswered_asks: 0.05,
      nudge_response: 0,
    };
    const parsed = parseHealthSettings({
      weights,
      bands: { healthy: 80, watch: 65, at_risk: 45 },
      historyWeeks: 26,
    });
    expect(parsed).toMatchObject({
      ok: true,
      settings: { weights, bands: { healthy: 80, watch: 65, at_risk: 45 }, historyWeeks: 26 },
    });
  });

  it('names every bad setting by its path', () => {
    const parsed = parseHealthSettings({
      weights: { ...DEFAULT_HEALTH_WEIGHTS, report_timeliness: 2, meeting_adherence: undefined },
      bands: { healthy: 60, watch: 60, at_risk: 40 },
      historyWeeks: 3,
      weigths: {},
    });
    expect(parsed.ok).toBe(false);
    const problems = parsed.ok ? [] : parsed.problems;
    expect(problems).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^health\.weigths: is not a known setting/),
        'health.weights.report_timeliness: must be a number from 0 to 1, got 2',
        expect.stringMatching(/^health\.weights\.meeting_adherence: is missing/),
        'health.bands.healthy: must be above watch (60), got 60',
        'health.historyWeeks: must be a whole number from 12 to 260, got 3',
      ]),
    );
  });

  it('refuses weights that do not add up to 1', () => {
    const parsed = parseHealthSettings({ weights: { ...DEFAULT_HEALTH_WEIGHTS, report_timeliness: 0.5 } });
    expect(parsed).toEqual({
      ok: false,
      problems: ['health.weights: weights must add up to 1; they add up to 1.3'],
    });
  });
});

describe('loadHealthSettings', () => {
  it('reads the shipped config/health.yaml as the defaults', () => {
    expect(loadHealthSettings(join(__dirname, '../../config'))).toEqual(DEFAULT_HEALTH_SETTINGS);
  });

  it('runs on the defaults when the config folder has no health.yaml', () => {
    expect(loadHealthSettings(mkdtempSync(join(tmpdir(), 'cadence-health-')))).toBe(DEFAULT_HEALTH_SETTINGS);
  });

  it('stops start-up with a message naming the file and the setting', () => {
    const dir = mkdtempSync(join(tmpdir(), 'cadence-health-'));
    writeFileSync(join(dir, 'health.yaml'), 'weights:\n  report_timeliness: lots\n');
    expect(() => loadHealthSettings(dir)).toThrow(
      /health\.yaml: health\.weights\.report_timeliness: must be a number from 0 to 1, got "lots"/,
    );
  });

  it('reports a YAML syntax error with the file name', () => {
    const dir = mkdtempSync(join(tmpdir(), 'cadence-health-'));
    writeFileSync(join(dir, 'health.yaml'), 'weights: [unclosed\n');
    expect(() => loadHealthSettings(dir)).toThrow(/Invalid configuration:\n {2}- .*health\.yaml: /);
  });
});
