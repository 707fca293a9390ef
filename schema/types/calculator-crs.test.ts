import { describe, expect, it } from 'vitest';
import { DEFAULT_RULES_CONFIG, evaluateCrs, localize } from '#rules';
import { badUserInput, calculatorClient } from '../../test/unit/calculator-client.ts';

const call = calculatorClient();

const GRADING = `grade drivers driverDetails { code ruleId textZh textEn }
  recommendations { ruleId text textZh textEn dose { drug mg basis } citation { section source } }
  citations { section source } notes { ruleId text } ruleset language`;

const gradeCrs = async (
  input: string,
  options: { language?: string; headers?: Record<string, string> } = {},
) => {
  const args = options.language ? `input: ${input}, language: ${options.language}` : `input: ${input}`;
  const { status, body } = await call(`{ gradeCrs(${args}) { ${GRADING} } }`, {
    headers: options.headers ?? {},
  });
  expect(status).toBe(200);
  return body;
};

type Grading = {
  grade: number;
  drivers: string[];
  driverDetails: { code: string; ruleId: string; textZh: string; textEn: string }[];
  recommendations: {
    ruleId: string;
    text: string;
    textZh: string;
    textEn: string;
    dose: { drug: string; mg: number; basis: string } | null;
    citation: { section: string; source: string };
  }[];
  citations: { section: string; source: string }[];
  notes: { ruleId: string; text: string }[];
  ruleset: string;
  language: string;
};

const grading = async (input: string, options: Parameters<typeof gradeCrs>[1] = {}): Promise<Grading> => {
  const body = await gradeCrs(input, options);
  expect(body.errors).toBeUndefined();
  return (body.data as { gradeCrs: Grading }).gradeCrs;
};

