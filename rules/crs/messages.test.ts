import { describe, expect, it } from 'vitest';
import { localizedTextProblems, localizedTextProblemsOf } from '../core/text-check.ts';
import type { LocalizedText } from '../core/index.ts';
import { crsDefinitions } from './definitions.ts';
import { CRS_DRIVERS } from './drivers.ts';
import { messages } from './messages.ts';

/** Sample arguments for every message function; a new function without a sample fails the test. */
const SAMPLES: Record<string, readonly unknown[]> = {
  fixedDoseBasis: [10],
  perKgBasis: [1, 70, 70],
  suspectedWithin3Weeks: [5],
  suspectedWeeks3To4: [25],
  suspectedAfter4Weeks: [40],
  notSuspected: [3],
  hlhHoursSinceIntervention: [12.5],
  hlhRecheck: ['2026-03-01T20:00:00.000Z'],
};

const resolve = (key: string, value: unknown): LocalizedText => {
  if (typeof value !== 'function') return value as LocalizedText;
  const args = SAMPLES[key];
  if (!args) throw new Error(`no sample arguments for messages.${key}`);
  return (value as (...a: unknown[]) => LocalizedText)(...args);
};

describe('CRS messages', () => {
  it.each(Object.entries(messages))(
    'CRS-GRADE/CRS-S1/CRS-HLH/CRS-T4: message %s has Chinese zh and non-empty en',
    (key, value) => {
      expect(localizedTextProblemsOf(resolve(key, value))).toEqual([]);
    },
  );

  it('CRS-GRADE: every pre-built driver has both languages and a CRS rule id', () => {
    for (const driver of Object.values(CRS_DRIVERS)) {
      expect(localizedTextProblemsOf(driver.text)).toEqual([]);
      expect(driver.ruleId).toMatch(/^CRS-(GRADE|G[1-6])$/);
    }
  });
});

describe('CRS rule definitions', () => {
  const ids = [
    'CRS-S1',
    'CRS-GRADE',
    'CRS-G1',
    'CRS-G2',
    'CRS-G3',
    'CRS-G4',
    'CRS-G5',
    'CRS-G6',
    'CRS-G7',
    'CRS-T4-1',
    'CRS-T4-2',
    'CRS-T4-3',
    'CRS-T4-4',
    'CRS-HLH',
  ];

  it('CRS-S1/CRS-GRADE/CRS-G1..7/CRS-T4-1..4/CRS-HLH: exactly these ids, each once', () => {
    expect(crsDefinitions.map((d) => d.id)).toEqual(ids);
  });

  it.each(crsDefinitions.map((d) => [d.id, d] as const))(
    '%s: bilingual summary and a citation',
    (_id, definition) => {
      expect(localizedTextProblems(definition.summary).problems).toEqual([]);
      expect(definition.citation.section).not.toBe('');
      expect(['cn-mm-cart-2022', 'astct-2019']).toContain(definition.citation.source);
    },
  );

  it('CRS-T4-1..4: management rules cite T4, grading rules T3 or ASTCT', () => {
    const section = (id: string): string | undefined =>
      crsDefinitions.find((d) => d.id === id)?.citation.section;
    expect(section('CRS-T4-3')).toBe('§7.1 T4');
    expect(section('CRS-GRADE')).toBe('§7.1 T3');
    expect(crsDefinitions.find((d) => d.id === 'CRS-G3')?.citation.source).toBe('astct-2019');
  });
});
