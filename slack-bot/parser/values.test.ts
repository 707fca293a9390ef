import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  readDate,
  readFlag,
  readHeight,
  readIce,
  readInstant,
  readOxygen,
  readTemperature,
  readVasopressors,
  readWeight,
} from './values.ts';

const value = <T>(result: { ok: true; value: T } | { ok: false }): T | 'failed' =>
  result.ok ? result.value : 'failed';

describe('temperature (°C, or °F with its unit)', () => {
  it.each([
    ['38.9', 38.9],
    ['38.9C', 38.9],
    ['38.9°C', 38.9],
    ['38.9℃', 38.9],
    ['37', 37],
  ])('%s is %s °C', (raw, celsius) => {
    expect(value(readTemperature(raw))).toBe(celsius);
  });

  it('converts °F to °C rounded to 0.1, keeping the fever threshold (CRS-G1: 38.0 °C = 100.4 °F)', () => {
    expect(value(readTemperature('100.4F'))).toBe(38);
    expect(value(readTemperature('100.3F'))).toBe(37.9);
    expect(value(readTemperature('100.5°F'))).toBe(38.1);
    expect(value(readTemperature('101.2F'))).toBe(38.4);
  });

  it('refuses a bare number that can only be °F (77–113), and says how to write it', () => {
    for (const raw of ['77', '99.1', '101.2', '113']) {
      const result = readTemperature(raw);
      expect(result.ok, raw).toBe(false);
      if (!result.ok) {
        expect(result.ambiguous).toBe(true);
        expect(result.expected.en).toContain(`write ${raw}F`);
      }
    }
  });

  it('passes numbers just outside the °F-like range on to the range check (never converted)', () => {
    expect(value(readTemperature('76.9'))).toBe(76.9);
    expect(value(readTemperature('113.1'))).toBe(113.1);
    expect(value(readTemperature('45'))).toBe(45);
  });

  it('refuses words and unknown units', () => {
    expect(readTemperature('hot').ok).toBe(false);
    expect(readTemperature('38.9K').ok).toBe(false);
    expect(readTemperature('').ok).toBe(false);
  });

  it('converts any °F body temperature to within 0.05 °C of the exact value', () => {
    fc.assert(
      fc.property(fc.integer({ min: 770, max: 1130 }), (tenths) => {
        const f = tenths / 10;
        const converted = value(readTemperature(`${f}F`));
        expect(typeof converted).toBe('number');
        expect(Math.abs((converted as number) - ((f - 32) * 5) / 9)).toBeLessThanOrEqual(0.05 + 1e-9);
      }),
    );
  });
});

describe('weight and height (units where ambiguous)', () => {
  it('reads kg, converts lb, and refuses other units', () => {
    expect(value(readWeight('70'))).toBe(70);
    expect(value(readWeight('70kg'))).toBe(70);
    expect(value(readWeight('154lb'))).toBe(69.9);
    expect(readWeight('70st').ok).toBe(false);
  });

  it('reads cm, converts metres, and refuses a bare number under 3 (metres without the unit)', () => {
    expect(value(readHeight('170'))).toBe(170);
    expect(value(readHeight('170cm'))).toBe(170);
    expect(value(readHeight('1.70m'))).toBe(170);
    const bare = readHeight('1.7');
    expect(bare.ok).toBe(false);
    if (!bare.ok) expect(bare.ambiguous).toBe(true);
    expect(value(readHeight('3'))).toBe(3);
  });
});

