import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { RulesInputError, localizationProblems, renderMessages } from '../core/index.ts';
import type { InputIssue, MessageSamples } from '../core/index.ts';
import { doseSafetyDefinitions } from './definitions.ts';
import { DRUG_NAMES, ROUTE_NAMES, messages } from './messages.ts';
import { checkDosePlausibility, dosePlausibility } from './plausibility.ts';
import { DOSE_DRUGS, DOSE_ROUTES } from './schemas.ts';
import type { DoseDrug, DoseRoute } from './schemas.ts';

const codes = (input: unknown): string[] => checkDosePlausibility(input).problems.map((p) => p.code);
const issuesOf = (input: unknown): readonly InputIssue[] => {
  try {
    checkDosePlausibility(input);
  } catch (error) {
    if (error instanceof RulesInputError) return error.issues;
    throw error;
  }
  throw new Error('expected a RulesInputError');
};

describe('TOCI-5 tocilizumab: 8 mg/kg × weight (rounded), at most 800 mg, IV only', () => {
  it.each([
    [50, 400, 'PLAUSIBLE', []],
    [50, 401, 'IMPLAUSIBLE', ['ABOVE_COMPUTED_DOSE']],
    [50, 400.5, 'IMPLAUSIBLE', ['ABOVE_COMPUTED_DOSE']],
    [62.56, 500, 'PLAUSIBLE', []],
    [62.56, 501, 'IMPLAUSIBLE', ['ABOVE_COMPUTED_DOSE']],
    [100, 800, 'PLAUSIBLE', []],
    [100, 801, 'IMPLAUSIBLE', ['ABOVE_CAP']],
    [120, 800, 'PLAUSIBLE', []],
    [120, 900, 'IMPLAUSIBLE', ['ABOVE_CAP']],
    [70, 280, 'PLAUSIBLE', []],
  ] as const)('TOCI-5: %s kg, %s mg IV → %s %j', (weightKg, mg, status, problems) => {
    const result = checkDosePlausibility({ drug: 'TOCILIZUMAB', mg, route: 'IV', weightKg });
    expect(result.status).toBe(status);
    expect(result.problems.map((p) => p.code)).toEqual(problems);
    expect(result.problems.map((p) => p.ruleId)).toEqual(problems.map(() => 'TOCI-5'));
  });

  it('TOCI-5: 50 kg → computed 400 mg, cap 800 mg, IV; the problem quotes the arithmetic', () => {
    const result = checkDosePlausibility({ drug: 'TOCILIZUMAB', mg: 401, route: 'IV', weightKg: 50 });
    expect(result).toMatchObject({ checked: true, computedMg: 400, capMg: 800, routes: ['IV'] });
    expect(result.doseRuleIds).toEqual(['TOCI-1']);
    expect(result.problems[0]?.text).toEqual({
      zh: '托珠单抗 401 mg 高于为该患者计算的剂量 400 mg(按实际体重计算:8 mg/kg × 50 kg = 400 mg)',
      en: 'tocilizumab 401 mg is above the dose computed for this patient, 400 mg (8 mg/kg × 50 kg = 400 mg)',
    });
    expect(result.text.en).toContain('needs an override reason (TOCI-5)');
    expect(result.text.en).toContain('ESC-DOSE');
  });

  it('TOCI-5: 100 kg, 801 mg is above the cap (the cap wins over the computed dose: one problem)', () => {
    const result = checkDosePlausibility({ drug: 'TOCILIZUMAB', mg: 801, route: 'IV', weightKg: 100 });
    expect(result.problems).toEqual([
      {
        code: 'ABOVE_CAP',
        ruleId: 'TOCI-5',
        text: {
          zh: '托珠单抗 801 mg 超过单次剂量上限 800 mg(托珠单抗单次剂量不超过800 mg)',
          en: 'tocilizumab 801 mg is above the single-dose cap of 800 mg (TOCI-1: single dose at most 800 mg)',
        },
      },
    ]);
  });

  it.each<DoseRoute>(['PO', 'SC'])(
    'TOCI-5: tocilizumab by %s is refused (IV only), even at the computed dose',
    (route) => {
      const result = checkDosePlausibility({ drug: 'TOCILIZUMAB', mg: 400, route, weightKg: 50 });
      expect(result.status).toBe('IMPLAUSIBLE');
      expect(result.problems.map((p) => p.code)).toEqual(['WRONG_ROUTE']);
      expect(result.problems[0]?.text.en).toBe(
        `tocilizumab by ${ROUTE_NAMES[route].en}: the dose the rules compute is given IV only`,
      );
    },
  );

  it('TOCI-5: oral and above the dose → both problems', () => {
    expect(codes({ drug: 'TOCILIZUMAB', mg: 600, route: 'PO', weightKg: 50 })).toEqual([
      'ABOVE_COMPUTED_DOSE',
      'WRONG_ROUTE',
    ]);
  });

  it.each([19.9, 350.1])('TOCI-5: weight %s kg is invalid input (between 20 and 350 kg)', (weightKg) => {
    expect(issuesOf({ drug: 'TOCILIZUMAB', mg: 400, route: 'IV', weightKg })).toEqual([
      expect.objectContaining({ field: 'weightKg', allowed: 'between 20 and 350 kg', received: weightKg }),
    ]);
  });

  it.each([
    [20, 160],
    [350, 800],
  ])('TOCI-5: weight %s kg is at a bound and accepted (computed %s mg)', (weightKg, computedMg) => {
    expect(
      checkDosePlausibility({ drug: 'TOCILIZUMAB', mg: computedMg, route: 'IV', weightKg }),
    ).toMatchObject({
      status: 'PLAUSIBLE',
      computedMg,
    });
  });

  it('TOCI-5: tocilizumab without a weight is invalid input naming weightKg, never a guessed dose', () => {
    expect(issuesOf({ drug: 'TOCILIZUMAB', mg: 400, route: 'IV' })).toEqual([
      expect.objectContaining({
        field: 'weightKg',
        allowed: 'between 20 and 350 kg, required for TOCILIZUMAB (TOCI-1: 8 mg/kg actual body weight)',
      }),
    ]);
    expect(() => dosePlausibility({ drug: 'TOCILIZUMAB', mg: 400, route: 'IV' })).toThrow(RulesInputError);
  });
});

