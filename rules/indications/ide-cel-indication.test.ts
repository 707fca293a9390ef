import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { RulesInputError, localizationProblems } from '../core/index.ts';
import { checkIdeCelIndication } from './ide-cel-indication.ts';
import type { IdeCelIndicationInput } from './schemas.ts';

const onLabel: IdeCelIndicationInput = {
  ageYears: 60,
  priorLines: 4,
  priorImmunomodulatoryDrug: true,
  priorProteasomeInhibitor: true,
  priorAntiCd38Antibody: true,
};

describe('IND-1 ide-cel (ABECMA) indication', () => {
  it.each([
    [3, 'CLINICAL_TRIAL'],
    [4, 'ON_LABEL'],
    [5, 'ON_LABEL'],
  ] as const)('%s prior lines → %s', (priorLines, status) => {
    expect(checkIdeCelIndication({ ...onLabel, priorLines }).outcome.status).toBe(status);
  });

  it.each([
    [17, 'CLINICAL_TRIAL'],
    [18, 'ON_LABEL'],
    [19, 'ON_LABEL'],
  ] as const)('age %s → %s', (ageYears, status) => {
    expect(checkIdeCelIndication({ ...onLabel, ageYears }).outcome.status).toBe(status);
  });

  it.each(['priorImmunomodulatoryDrug', 'priorProteasomeInhibitor', 'priorAntiCd38Antibody'] as const)(
    'without %s → clinical trial, naming the unmet criterion',
    (field) => {
      const result = checkIdeCelIndication({ ...onLabel, [field]: false });
      expect(result.outcome.status).toBe('CLINICAL_TRIAL');
      expect(result.drivers).toHaveLength(1);
      expect(result.recommendations[0]?.citation.section).toBe('§2.2');
    },
  );

  it('on label recommends the commercial product and cites §2.1', () => {
    const result = checkIdeCelIndication(onLabel);
    expect(result.outcome).toEqual({ status: 'ON_LABEL', unmet: [], needs: [] });
    expect(result.recommendations[0]?.text.zh).toContain('ABECMA');
    expect(result.citations.map((c) => c.section)).toEqual(['§2.1']);
  });

  it('missing criteria with none failed → UNKNOWN naming them', () => {
    expect(checkIdeCelIndication({ priorLines: 5 }).outcome).toEqual({
      status: 'UNKNOWN',
      unmet: [],
      needs: ['ageYears', 'priorImmunomodulatoryDrug', 'priorProteasomeInhibitor', 'priorAntiCd38Antibody'],
    });
  });

  it('a failed criterion decides even with others missing', () => {
    expect(checkIdeCelIndication({ priorLines: 2 }).outcome.status).toBe('CLINICAL_TRIAL');
  });

  it('mentions high-risk cytogenetics, extramedullary disease and plasma-cell leukaemia in trials when present', () => {
    const result = checkIdeCelIndication({ ...onLabel, priorLines: 1, extramedullaryDisease: true });
    expect(result.recommendations.map((r) => r.text.zh).join()).toContain('髓外病变');
    expect(localizationProblems(result)).toEqual([]);
  });

  it('rejects invalid input', () => {
    expect(() => checkIdeCelIndication({ priorLines: -1 })).toThrow(RulesInputError);
    expect(() => checkIdeCelIndication({ priorLines: 2.5 })).toThrow(
      'priorLines must be a whole number between 0 and 30 lines',
    );
  });
});

describe('IND-1 properties', () => {
  it('ON_LABEL exactly when every criterion is met; UNKNOWN only with needs; texts bilingual', () => {
    const maybe = <T>(arbitrary: fc.Arbitrary<T>) => fc.option(arbitrary, { nil: undefined });
    fc.assert(
      fc.property(
        fc.record({
          ageYears: maybe(fc.integer({ min: 0, max: 120 })),
          priorLines: maybe(fc.integer({ min: 0, max: 30 })),
          priorImmunomodulatoryDrug: maybe(fc.boolean()),
          priorProteasomeInhibitor: maybe(fc.boolean()),
          priorAntiCd38Antibody: maybe(fc.boolean()),
          highRiskCytogenetics: maybe(fc.boolean()),
        }),
        (input) => {
          const result = checkIdeCelIndication(input);
          const met =
            (input.ageYears ?? -1) >= 18 &&
            (input.priorLines ?? -1) >= 4 &&
            input.priorImmunomodulatoryDrug === true &&
            input.priorProteasomeInhibitor === true &&
            input.priorAntiCd38Antibody === true;
          expect(result.outcome.status === 'ON_LABEL').toBe(met);
          expect(result.outcome.status === 'UNKNOWN').toBe(result.outcome.needs.length > 0);
          expect(localizationProblems(result)).toEqual([]);
        },
      ),
    );
  });
});