describe('oxygen as device plus flow', () => {
  it.each([
    ['nc:4', { oxygen: 'NASAL_CANNULA', oxygenFlowLpm: 4 }],
    ['NC@4L', { oxygen: 'NASAL_CANNULA', oxygenFlowLpm: 4 }],
    ['nc:6.5l/min', { oxygen: 'NASAL_CANNULA', oxygenFlowLpm: 6.5 }],
    ['鼻导管:3', { oxygen: 'NASAL_CANNULA', oxygenFlowLpm: 3 }],
    ['hfnc:40', { oxygen: 'HIGH_FLOW_NASAL_CANNULA', oxygenFlowLpm: 40 }],
    ['ra', { oxygen: 'ROOM_AIR' }],
    ['mask', { oxygen: 'FACEMASK' }],
    ['NON_REBREATHER_MASK:15', { oxygen: 'NON_REBREATHER_MASK', oxygenFlowLpm: 15 }],
    ['mv', { oxygen: 'MECHANICAL_VENTILATION' }],
  ])('%s', (raw, expected) => {
    expect(value(readOxygen(raw))).toEqual(expected);
  });

  it('needs a device, refuses a flow on room air, and suggests the nearest device for a typo', () => {
    const flowOnly = readOxygen('4');
    expect(flowOnly.ok).toBe(false);
    if (!flowOnly.ok) expect(flowOnly.expected.en).toContain('nc:4');
    expect(readOxygen('ra:2').ok).toBe(false);
    const typo = readOxygen('nasl:4');
    expect(typo.ok).toBe(false);
    if (!typo.ok) expect(typo.suggestion).toBe('nasal');
    expect(readOxygen('nc:four').ok).toBe(false);
  });
});

describe('vasopressors by name', () => {
  it('reads names and aliases, once each', () => {
    expect(value(readVasopressors('ne'))).toEqual(['NOREPINEPHRINE']);
    expect(value(readVasopressors('norepi,vp'))).toEqual(['NOREPINEPHRINE', 'VASOPRESSIN']);
    expect(value(readVasopressors('ne,norepinephrine'))).toEqual(['NOREPINEPHRINE']);
    expect(value(readVasopressors('去甲肾上腺素'))).toEqual(['NOREPINEPHRINE']);
    expect(value(readVasopressors('none'))).toEqual([]);
  });

  it('refuses doses and suggests the nearest name for a typo', () => {
    expect(readVasopressors('ne:0.1').ok).toBe(false);
    const typo = readVasopressors('dopamne');
    expect(typo.ok).toBe(false);
    if (!typo.ok) expect(typo.suggestion).toBe('DOPAMINE');
  });
});

describe('flags, times, dates and ICE', () => {
  const now = new Date('2026-03-03T02:00:00.000Z');

  it('reads yes/no', () => {
    expect(value(readFlag(''))).toBe(true);
    expect(value(readFlag('yes'))).toBe(true);
    expect(value(readFlag('no'))).toBe(false);
    expect(readFlag('maybe').ok).toBe(false);
  });

  it('reads now, a time ago, and ISO date-times with offset (seconds added when omitted)', () => {
    expect(value(readInstant('now', now))).toBe('2026-03-03T02:00:00.000Z');
    expect(value(readInstant('-30m', now))).toBe('2026-03-03T01:30:00.000Z');
    expect(value(readInstant('-2h', now))).toBe('2026-03-03T00:00:00.000Z');
    expect(value(readInstant('2026-03-03T09:15+08:00', now))).toBe('2026-03-03T09:15:00+08:00');
    expect(value(readInstant('2026-03-03T09:15:30Z', now))).toBe('2026-03-03T09:15:30Z');
    expect(readInstant('09:15', now).ok).toBe(false);
    expect(readInstant('2026-03-03T09:15', now).ok).toBe(false);
  });

  it('reads calendar dates, today and days from today', () => {
    const today = '2026-03-03';
    expect(value(readDate('2026-03-01', today))).toBe('2026-03-01');
    expect(value(readDate('today', today))).toBe('2026-03-03');
    expect(value(readDate('-2d', today))).toBe('2026-03-01');
    expect(value(readDate('+3d', today))).toBe('2026-03-06');
    expect(value(readDate('-3d', '2026-03-01'))).toBe('2026-02-26');
    expect(readDate('1/3/2026', today).ok).toBe(false);
  });

  it('reads the five ICE tasks, or na, and refuses a total alone', () => {
    expect(value(readIce('4,3,1,1,1'))).toEqual({
      orientation: 4,
      naming: 3,
      followsCommands: 1,
      writing: 1,
      attention: 1,
    });
    expect(value(readIce('4/3/1/0/0'))).toEqual({
      orientation: 4,
      naming: 3,
      followsCommands: 1,
      writing: 0,
      attention: 0,
    });
    expect(value(readIce('na'))).toBeNull();
    expect(readIce('8').ok).toBe(false);
    expect(readIce('4,3,1,1').ok).toBe(false);
  });
});