describe('TOCI-5 steroids the rules dose (T4, T5): per-dose cap and IV', () => {
  it.each([
    ['DEXAMETHASONE', 10, 'PLAUSIBLE'],
    ['DEXAMETHASONE', 20, 'PLAUSIBLE'],
    ['DEXAMETHASONE', 20.1, 'IMPLAUSIBLE'],
    ['METHYLPREDNISOLONE', 70, 'PLAUSIBLE'],
    ['METHYLPREDNISOLONE', 1000, 'PLAUSIBLE'],
    ['METHYLPREDNISOLONE', 1001, 'IMPLAUSIBLE'],
  ] as const)('TOCI-5: %s %s mg IV → %s', (drug, mg, status) => {
    const result = checkDosePlausibility({ drug, mg, route: 'IV' });
    expect(result.status).toBe(status);
    expect(result.problems.map((p) => p.code)).toEqual(status === 'PLAUSIBLE' ? [] : ['ABOVE_CAP']);
  });

  it('TOCI-5: dexamethasone cap 20 mg per dose, quoting T4/T5', () => {
    const result = checkDosePlausibility({ drug: 'DEXAMETHASONE', mg: 20.1, route: 'IV', weightKg: 70 });
    expect(result).toMatchObject({ computedMg: 20, capMg: 20, routes: ['IV'] });
    expect(result.doseRuleIds).toEqual(['CRS-T4-3', 'ICANS-T5-2', 'ICANS-T5-3']);
    expect(result.problems[0]?.text.en).toBe(
      'dexamethasone 20.1 mg is above the single-dose cap of 20 mg (T4/T5: dexamethasone 10 mg IV every 6 h, 20 mg every 6 h if refractory)',
    );
    expect(result.citations.map((c) => c.section)).toEqual(['§7.1 T4', '§7.2 T5']);
  });

  it('TOCI-5: methylprednisolone cap 1000 mg per dose (1 g/day at grade 4)', () => {
    const result = checkDosePlausibility({ drug: 'METHYLPREDNISOLONE', mg: 1001, route: 'IV' });
    expect(result).toMatchObject({ computedMg: 1000, capMg: 1000 });
    expect(result.problems[0]?.text.zh).toContain('超过单次剂量上限 1000 mg');
  });

  it.each(['DEXAMETHASONE', 'METHYLPREDNISOLONE'] as const)(
    'TOCI-5: %s by mouth is refused (the rules dose it IV)',
    (drug) => {
      expect(codes({ drug, mg: 10, route: 'PO' })).toEqual(['WRONG_ROUTE']);
    },
  );
});

describe('TOCI-5 drugs whose dose the rules do not compute', () => {
  it.each<DoseDrug>(['ANTIPYRETIC', 'LEVETIRACETAM', 'IVIG', 'G_CSF'])(
    'TOCI-5: %s → PLAUSIBLE, nothing checked, "not computed by the rules"',
    (drug) => {
      const result = checkDosePlausibility({ drug, mg: 100_000, route: 'PO' });
      expect(result).toMatchObject({
        status: 'PLAUSIBLE',
        checked: false,
        computedMg: null,
        capMg: null,
        routes: [],
        problems: [],
      });
      expect(result.text.en).toBe(`${DRUG_NAMES[drug].en}: dose not computed by the rules; not checked`);
    },
  );
});

