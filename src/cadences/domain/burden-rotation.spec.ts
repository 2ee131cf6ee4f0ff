import { pickLeastBadSlot, type RotationCandidate } from './burden-rotation';

const slot = (
  startMs: number,
  client: number,
  vendor: number,
  extra: Partial<RotationCandidate> = {},
): RotationCandidate => ({
  evaluation: {
    startMs,
    endMs: startMs + 1,
    minutes: [client, vendor],
    burden: { client, vendor },
    total: client + vendor,
    allowed: true,
  },
  dayRank: 0,
  targetMs: 0,
  ...extra,
});

describe('burden rotation', () => {
  it('takes a slot inside everyone hours whenever there is one', () => {
    const inHours = slot(50, 0, 0);
    expect(pickLeastBadSlot([slot(10, 30, 0), inHours], { client: 0, vendor: 0 }, 'client')).toBe(inHours);
  });

  it('lets the organizer side pay first when both sides would pay the same', () => {
    const clientPays = slot(10, 225, 0);
    const vendorPays = slot(20, 0, 225);
    expect(pickLeastBadSlot([vendorPays, clientPays], { client: 0, vendor: 0 }, 'client')).toBe(clientPays);
    expect(pickLeastBadSlot([vendorPays, clientPays], { client: 0, vendor: 0 }, 'vendor')).toBe(vendorPays);
  });

  it('makes the side that has paid less pay next', () => {
    const clientPays = slot(10, 225, 0);
    const vendorPays = slot(20, 0, 225);
    expect(pickLeastBadSlot([clientPays, vendorPays], { client: 225, vendor: 0 }, 'client')).toBe(vendorPays);
  });

  it('balances minutes, not turns, when one side always pays more', () => {
    const clientPays = slot(10, 60, 0);
    const vendorPays = slot(20, 0, 300);
    // After one vendor turn (300) the client takes turns until one more would leave it further
    // ahead (660) than a vendor turn would leave the vendor (600).
    expect(pickLeastBadSlot([clientPays, vendorPays], { client: 120, vendor: 300 }, 'client')).toBe(
      clientPays,
    );
    expect(pickLeastBadSlot([clientPays, vendorPays], { client: 540, vendor: 300 }, 'client')).toBe(
      clientPays,
    );
    expect(pickLeastBadSlot([clientPays, vendorPays], { client: 600, vendor: 300 }, 'client')).toBe(
      vendorPays,
    );
  });

  it('prefers one side paying over both sides paying a little every week', () => {
    const split = slot(10, 110, 115);
    const vendorPays = slot(20, 0, 225);
    expect(pickLeastBadSlot([split, vendorPays], { client: 0, vendor: 0 }, 'vendor')).toBe(vendorPays);
  });

  it('never takes a slot on a day off, even when it is the cheapest', () => {
    const dayOff = slot(10, 0, 30);
    dayOff.evaluation.allowed = false;
    const other = slot(20, 0, 300);
    expect(pickLeastBadSlot([dayOff, other], { client: 0, vendor: 0 }, 'client')).toBe(other);
    expect(pickLeastBadSlot([dayOff], { client: 0, vendor: 0 }, 'client')).toBeNull();
  });

  it('stays near the rule time on a better-ranked day when all else is equal', () => {
    const far = slot(100, 0, 60, { targetMs: 0 });
    const near = slot(40, 0, 60, { targetMs: 0 });
    const otherDay = slot(0, 0, 60, { dayRank: 1 });
    expect(pickLeastBadSlot([far, otherDay, near], { client: 0, vendor: 0 }, 'vendor')).toBe(near);
  });
});
