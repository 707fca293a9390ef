import { describe, expect, it } from 'vitest';
import { text } from '../core/index.ts';
import type { LocalizedText } from '../core/index.ts';
import { localizedTextProblemsOf } from '../core/text-check.ts';
import { tocilizumabDefinitions } from './definitions.ts';
import { formatDuration, messages } from './messages.ts';

const LEAD = text('托珠单抗', 'Tocilizumab');
/** Sample arguments for every message function; a new function without a sample fails the test. */
const SAMPLES: Record<string, readonly unknown[]> = {
  doseBasis: [120, 960, 800],
  doseSummary: [560],
  allowed: [1, 'per-episode'],
  tooSoon: ['7 h 59 min', '2026-03-01T12:00:00.000Z'],
  max24hReached: [3, 3, '2026-03-01T12:00:00.000Z'],
  maxTotalReached: [4, 'per-course'],
  driverDose: [text('按实际体重计算:8 mg/kg × 70 kg = 560 mg', '8 mg/kg × 70 kg = 560 mg')],
  driverDosesGiven: [2, 'per-episode'],
  driverNoPreviousDose: ['per-course'],
  printedTotalLimit: ['per-episode'],
  driverInWindow: [2, 3],
  driverSinceLast: ['9 h 0 min'],
  printed24hLimit: [3],
  withDose: [LEAD, 560, messages.limitsNotChecked],
  withoutDose: [LEAD, messages.limitsNotChecked],
  notNow: [LEAD, messages.maxTotalReached(4, 'per-episode')],
};

const resolve = (key: string, value: unknown): LocalizedText => {
  if (typeof value !== 'function') return value as LocalizedText;
  const args = SAMPLES[key];
  if (!args) throw new Error(`no sample arguments for messages.${key}`);
  return (value as (...a: unknown[]) => LocalizedText)(...args);
};

describe('TOCI messages', () => {
  it.each(Object.entries(messages))('TOCI-1..4: message %s has Chinese zh and non-empty en', (key, value) => {
    expect(localizedTextProblemsOf(resolve(key, value))).toEqual([]);
  });

  it.each([
    [8 * 3_600_000 - 1, '7 h 59 min'],
    [8 * 3_600_000, '8 h 0 min'],
    [90 * 60_000, '1 h 30 min'],
  ])('TOCI-2: duration %s ms reads "%s" (never rounds up to 8 h)', (ms, expected) => {
    expect(formatDuration(ms)).toBe(expected);
  });
});

describe('TOCI rule definitions', () => {
  it('TOCI-1..4: exactly these ids, bilingual, citing the T4 note', () => {
    expect(tocilizumabDefinitions.map((d) => d.id)).toEqual(['TOCI-1', 'TOCI-2', 'TOCI-3', 'TOCI-4']);
    for (const definition of tocilizumabDefinitions) {
      expect(localizedTextProblemsOf(definition.summary)).toEqual([]);
      expect(definition.citation).toEqual({ section: '§7.1 T4', source: 'cn-mm-cart-2022' });
    }
  });
});
