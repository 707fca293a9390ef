import * as z from 'zod/mini';
import { describe, expect, it } from 'vitest';
import { addDays, addMonths, calendarDateIn, daysBetween, hoursBetween } from './dates.ts';
import { numberIn, parseInput, RulesInputError } from './input.ts';
import { languageFromAcceptLanguage, localize, text } from './text.ts';

describe('input errors name the field, the allowed range and the value received', () => {
  const schema = z.strictObject({
    t: numberIn(25, 45, '°C'),
    n: numberIn(0, 4, '', { integer: true }),
    o: z.enum(['A', 'B']),
  });
  const issuesOf = (input: unknown) => {
    try {
      parseInput(schema, input, 'input');
    } catch (error) {
      if (error instanceof RulesInputError) return error.issues.map((i) => i.message);
    }
    return [];
  };

  it.each([
    [{ t: 45.1, n: 1, o: 'A' }, ['input.t must be between 25 and 45 °C; received 45.1']],
    [{ t: 24.9, n: 1, o: 'A' }, ['input.t must be between 25 and 45 °C; received 24.9']],
    [{ t: 25, n: 4, o: 'B' }, []],
    [{ t: 45, n: 0, o: 'A' }, []],
    [{ t: 30, n: 1.5, o: 'A' }, ['input.n must be a whole number between 0 and 4; received 1.5']],
    [
      { t: 30, n: 5, o: 'C' },
      [
        'input.n must be a whole number between 0 and 4; received 5',
        'input.o must be one of A, B; received "C"',
      ],
    ],
    [{ t: 'hot', n: 1, o: 'A' }, ['input.t must be between 25 and 45 °C; received "hot"']],
    [{ n: 1, o: 'A' }, ['input.t must be between 25 and 45 °C; received nothing']],
    [{ t: 30, n: 1, o: 'A', x: 1 }, ['input has unknown field x']],
  ])('%j', (input, expected) => {
    expect(issuesOf(input)).toEqual(expected);
  });

  it('returns the parsed value when valid', () => {
    expect(parseInput(schema, { t: 38, n: 2, o: 'A' })).toEqual({ t: 38, n: 2, o: 'A' });
  });
});

describe('language', () => {
  it.each([
    ['zh-CN,zh;q=0.9,en;q=0.8', 'zh-CN'],
    ['en-US,en;q=0.9,zh-CN;q=0.8', 'en'],
    ['fr-FR, zh;q=0.5', 'zh-CN'],
    ['zh-TW', 'zh-CN'],
    ['en;q=0.2, zh;q=0.9', 'zh-CN'],
    ['zh;q=0, en', 'en'],
    ['', 'en'],
    [undefined, 'en'],
  ])('Accept-Language %j → %s', (header, language) => {
    expect(languageFromAcceptLanguage(header)).toBe(language);
  });

  it('localizes', () => {
    expect(localize(text('发热', 'fever'), 'zh-CN')).toBe('发热');
    expect(localize(text('发热', 'fever'), 'en')).toBe('fever');
  });
});

describe('dates (no clock reads)', () => {
  it.each([
    ['2026-03-01', -5, '2026-02-24'],
    ['2024-02-28', 1, '2024-02-29'],
    ['2026-12-31', 1, '2027-01-01'],
  ])('%s + %i days = %s', (date, days, expected) => {
    expect(addDays(date, days)).toBe(expected);
  });

  it.each([
    ['2026-01-31', 1, '2026-02-28'],
    ['2024-01-31', 1, '2024-02-29'],
    ['2026-03-15', 12, '2027-03-15'],
    ['2026-08-31', 1, '2026-09-30'],
  ])('%s + %i months = %s (clamped to month end)', (date, months, expected) => {
    expect(addMonths(date, months)).toBe(expected);
  });

  it('counts days and hours across DST-free UTC arithmetic', () => {
    expect(daysBetween('2026-03-01', '2026-03-08')).toBe(7);
    expect(daysBetween('2026-03-08', '2026-03-01')).toBe(-7);
    expect(hoursBetween('2026-03-01T00:00:00Z', '2026-03-01T08:00:00+08:00')).toBe(0);
    expect(hoursBetween('2026-03-01T00:00:00Z', '2026-03-01T07:59:00Z')).toBeCloseTo(7.9833, 3);
  });
});

describe('calendar date in a time zone', () => {
  it.each([
    ['2026-03-02T15:59:59Z', 'Asia/Shanghai', '2026-03-02'],
    ['2026-03-02T16:00:00Z', 'Asia/Shanghai', '2026-03-03'],
    ['2026-03-02T16:00:00Z', 'UTC', '2026-03-02'],
    ['2026-03-03T01:00:00+08:00', 'Asia/Shanghai', '2026-03-03'],
  ])('%s in %s is %s', (instant, zone, date) => {
    expect(calendarDateIn(instant, zone)).toBe(date);
  });

  it('keeps each zone apart when zones alternate (one formatter per zone)', () => {
    const instant = '2026-11-01T05:30:00Z'; // 13:30 in Shanghai, 01:30 EDT in New York, 2026-10-31 in Honolulu
    for (let round = 0; round < 3; round += 1) {
      expect(calendarDateIn(instant, 'Asia/Shanghai')).toBe('2026-11-01');
      expect(calendarDateIn(instant, 'Pacific/Honolulu')).toBe('2026-10-31');
      expect(calendarDateIn(instant, 'America/New_York')).toBe('2026-11-01');
    }
  });

  it('rejects an unknown zone every time it is asked, never remembering it', () => {
    expect(() => calendarDateIn('2026-03-02T16:00:00Z', 'Mars/Olympus_Mons')).toThrow(RangeError);
    expect(() => calendarDateIn('2026-03-02T16:00:00Z', 'Mars/Olympus_Mons')).toThrow(RangeError);
  });
});
