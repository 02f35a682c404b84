import { describe, expect, it } from 'vitest';
import { dayNumber, durationMinutes } from '../../src/load/units.js';
import { isIsoDate } from '../../src/schema/primitives.js';

// Runs in UTC and at UTC+14: calendar arithmetic must not depend on the zone.
describe('calendar dates', () => {
  it('counts days since 1970-01-01 without a time zone', () => {
    expect(dayNumber('1970-01-01')).toBe(0);
    expect(dayNumber('2000-03-01') - dayNumber('2000-02-28')).toBe(2); // 2000 is a leap year
    expect(dayNumber('2100-03-01') - dayNumber('2100-02-28')).toBe(1); // 2100 is not
    expect(dayNumber('2025-03-01')).toBe(Date.UTC(2025, 2, 1) / 86_400_000);
  });
  it('rejects impossible dates', () => {
    expect(isIsoDate('2025-02-29')).toBe(false);
    expect(isIsoDate('2024-02-29')).toBe(true);
    expect(isIsoDate('2025-02-30')).toBe(false);
    expect(isIsoDate('0000-01-01')).toBe(false);
    expect(isIsoDate('2025-1-1')).toBe(false);
    expect(isIsoDate('2025-13-01')).toBe(false);
  });
  it('reads duration facts as minutes; years and months have no fixed length', () => {
    expect(durationMinutes('PT4H')).toBe(240);
    expect(durationMinutes('P2D')).toBe(2880);
    expect(durationMinutes('P1W')).toBe(10080);
    expect(durationMinutes('P1Y')).toBeUndefined();
    expect(durationMinutes('P')).toBeUndefined();
  });
});
