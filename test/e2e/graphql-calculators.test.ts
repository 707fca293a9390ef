import { describe, expect, inject, it } from 'vitest';
import {
  evaluateCrs,
  evaluateIcans,
  followUpSchedule,
  localize,
  mostellerBsaM2,
  type Language,
} from '#rules';
import { issueToken, loadOrCreateSigningKey } from '../../functions/local/local-auth.ts';

/**
 * The public calculators over real HTTP against the started local system: every operation of the
 * contract with realistic input and exact output, the language rules, an invalid input per
 * operation (HTTP 200 with a BAD_USER_INPUT error, never a 500), and the other calculators.
 */
const baseUrl = inject('baseUrl');

type Issue = { field: string; allowed: string; received: unknown; message: string };
type Response = {
  status: number;
  body: {
    data?: Record<string, unknown> | null;
    errors?: { message: string; extensions?: { code?: string; issues?: Issue[] } }[];
  };
};

const post = async (
  query: string,
  options: { variables?: Record<string, unknown>; headers?: Record<string, string>; path?: string } = {},
): Promise<Response> => {
  const response = await fetch(`${baseUrl}${options.path ?? '/public/graphql'}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...options.headers },
    body: JSON.stringify({ query, variables: options.variables }),
  });
  return { status: response.status, body: (await response.json()) as Response['body'] };
};

/** The data of a request that must succeed: HTTP 200 and no errors. */
const data = async <T>(query: string, options: Parameters<typeof post>[1] = {}): Promise<T> => {
  const { status, body } = await post(query, options);
  expect(body.errors, JSON.stringify(body.errors)).toBeUndefined();
  expect(status).toBe(200);
  return body.data as T;
};

/** The issues of a request that must fail as invalid input: HTTP 200, BAD_USER_INPUT, no data. */
const invalid = async (query: string, options: Parameters<typeof post>[1] = {}): Promise<Issue[]> => {
  const { status, body } = await post(query, options);
  expect(status).toBe(200);
  expect(body.data ?? null).toBeNull();
  expect(body.errors).toHaveLength(1);
  const [error] = body.errors ?? [];
  expect(error?.extensions?.code).toBe('BAD_USER_INPUT');
  const issues = error?.extensions?.issues ?? [];
  expect(error?.message).toBe(`Invalid input: ${issues.map((issue) => issue.message).join('; ')}`);
  return issues;
};

const zh: Record<string, string> = { 'accept-language': 'zh-CN,zh;q=0.9' };
const en: Record<string, string> = { 'accept-language': 'en-GB,en;q=0.8' };

describe('contract operations over HTTP (/public/graphql, no login)', () => {
  describe('gradeCrs', () => {
    const input = {
      temperatureCelsius: 38.9,
      systolicBp: 84,
      vasopressors: ['NOREPINEPHRINE'],
      weightKg: 70,
    };
    const query = `query ($input: CrsAssessmentInput!, $language: Language) {
      gradeCrs(input: $input, language: $language) {
        grade drivers recommendations { ruleId text textZh textEn dose { drug mg } } citations { section source }
      }
    }`;
    type Grading = {
      grade: number;
      drivers: string[];
      recommendations: {
        ruleId: string;
        text: string;
        textZh: string;
        textEn: string;
        dose: { drug: string; mg: number } | null;
      }[];
      citations: { section: string; source: string }[];
    };

    it('38.9 °C, SBP 84 mmHg on norepinephrine, 70 kg: grade 3 with the T4 grade-3 management', async () => {
      const { gradeCrs } = await data<{ gradeCrs: Grading }>(query, { variables: { input }, headers: en });
      const expected = evaluateCrs(input);
      expect(gradeCrs.grade).toBe(3);
      expect(gradeCrs.drivers).toEqual(expected.drivers.map((d) => d.text.en));
      expect(gradeCrs.drivers).toHaveLength(2);
      expect(gradeCrs.recommendations.map((r) => [r.ruleId, r.textZh, r.textEn])).toEqual(
        expected.recommendations.map((r) => [r.ruleId, r.text.zh, r.text.en]),
      );
      expect(gradeCrs.recommendations.some((r) => r.ruleId === 'CRS-T4-3')).toBe(true);
      expect(gradeCrs.recommendations.find((r) => r.dose?.drug === 'tocilizumab')?.dose?.mg).toBe(560);
      expect(gradeCrs.citations).toContainEqual({ section: '§7.1 T3', source: 'cn-mm-cart-2022' });
      expect(gradeCrs.citations).toEqual(expected.citations);
    });

    it.each<[string, Record<string, string>, Language | undefined, Language]>([
      ['Accept-Language zh-CN', zh, undefined, 'zh-CN'],
      ['Accept-Language en', en, undefined, 'en'],
      ['no Accept-Language (English)', {}, undefined, 'en'],
      ['language: ZH_CN over Accept-Language en', en, 'zh-CN', 'zh-CN'],
      ['language: EN over Accept-Language zh-CN', zh, 'en', 'en'],
    ])('text follows %s', async (_case, headers, language, expected) => {
      const variables = {
        input,
        language: language === undefined ? null : language === 'zh-CN' ? 'ZH_CN' : 'EN',
      };
      const { gradeCrs } = await data<{ gradeCrs: Grading }>(query, { variables, headers });
      const evaluation = evaluateCrs(input);
      expect(gradeCrs.drivers).toEqual(evaluation.drivers.map((d) => localize(d.text, expected)));
      expect(gradeCrs.recommendations.map((r) => r.text)).toEqual(
        evaluation.recommendations.map((r) => localize(r.text, expected)),
      );
    });

    it('invalid: a temperature of 50 °C', async () => {
      expect(await invalid('{ gradeCrs(input: { temperatureCelsius: 50 }) { grade } }')).toEqual([
        {
          field: 'input.temperatureCelsius',
          allowed: 'between 25 and 45 °C',
          received: 50,
          message: 'input.temperatureCelsius must be between 25 and 45 °C; received 50',
        },
      ]);
    });

    it('invalid: hypotension without a temperature (grade unknown) says the temperature is needed', async () => {
      const [issue] = await invalid('{ gradeCrs(input: { hypotension: true }) { grade } }');
      expect(issue).toMatchObject({ field: 'input.temperatureCelsius', received: null });
      expect(issue?.allowed).toContain(
        'fever (≥ 38.0 °C) is required unless afterAnticytokineTherapy is true',
      );
    });
  });

  describe('gradeIcans', () => {
    const query = `query ($input: IcansAssessmentInput!) {
      gradeIcans(input: $input) { grade iceScore drivers recommendations { ruleId text } citations { section source } }
    }`;

    it('ICE 5/10 awakening to voice: grade 2 with ICE score 5', async () => {
      const input = {
        ice: { orientation: 2, naming: 2, followsCommands: 1, writing: 0, attention: 0 },
        consciousness: 'AWAKENS_TO_VOICE',
      };
      const { gradeIcans } = await data<{
        gradeIcans: {
          grade: number;
          iceScore: number;
          drivers: string[];
          recommendations: { ruleId: string; text: string }[];
          citations: unknown[];
        };
      }>(query, { variables: { input }, headers: zh });
      const expected = evaluateIcans(input);
      expect(gradeIcans).toMatchObject({ grade: 2, iceScore: 5 });
      expect(gradeIcans.drivers).toEqual(expected.drivers.map((d) => d.text.zh));
      expect(gradeIcans.recommendations).toEqual(
        expected.recommendations.map((r) => ({ ruleId: r.ruleId, text: r.text.zh })),
      );
      expect(gradeIcans.citations).toEqual(expected.citations);
    });

    it('an unarousable patient without ICE: grade 4, ICE score null', async () => {
      const { gradeIcans } = await data<{ gradeIcans: { grade: number; iceScore: number | null } }>(query, {
        variables: { input: { consciousness: 'UNAROUSABLE' } },
      });
      expect(gradeIcans).toMatchObject({ grade: 4, iceScore: null });
    });

    it('invalid: an orientation score of 5', async () => {
      const issues = await invalid(query, {
        variables: {
          input: { ice: { orientation: 5, naming: 3, followsCommands: 1, writing: 1, attention: 1 } },
        },
      });
      expect(issues).toEqual([
        {
          field: 'input.ice.orientation',
          allowed: 'a whole number between 0 and 4 points (year, month, city, hospital)',
          received: 5,
          message:
            'input.ice.orientation must be a whole number between 0 and 4 points (year, month, city, hospital); received 5',
        },
      ]);
    });
  });

  describe('tocilizumabDose', () => {
    it('8 mg/kg capped at 800 mg: 70 kg → 560, 100 kg → 800, 110 kg → 800', async () => {
      const at = '2026-03-01T08:00:00Z';
      const result = await data<Record<string, { doseMg: number; status: string; dosesGiven: number }>>(
        `{
          w70: tocilizumabDose(input: { weightKg: 70, at: "${at}" }) { doseMg status dosesGiven }
          w100: tocilizumabDose(input: { weightKg: 100, at: "${at}" }) { doseMg status dosesGiven }
          w110: tocilizumabDose(input: { weightKg: 110, at: "${at}" }) { doseMg status dosesGiven }
        }`,
      );
      expect(result).toEqual({
        w70: { doseMg: 560, status: 'ALLOWED', dosesGiven: 0 },
        w100: { doseMg: 800, status: 'ALLOWED', dosesGiven: 0 },
        w110: { doseMg: 800, status: 'ALLOWED', dosesGiven: 0 },
      });
    });

    it('6 h after the last dose: TOO_SOON, next dose 8 h after it; after 4 doses: no further dose', async () => {
      const result = await data<Record<string, unknown>>(
        `{
          soon: tocilizumabDose(input: { weightKg: 70, at: "2026-03-01T08:00:00Z", previousDoses: ["2026-03-01T02:00:00Z"] }) {
            doseMg status earliestNextDoseAt dosesGiven citations { section source } }
          done: tocilizumabDose(input: { weightKg: 70, at: "2026-03-03T08:00:00Z",
            previousDoses: ["2026-03-01T00:00:00Z", "2026-03-01T08:00:00Z", "2026-03-01T16:00:00Z", "2026-03-02T08:00:00Z"] }) {
            status earliestNextDoseAt dosesGiven }
        }`,
      );
      expect(result).toEqual({
        soon: {
          doseMg: 560,
          status: 'TOO_SOON',
          earliestNextDoseAt: '2026-03-01T10:00:00.000Z',
          dosesGiven: 1,
          citations: [{ section: '§7.1 T4', source: 'cn-mm-cart-2022' }],
        },
        done: { status: 'MAX_TOTAL_REACHED', earliestNextDoseAt: null, dosesGiven: 4 },
      });
    });

    it('invalid: a weight of 0 kg and a dose after `at`', async () => {
      const issues = await invalid(
        '{ tocilizumabDose(input: { weightKg: 0, at: "2026-03-01T08:00:00Z", previousDoses: ["2026-03-01T09:00:00Z"] }) { doseMg } }',
      );
      expect(issues.map((issue) => [issue.field, issue.received])).toEqual([
        ['input.weightKg', 0],
        ['input.previousDoses[0]', '2026-03-01T09:00:00Z'],
      ]);
      expect(issues[0]?.allowed).toBe('between 20 and 350 kg');
    });
  });

  describe('lymphodepletionPlan', () => {
    it('KarMMa, 170 cm, 70 kg, infusion 2026-03-10: BSA 1.82 m² (Mosteller), Flu/Cy on days -5 to -3', async () => {
      const { lymphodepletionPlan } = await data<{ lymphodepletionPlan: unknown }>(
        `{ lymphodepletionPlan(input: { product: KARMMA, heightCm: 170, weightKg: 70, infusionDate: "2026-03-10" }) {
            bodySurfaceAreaM2 days { day date doses { drug doseMg basis } } citations { section source } } }`,
      );
      expect(mostellerBsaM2(170, 70)).toBe(1.82);
      const doses = [
        { drug: 'fludarabine', doseMg: 54.6, basis: '30 mg/m²' },
        { drug: 'cyclophosphamide', doseMg: 546, basis: '300 mg/m²' },
      ];
      expect(lymphodepletionPlan).toEqual({
        bodySurfaceAreaM2: 1.82,
        days: [
          { day: -5, date: '2026-03-05', doses },
          { day: -4, date: '2026-03-06', doses },
          { day: -3, date: '2026-03-07', doses },
        ],
        citations: [
          { section: '§4 T2', source: 'cn-mm-cart-2022' },
          { section: '§4', source: 'cn-mm-cart-2022' },
        ],
      });
    });

    it('CT103A, 160 cm, 81 kg: cyclophosphamide 20 mg/kg = 1620 mg on days -4 to -2', async () => {
      const { lymphodepletionPlan } = await data<{
        lymphodepletionPlan: {
          bodySurfaceAreaM2: number;
          days: { day: number; doses: { drug: string; doseMg: number }[] }[];
        };
      }>(
        `{ lymphodepletionPlan(input: { product: CT103A, heightCm: 160, weightKg: 81, infusionDate: "2026-03-10" }) {
            bodySurfaceAreaM2 days { day doses { drug doseMg } } } }`,
      );
      expect(lymphodepletionPlan.bodySurfaceAreaM2).toBe(1.9);
      expect(lymphodepletionPlan.days.map((d) => [d.day, d.doses])).toEqual(
        [-4, -3, -2].map((day) => [
          day,
          [
            { drug: 'fludarabine', doseMg: 47.5 },
            { drug: 'cyclophosphamide', doseMg: 1620 },
          ],
        ]),
      );
    });

    it('invalid: a height of 99 cm', async () => {
      expect(
        await invalid(
          '{ lymphodepletionPlan(input: { product: KARMMA, heightCm: 99, weightKg: 70, infusionDate: "2026-03-10" }) { bodySurfaceAreaM2 } }',
        ),
      ).toEqual([
        {
          field: 'input.heightCm',
          allowed: 'between 100 and 250 cm',
          received: 99,
          message: 'input.heightCm must be between 100 and 250 cm; received 99',
        },
      ]);
    });
  });

  describe('followUpSchedule', () => {
    it('infusion 2026-03-01 through month 36 (the default): 18 visits from day 14 to month 36', async () => {
      const { followUpSchedule: visits } = await data<{
        followUpSchedule: { date: string; label: string }[];
      }>('{ followUpSchedule(infusionDate: "2026-03-01") { date label } }', { headers: en });
      expect(visits.map((v) => v.date)).toEqual([
        '2026-03-15',
        '2026-03-29',
        '2026-05-01',
        '2026-06-01',
        '2026-07-01',
        '2026-08-01',
        '2026-09-01',
        '2026-11-01',
        '2027-01-01',
        '2027-03-01',
        '2027-06-01',
        '2027-09-01',
        '2027-12-01',
        '2028-03-01',
        '2028-06-01',
        '2028-09-01',
        '2028-12-01',
        '2029-03-01',
      ]);
      const expected = followUpSchedule({ infusionDate: '2026-03-01' }).outcome.visits;
      expect(visits.map((v) => v.label)).toEqual(expected.map((v) => v.label.en));
    });

    it('labels in Chinese for Accept-Language zh-CN, unless the argument says EN', async () => {
      const query = (language: string) =>
        `{ followUpSchedule(infusionDate: "2026-03-01", throughMonth: 1${language}) { date label } }`;
      const chinese = await data<{ followUpSchedule: { label: string }[] }>(query(''), { headers: zh });
      expect(chinese.followUpSchedule.map((v) => v.label)).toEqual([
        'CAR-T细胞治疗后第14天:评估疾病的缓解状况和不良反应',
        'CAR-T细胞治疗后第28天:评估疾病的缓解状况和不良反应',
      ]);
      const english = await data<{ followUpSchedule: { label: string }[] }>(query(', language: EN'), {
        headers: zh,
      });
      expect(english.followUpSchedule.map((v) => v.label)).toEqual([
        'Day 14 after infusion: response and adverse effects',
        'Day 28 after infusion: response and adverse effects',
      ]);
    });

    it('invalid: throughMonth 0', async () => {
      expect(
        await invalid('{ followUpSchedule(infusionDate: "2026-03-01", throughMonth: 0) { date } }'),
      ).toEqual([
        {
          field: 'throughMonth',
          allowed: 'a whole number between 1 and 120 months',
          received: 0,
          message: 'throughMonth must be a whole number between 1 and 120 months; received 0',
        },
      ]);
    });
  });

  it('a value of the wrong type is a client error, never a 500', async () => {
    const { status, body } = await post('{ gradeCrs(input: { temperatureCelsius: "hot" }) { grade } }');
    expect(status).toBeLessThan(500);
    expect(body.errors?.[0]?.message).toBe('Float cannot represent non numeric value: "hot"');
  });
});

describe('calculators need no login and work on /graphql too', () => {
  it('answers the same with a token on /graphql as without one on /public/graphql', async () => {
    const token = await issueToken(await loadOrCreateSigningKey(inject('localAuthKeyFile')), {
      userId: 'e2e-calculators',
      role: 'viewer',
      teams: ['e2e'],
    });
    const query =
      '{ tocilizumabDose(input: { weightKg: 70, at: "2026-03-01T08:00:00Z" }) { doseMg status } }';
    const signedIn = await data(query, { path: '/graphql', headers: { authorization: `Bearer ${token}` } });
    expect(signedIn).toEqual(await data(query));
    expect(signedIn).toEqual({ tocilizumabDose: { doseMg: 560, status: 'ALLOWED' } });
  });
});

describe('other calculators over HTTP', () => {
  it('eligibilityCheck: a complete unremarkable work-up for ide-cel is ELIGIBLE; LVEF 47 % uses the 45 % threshold', async () => {
    const { eligibilityCheck } = await data<{
      eligibilityCheck: { overall: string; needs: string[]; rules: { ruleId: string; status: string }[] };
    }>(
      `query ($input: EligibilityInput!) { eligibilityCheck(input: $input) { overall needs rules { ruleId status } } }`,
      {
        variables: {
          input: {
            product: 'KARMMA',
            kps: 80,
            lvefPercent: 47,
            cardiacAmyloidosis: false,
            atrialFibrillation: false,
            altUPerL: 30,
            altUlnUPerL: 40,
            astUPerL: 30,
            astUlnUPerL: 40,
            totalBilirubin: { unit: 'MG_PER_DL', value: 0.8 },
            spo2RoomAirPercent: 97,
            activeInfection: false,
            expectedSurvivalWeeks: 52,
            exclusions: [],
            renalImpairment: false,
            hbsAgPositive: false,
            hbcAbPositive: false,
            foreignImplants: [],
            lateRelapse: false,
            priorBcmaTargetedTherapy: false,
          },
        },
      },
    );
    expect(eligibilityCheck.overall).toBe('ELIGIBLE');
    expect(eligibilityCheck.needs).toEqual([]);
    expect(eligibilityCheck.rules.find((r) => r.ruleId === 'ELIG-2')?.status).toBe('PASS');
  });

  it('eligibilityCheck invalid: KPS 101', async () => {
    const issues = await invalid('{ eligibilityCheck(input: { kps: 101 }) { overall } }');
    expect(issues.map((issue) => [issue.field, issue.allowed, issue.received])).toEqual([
      ['input.kps', 'a whole number between 0 and 100 points', 101],
    ]);
  });

  it.each([
    [
      'apheresisReadiness',
      '{ apheresisReadiness(input: { plateletsE9PerL: 2001 }) { overall } }',
      'input.plateletsE9PerL',
      'between 0 and 2000 × 10⁹/L',
      2001,
    ],
    [
      'infusionWindow',
      '{ infusionWindow(input: { lymphodepletionEndDate: "2026-03-07", infusionDate: "2026-03-06" }) { status } }',
      'input.infusionDate',
      'a date after lymphodepletionEndDate (2026-03-07)',
      '2026-03-06',
    ],
    [
      'immunoglobulinAdvice',
      '{ immunoglobulinAdvice(input: { igGGPerL: -0.1 }) { status } }',
      'input.igGGPerL',
      'between 0 and 60 g/L',
      -0.1,
    ],
  ])(
    '%s invalid input names the field, the range and the value received',
    async (_operation, query, field, allowed, received) => {
      const issues = await invalid(query);
      expect(issues.map((issue) => [issue.field, issue.allowed, issue.received])).toEqual([
        [field, allowed, received],
      ]);
    },
  );

  it('apheresisReadiness: the earliest collection per washout and overall (APH-5)', async () => {
    const { apheresisReadiness } = await data<{ apheresisReadiness: { washout: unknown } }>(
      `{ apheresisReadiness(input: { lastDoses: [
          { treatment: BORTEZOMIB, at: "2026-03-02T10:00:00+08:00" },
          { treatment: VINCRISTINE, at: "2026-03-05T10:00:00+08:00" }
        ] }) {
          washout { status earliestCollectionAt earliestCollectionDate treatments { treatment earliestAt earliestDate } } } }`,
    );
    expect(apheresisReadiness.washout).toEqual({
      status: 'SCHEDULE',
      earliestCollectionAt: '2026-03-16T10:00:00+08:00',
      earliestCollectionDate: '2026-03-16',
      treatments: [
        { treatment: 'BORTEZOMIB', earliestAt: '2026-03-16T10:00:00+08:00', earliestDate: '2026-03-16' },
        { treatment: 'VINCRISTINE', earliestAt: '2026-03-12T10:00:00+08:00', earliestDate: '2026-03-12' },
      ],
    });
  });

  it('infusionWindow: 8 days after lymphodepletion is a VIOLATION (INF-2)', async () => {
    const { infusionWindow } = await data<{ infusionWindow: unknown }>(
      `{ infusionWindow(input: { lymphodepletionEndDate: "2026-03-07", infusionDate: "2026-03-16" }) {
          status fullDaysAfterLymphodepletion recommendedDates latestDate } }`,
    );
    expect(infusionWindow).toEqual({
      status: 'VIOLATION',
      fullDaysAfterLymphodepletion: 8,
      recommendedDates: ['2026-03-09', '2026-03-10'],
      latestDate: '2026-03-15',
    });
  });

  it('immunoglobulinAdvice: IgG 3.5 g/L → IVIG (IG-2), in Chinese for zh-CN', async () => {
    const { immunoglobulinAdvice } = await data<{
      immunoglobulinAdvice: {
        status: string;
        ruleId: string;
        recommendations: { ruleId: string; text: string }[];
      };
    }>(
      '{ immunoglobulinAdvice(input: { igGGPerL: 3.5 }) { status ruleId recommendations { ruleId text } } }',
      {
        headers: zh,
      },
    );
    expect(immunoglobulinAdvice).toMatchObject({ status: 'IVIG', ruleId: 'IG-2' });
    expect(immunoglobulinAdvice.recommendations[0]?.ruleId).toBe('IG-2');
    expect(immunoglobulinAdvice.recommendations[0]?.text).toMatch(/\p{Script=Han}/u);
  });

  it('relapseOptions: antigen-negative relapse → only another detectable target (REL-1.3)', async () => {
    const { relapseOptions } = await data<{ relapseOptions: { options: string[]; needs: string[] } }>(
      '{ relapseOptions(input: { antigenStatus: NEGATIVE, priorCostimulatoryDomain: CD28 }) { options needs } }',
    );
    expect(relapseOptions).toEqual({ options: ['REL-1', 'REL-1.3', 'REL-1.4'], needs: [] });
  });

  it('referenceStudies and lymphodepletionRegimens: T1 (12 studies) and T2 (9 regimens)', async () => {
    const result = await data<{
      referenceStudies: { id: string; neurotoxicityPercent: { kind: string; value: number | null } }[];
      lymphodepletionRegimens: { product: string }[];
    }>('{ referenceStudies { id neurotoxicityPercent { kind value } } lymphodepletionRegimens { product } }');
    expect(result.referenceStudies).toHaveLength(12);
    expect(result.referenceStudies[0]).toEqual({
      id: 'brudno-2018',
      neurotoxicityPercent: { kind: 'NOT_REPORTED', value: null },
    });
    expect(result.lymphodepletionRegimens.map((r) => r.product)).toEqual([
      'CAR_BCMA',
      'LCAR_B38M',
      'CT103A',
      'HRAIN',
      'ANTI_BCMA_CD19',
      'CT053',
      'TANDEM_BCMA_CD38',
      'CARTITUDE_1',
      'KARMMA',
    ]);
  });
});