describe('TOCI-5 input validation', () => {
  it.each([
    [{ drug: 'TOCILIZUMAB', mg: 0, route: 'IV', weightKg: 70 }, 'mg'],
    [{ drug: 'TOCILIZUMAB', mg: -5, route: 'IV', weightKg: 70 }, 'mg'],
    [{ drug: 'ASPIRIN', mg: 100, route: 'PO' }, 'drug'],
    [{ drug: 'DEXAMETHASONE', mg: 10, route: 'IM' }, 'route'],
  ])('TOCI-5: %j → error on %s', (input, field) => {
    expect(issuesOf(input).map((i) => i.field)).toEqual([field]);
  });

  it('TOCI-5: an unknown drug names the allowed drugs', () => {
    expect(issuesOf({ drug: 'ASPIRIN', mg: 100, route: 'PO' })[0]?.allowed).toContain('TOCILIZUMAB');
  });
});

describe('TOCI-5 properties', () => {
  const dose = fc.record({
    drug: fc.constantFrom(...DOSE_DRUGS),
    mg: fc.double({ min: 0.01, max: 5000, noNaN: true }),
    route: fc.constantFrom(...DOSE_ROUTES),
    weightKg: fc.double({ min: 20, max: 350, noNaN: true }),
  });

  it('TOCI-5: IMPLAUSIBLE exactly when there is a problem; never above both cap and computed; texts bilingual', () => {
    fc.assert(
      fc.property(dose, (d) => {
        const result = checkDosePlausibility(d);
        expect(result.status === 'IMPLAUSIBLE').toBe(result.problems.length > 0);
        const codesFound = result.problems.map((p) => p.code);
        expect(codesFound.includes('ABOVE_CAP') && codesFound.includes('ABOVE_COMPUTED_DOSE')).toBe(false);
        if (result.checked) {
          expect(result.computedMg).not.toBeNull();
          expect(result.computedMg ?? Infinity).toBeLessThanOrEqual(result.capMg ?? 0);
          expect(codesFound.includes('WRONG_ROUTE')).toBe(d.route !== 'IV');
        }
        expect(localizationProblems(result)).toEqual([]);
      }),
    );
  });

  it('TOCI-5 / TOCI-1: the dose TOCI-1 computes is always plausible IV', () => {
    fc.assert(
      fc.property(fc.double({ min: 20, max: 350, noNaN: true }), (weightKg) => {
        const computedMg = Math.min(800, Math.round(8 * weightKg));
        expect(
          checkDosePlausibility({ drug: 'TOCILIZUMAB', mg: computedMg, route: 'IV', weightKg }).status,
        ).toBe('PLAUSIBLE');
        expect(
          checkDosePlausibility({ drug: 'TOCILIZUMAB', mg: computedMg + 1, route: 'IV', weightKg }).status,
        ).toBe('IMPLAUSIBLE');
      }),
    );
  });
});

describe('TOCI-5 messages and definition', () => {
  it('TOCI-5: every message has Chinese zh and English en', () => {
    const samples: MessageSamples<typeof messages> = {
      tocilizumabCap: null,
      dexamethasoneBasis: null,
      methylprednisoloneBasis: null,
      aboveComputedDose: [[DRUG_NAMES.TOCILIZUMAB, 401, 400, messages.tocilizumabCap]],
      aboveCap: [[DRUG_NAMES.DEXAMETHASONE, 20.1, 20, messages.dexamethasoneBasis]],
      wrongRoute: [[DRUG_NAMES.TOCILIZUMAB, ROUTE_NAMES.PO]],
      plausible: [[DRUG_NAMES.METHYLPREDNISOLONE, 70, 1000]],
      overrideNeeded: null,
      notComputed: [[DRUG_NAMES.IVIG]],
    };
    expect(localizationProblems(renderMessages(messages, samples))).toEqual([]);
    expect(localizationProblems(DRUG_NAMES)).toEqual([]);
    expect(localizationProblems(ROUTE_NAMES)).toEqual([]);
  });

  it('TOCI-5: defined once, bilingual, citing the T4 note', () => {
    expect(doseSafetyDefinitions.map((d) => d.id)).toEqual(['TOCI-5']);
    expect(localizationProblems(doseSafetyDefinitions)).toEqual([]);
    expect(doseSafetyDefinitions[0]?.citation).toEqual({ section: '§7.1 T4', source: 'cn-mm-cart-2022' });
  });
});
