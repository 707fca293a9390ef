import { describe, expect, it } from 'vitest';
import { numberSetting } from './env-setting.ts';

/** VITALS_OVERDUE_HOURS as the sweeper reads it: default 4 (INF-5), any number of hours 1–48. */
const overdueHours = (value: string | undefined) =>
  numberSetting('VITALS_OVERDUE_HOURS', value, { fallback: 4, min: 1, max: 48, unit: 'hours' });

describe('numberSetting', () => {
  it('uses the fallback when unset', () => {
    expect(overdueHours(undefined)).toBe(4);
  });

  it('accepts the range, on both boundaries, fractions too unless whole numbers are asked for', () => {
    expect(overdueHours('1')).toBe(1);
    expect(overdueHours('4.5')).toBe(4.5);
    expect(overdueHours('48')).toBe(48);
  });

  it('refuses just outside the range, empty values and text, naming the variable, range and value', () => {
    for (const bad of ['0.99', '48.01', '', ' ', 'four', '-4']) {
      expect(() => overdueHours(bad), JSON.stringify(bad)).toThrow(
        `VITALS_OVERDUE_HOURS must be a number of hours from 1 to 48; received ${bad}`,
      );
    }
  });
});
