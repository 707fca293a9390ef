import { describe, expect, it } from 'vitest';
import { DEFAULT_RULES_CONFIG, evaluateEligibility, type EligibilityInput } from '#rules';
import { badUserInput, calculatorClient, dataOf } from '../../test/unit/calculator-client.ts';

const call = calculatorClient();

type Check = {
  overall: string;
  overallText: string;
  needs: string[];
  rules: {
    ruleId: string;
    status: string;
    needs: string[];
    text: string;
    textZh: string;
    advice: string[];
    notes: string[];
    citation: { section: string };
  }[];
  recommendations: { ruleId: string; textEn: string }[];
  notes: { ruleId: string }[];
};
const FIELDS = `overall overallText needs rules { ruleId status needs text textZh advice notes citation { section } }
  recommendations { ruleId textEn } notes { ruleId }`;

const eligibility = async (input: Record<string, unknown>, headers: Record<string, string> = {}) =>
  (
    await dataOf<{ eligibilityCheck: Check }>(
      call,
      `query ($input: EligibilityInput!) { eligibilityCheck(input: $input) { ${FIELDS} } }`,
      { variables: { input }, headers },
    )
  ).eligibilityCheck;

const COMPLETE: EligibilityInput = {
  kps: 80,
  ecog: 1,
  lvefPercent: 55,
  cardiacAmyloidosis: false,
  atrialFibrillation: false,
  altUPerL: 30,
  altUlnUPerL: 40,
  astUPerL: 30,
  astUlnUPerL: 40,
  totalBilirubin: { unit: 'UMOL_PER_L', value: 10 },
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
};

describe('eligibilityCheck', () => {
  it('a complete, unremarkable work-up is ELIGIBLE with ELIG-1 … ELIG-13 each PASS', async () => {
    const result = await eligibility(COMPLETE);
    expect(result.overall).toBe('ELIGIBLE');
    expect(result.needs).toEqual([]);
    expect(result.rules.map((r) => [r.ruleId, r.status])).toEqual(
      Array.from({ length: 13 }, (_, i) => [`ELIG-${i + 1}`, 'PASS']),
    );
  });

  it('missing findings make it INCOMPLETE and name what is needed; null means not given', async () => {
    const result = await eligibility({ kps: 80, lvefPercent: 55, spo2RoomAirPercent: null });
    expect(result.overall).toBe('INCOMPLETE');
    expect(result.needs).toContain('spo2RoomAirPercent');
    expect(result.rules.find((r) => r.ruleId === 'ELIG-6')).toMatchObject({
      status: 'UNKNOWN',
      needs: ['spo2RoomAirPercent'],
    });
  });

  it('uses the ide-cel LVEF threshold of 45 % (ELIG-2): 47 % passes for KARMMA, excludes otherwise', async () => {
    const ideCel = await eligibility({ ...COMPLETE, product: 'KARMMA', lvefPercent: 47 });
    expect(ideCel.rules[1]).toMatchObject({ ruleId: 'ELIG-2', status: 'PASS' });
    expect(ideCel.rules[1]?.notes).toHaveLength(1);
    const other = await eligibility({ ...COMPLETE, product: 'CT053', lvefPercent: 47 });
    expect(other.overall).toBe('NOT_ELIGIBLE');
    expect(other.rules[1]).toMatchObject({ ruleId: 'ELIG-2', status: 'EXCLUDED' });
  });

  it('returns exactly the rules evaluation (recommendations and notes with their rule ids)', async () => {
    const input: EligibilityInput = {
      ...COMPLETE,
      atrialFibrillation: true,
      hbcAbPositive: true,
      foreignImplants: ['VENOUS_CATHETER'],
    };
    const result = await eligibility(input);
    const expected = evaluateEligibility(input, DEFAULT_RULES_CONFIG);
    expect(result.overall).toBe(expected.outcome.overall);
    expect(result.overall).toBe('ELIGIBLE_WITH_WARNINGS');
    expect(result.rules.map((r) => [r.ruleId, r.status])).toEqual(
      expected.outcome.rules.map((r) => [r.ruleId, r.status]),
    );
    expect(result.recommendations).toEqual(
      expected.recommendations.map((r) => ({ ruleId: r.ruleId, textEn: r.text.en })),
    );
    expect(result.notes.map((n) => n.ruleId)).toEqual(expected.notes.map((n) => n.ruleId));
  });

  it('answers in Chinese for Accept-Language zh-CN', async () => {
    const result = await eligibility(COMPLETE, { 'accept-language': 'zh' });
    expect(result.rules.map((r) => r.text)).toEqual(result.rules.map((r) => r.textZh));
    expect(result.overallText).toBe('符合CAR-T细胞治疗前的一般要求');
  });

  it('invalid input names each field, its range and the value received', async () => {
    const { body } = await call(
      '{ eligibilityCheck(input: { kps: 101, totalBilirubin: { unit: MG_PER_DL, value: 60.5 } }) { overall } }',
    );
    expect(badUserInput(body).issues.map((i) => [i.field, i.allowed, i.received])).toEqual([
      ['input.kps', 'a whole number between 0 and 100 points', 101],
      ['input.totalBilirubin.value', 'between 0 and 60 mg/dL', 60.5],
    ]);
  });
});
