import { detect, firstCheckAt, isAwaited, type Graces } from './touchpoint-checks';

const H = 3_600_000;
const graces: Graces = { reportLateMs: 1 * H, meetingMissedMs: 2 * H };
const due = Date.UTC(2027, 3, 8, 9); // Thu 2027-04-08 17:00 Manila

describe('touchpoint checks', () => {
  it('first checks a report at its due time plus grace and a meeting at its end plus grace', () => {
    expect(
      firstCheckAt({ kind: 'status_report', status: 'pending', scheduledAt: due, endsAt: null }, graces),
    ).toBe(due + H);
    expect(
      firstCheckAt({ kind: 'meeting', status: 'scheduled', scheduledAt: due, endsAt: due + H }, graces),
    ).toBe(due + 3 * H);
  });

  it('never checks a skipped occurrence', () => {
    expect(
      firstCheckAt({ kind: 'status_report', status: 'skipped', scheduledAt: due, endsAt: null }, graces),
    ).toBeNull();
    expect(
      firstCheckAt({ kind: 'meeting', status: 'skipped', scheduledAt: due, endsAt: null }, graces),
    ).toBeNull();
    expect(
      detect(
        { kind: 'status_report', status: 'skipped', scheduledAt: due, endsAt: null },
        due + 99 * H,
        graces,
        null,
      ),
    ).toBeNull();
  });

  it('makes a pending report late after the grace, then missed when the next one is due', () => {
    const report = { kind: 'status_report' as const, status: 'pending', scheduledAt: due, endsAt: null };
    expect(detect(report, due + H - 1, graces, due + 168 * H)).toBeNull();
    expect(detect(report, due + H, graces, due + 168 * H)).toEqual({
      status: 'late',
      trigger: 'report_late',
      nextCheckAt: due + 168 * H,
    });
    const late = { ...report, status: 'late' };
    expect(detect(late, due + 100 * H, graces, due + 168 * H)).toBeNull();
    expect(detect(late, due + 168 * H, graces, due + 168 * H)).toEqual({
      status: 'missed',
      trigger: 'report_missed',
      nextCheckAt: null,
    });
  });

  it('makes a meeting not marked held missed after its end plus grace', () => {
    const meeting = { kind: 'meeting' as const, status: 'scheduled', scheduledAt: due, endsAt: due + H };
    expect(detect(meeting, due + 3 * H - 1, graces, null)).toBeNull();
    expect(detect(meeting, due + 3 * H, graces, null)).toEqual({
      status: 'missed',
      trigger: 'meeting_missed',
      nextCheckAt: null,
    });
    expect(detect({ ...meeting, status: 'held' }, due + 9 * H, graces, null)).toBeNull();
  });

  it('knows which statuses are still awaited', () => {
    expect(isAwaited({ kind: 'status_report', status: 'late', scheduledAt: due, endsAt: null })).toBe(true);
    expect(isAwaited({ kind: 'status_report', status: 'submitted', scheduledAt: due, endsAt: null })).toBe(
      false,
    );
    expect(isAwaited({ kind: 'meeting', status: 'held', scheduledAt: due, endsAt: null })).toBe(false);
  });
});