describe('gradeCrs', () => {
  it('applies the contract defaults (no hypotension, no vasopressor, room air): fever alone is grade 1', async () => {
    const result = await grading('{ temperatureCelsius: 38.0 }');
    expect(result.grade).toBe(1);
    expect(result.driverDetails.map((d) => d.code)).toEqual(['fever']);
    expect(result.ruleset).toBe('cn-mm-cart-2022@1');
  });

  it('grades the fever threshold inclusively at 38.0 °C (CRS-G1): 37.9 is no CRS', async () => {
    expect((await grading('{ temperatureCelsius: 37.9 }')).grade).toBe(0);
    expect((await grading('{ temperatureCelsius: 38.1 }')).grade).toBe(1);
  });

  it('passes vasopressor and oxygen enums through: vasopressin is not a second agent (CRS-G3)', async () => {
    expect(
      (await grading('{ temperatureCelsius: 39, vasopressors: [NOREPINEPHRINE, VASOPRESSIN] }')).grade,
    ).toBe(3);
    expect(
      (await grading('{ temperatureCelsius: 39, vasopressors: [NOREPINEPHRINE, PHENYLEPHRINE] }')).grade,
    ).toBe(4);
    expect((await grading('{ temperatureCelsius: 39, oxygen: BIPAP }')).grade).toBe(4);
  });

  it('grades a nasal cannula by its flow: 6 L/min is low flow (2), 6.1 high flow (3)', async () => {
    expect((await grading('{ temperatureCelsius: 39, oxygen: NASAL_CANNULA, oxygenFlowLpm: 6 }')).grade).toBe(
      2,
    );
    expect(
      (await grading('{ temperatureCelsius: 39, oxygen: NASAL_CANNULA, oxygenFlowLpm: 6.1 }')).grade,
    ).toBe(3);
  });

  it('grades without fever after anti-cytokine therapy (CRS-G2), even with no temperature', async () => {
    const result = await grading('{ afterAnticytokineTherapy: true, hypotension: true }');
    expect(result.grade).toBe(2);
    expect(result.driverDetails.map((d) => d.code)).toEqual([
      'after-anticytokine-therapy',
      'hypotension-no-vasopressor',
    ]);
  });

  it('returns exactly the rules evaluation: drivers, recommendations, citations and notes', async () => {
    const input = {
      temperatureCelsius: 38.9,
      systolicBp: 84,
      vasopressors: ['NOREPINEPHRINE'],
      weightKg: 70,
    };
    const result = await grading(
      '{ temperatureCelsius: 38.9, systolicBp: 84, vasopressors: [NOREPINEPHRINE], weightKg: 70 }',
    );
    const expected = evaluateCrs(input);
    expect(result.grade).toBe(3);
    expect(result.drivers).toEqual(expected.drivers.map((d) => d.text.en));
    expect(result.driverDetails).toEqual(
      expected.drivers.map((d) => ({ code: d.code, ruleId: d.ruleId, textZh: d.text.zh, textEn: d.text.en })),
    );
    expect(result.recommendations.map((r) => [r.ruleId, r.textZh, r.textEn, r.citation])).toEqual(
      expected.recommendations.map((r) => [r.ruleId, r.text.zh, r.text.en, r.citation]),
    );
    expect(result.citations).toEqual(expected.citations);
    expect(result.notes).toEqual(
      expected.notes.map((n) => ({ ruleId: n.ruleId, text: localize(n.text, 'en') })),
    );
  });

  it('doses tocilizumab for the weight given: 70 kg → 560 mg on the recommendation', async () => {
    const result = await grading('{ temperatureCelsius: 39, vasopressors: [NOREPINEPHRINE], weightKg: 70 }');
    const doses = result.recommendations.flatMap((r) => (r.dose ? [r.dose] : []));
    expect(doses.find((d) => d.drug === 'tocilizumab')?.mg).toBe(560);
  });

  describe('language', () => {
    const input = '{ temperatureCelsius: 39, hypotension: true }';

    it('follows Accept-Language zh-CN when no argument is given', async () => {
      const result = await grading(input, { headers: { 'accept-language': 'zh-CN,zh;q=0.9,en;q=0.5' } });
      expect(result.language).toBe('ZH_CN');
      expect(result.drivers).toEqual(result.driverDetails.map((d) => d.textZh));
      expect(result.recommendations.map((r) => r.text)).toEqual(result.recommendations.map((r) => r.textZh));
      expect(result.drivers.join('')).toMatch(/\p{Script=Han}/u);
    });

    it('is English without Accept-Language', async () => {
      const result = await grading(input);
      expect(result.language).toBe('EN');
      expect(result.recommendations.map((r) => r.text)).toEqual(result.recommendations.map((r) => r.textEn));
    });

    it('lets the language argument override Accept-Language', async () => {
      const result = await grading(input, { language: 'EN', headers: { 'accept-language': 'zh-CN' } });
      expect(result.language).toBe('EN');
      expect(result.drivers).toEqual(result.driverDetails.map((d) => d.textEn));
      const zh = await grading(input, { language: 'ZH_CN', headers: { 'accept-language': 'en' } });
      expect(zh.drivers).toEqual(zh.driverDetails.map((d) => d.textZh));
    });
  });

  describe('invalid input: a BAD_USER_INPUT error naming field, allowed range and value received', () => {
    it('a temperature outside 25–45 °C', async () => {
      const error = badUserInput(await gradeCrs('{ temperatureCelsius: 50 }'));
      expect(error.message).toBe(
        'Invalid input: input.temperatureCelsius must be between 25 and 45 °C; received 50',
      );
      expect(error.issues).toEqual([
        {
          field: 'input.temperatureCelsius',
          allowed: 'between 25 and 45 °C',
          received: 50,
          message: 'input.temperatureCelsius must be between 25 and 45 °C; received 50',
        },
      ]);
      expect(error.data).toBeNull();
    });

    it('every bad field at once', async () => {
      const error = badUserInput(
        await gradeCrs('{ temperatureCelsius: 24.9, systolicBp: 301, spo2Percent: 101 }'),
      );
      expect(error.issues.map((i) => [i.field, i.received])).toEqual([
        ['input.temperatureCelsius', 24.9],
        ['input.systolicBp', 301],
        ['input.spo2Percent', 101],
      ]);
    });

    it('a nasal cannula without its flow', async () => {
      const error = badUserInput(await gradeCrs('{ temperatureCelsius: 39, oxygen: NASAL_CANNULA }'));
      expect(error.issues.map((i) => i.field)).toEqual(['input.oxygenFlowLpm']);
      expect(error.issues[0]?.allowed).toContain('≤ 6 L/min is low flow');
    });

    it('no temperature and no anti-cytokine therapy: the grade is UNKNOWN, so the error says what is needed', async () => {
      const error = badUserInput(await gradeCrs('{ systolicBp: 80 }'));
      expect(error.issues).toEqual([
        expect.objectContaining({ field: 'input.temperatureCelsius', received: null }),
      ]);
      expect(error.message).toContain(
        'input.temperatureCelsius must be given (between 25 and 45 °C) to grade CRS',
      );
      expect(error.message).toContain('received nothing');
    });

    it('is not masked in production mode (masking hides only unexpected errors)', async () => {
      const production = calculatorClient(DEFAULT_RULES_CONFIG, 'production');
      const { status, body } = await production('{ gradeCrs(input: { temperatureCelsius: 50 }) { grade } }');
      expect(status).toBe(200);
      expect(badUserInput(body).issues.map((i) => i.field)).toEqual(['input.temperatureCelsius']);
      const unknown = await production('{ gradeCrs(input: { systolicBp: 80 }) { grade } }');
      expect(badUserInput(unknown.body).issues.map((i) => i.field)).toEqual(['input.temperatureCelsius']);
    });

    it('an unknown enum value is a GraphQL validation error, never a 500', async () => {
      const { status, body } = await call(
        '{ gradeCrs(input: { temperatureCelsius: 39, vasopressors: [DOPAMIN] }) { grade } }',
      );
      expect(status).toBeLessThan(500);
      expect(body.errors?.[0]?.message).toContain('DOPAMIN');
    });
  });
});
