import { describe, expect, it } from 'vitest';
import type { LocalizedText } from '../core/index.ts';
import { localizedTextProblemsOf } from '../core/text-check.ts';
import { icansDefinitions } from './definitions.ts';
import { ICANS_DRIVERS } from './drivers.ts';
import { messages } from './messages.ts';

/** Sample arguments for every message function; a new function without a sample fails the test. */
const SAMPLES: Record<string, readonly (readonly unknown[])[]> = {
  needsIce: [[0], [2]],
};

const resolve = (key: string, value: unknown): LocalizedText[] => {
  if (typeof value !== 'function') return [value as LocalizedText];
  const samples = SAMPLES[key];
  if (!samples) throw new Error(`no sample arguments for messages.${key}`);
  return samples.map((args) => (value as (...a: unknown[]) => LocalizedText)(...args));
};

describe('ICANS messages', () => {
  it.each(Object.entries(messages))(
    'ICANS-GRADE/ICANS-1/ICANS-T5: message %s has Chinese zh and non-empty en',
    (key, value) => {
      for (const message of resolve(key, value)) expect(localizedTextProblemsOf(message)).toEqual([]);
    },
  );

  it('ICANS-GRADE: every pre-built driver is bilingual and cites ICANS-GRADE or ICANS-1', () => {
    for (const driver of Object.values(ICANS_DRIVERS)) {
      expect(localizedTextProblemsOf(driver.text)).toEqual([]);
      expect(['ICANS-GRADE', 'ICANS-1']).toContain(driver.ruleId);
    }
  });
});

describe('ICANS rule definitions', () => {
  it('ICE-SCORE/ICANS-GRADE/ICANS-1/ICANS-T5-1..4: exactly these ids with bilingual summaries', () => {
    expect(icansDefinitions.map((d) => d.id)).toEqual([
      'ICE-SCORE',
      'ICANS-GRADE',
      'ICANS-1',
      'ICANS-T5-1',
      'ICANS-T5-2',
      'ICANS-T5-3',
      'ICANS-T5-4',
    ]);
    for (const definition of icansDefinitions)
      expect(localizedTextProblemsOf(definition.summary)).toEqual([]);
  });

  it('ICE-SCORE/ICANS-GRADE cite ASTCT 2019; ICANS-T5-* cite §7.2 T5', () => {
    const citation = (id: string) => icansDefinitions.find((d) => d.id === id)?.citation;
    expect(citation('ICE-SCORE')?.source).toBe('astct-2019');
    expect(citation('ICANS-GRADE')?.source).toBe('astct-2019');
    expect(citation('ICANS-1')).toEqual({ section: '§7.2', source: 'cn-mm-cart-2022' });
    expect(citation('ICANS-T5-4')).toEqual({ section: '§7.2 T5', source: 'cn-mm-cart-2022' });
  });
});
