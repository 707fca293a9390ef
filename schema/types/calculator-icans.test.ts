import { describe, expect, it } from 'vitest';
import { evaluateIcans } from '#rules';
import { badUserInput, calculatorClient, dataOf } from '../../test/unit/calculator-client.ts';

const call = calculatorClient();

type Grading = {
  grade: number;
  iceScore: number | null;
  drivers: string[];
  driverDetails: { code: string; textZh: string }[];
  recommendations: {
    ruleId: string;
    text: string;
    textZh: string;
    textEn: string;
    dose: { mg: number } | null;
  }[];
  citations: { section: string; source: string }[];
};
const FIELDS = `grade iceScore drivers driverDetails { code textZh }
  recommendations { ruleId text textZh textEn dose { mg } } citations { section source }`;

const gradeIcans = async (input: string, headers: Record<string, string> = {}) =>
  (await dataOf<{ gradeIcans: Grading }>(call, `{ gradeIcans(input: ${input}) { ${FIELDS} } }`, { headers }))
    .gradeIcans;

const ice = (score: number): string => {
  // Fill the tasks in order (orientation 4, naming 3, commands 1, writing 1, attention 1).
  const points = [4, 3, 1, 1, 1].map((max, index, all) =>
    Math.max(0, Math.min(max, score - all.slice(0, index).reduce((a, b) => a + b, 0))),
  );
  const [orientation, naming, followsCommands, writing, attention] = points;
  return `{ orientation: ${orientation}, naming: ${naming}, followsCommands: ${followsCommands}, writing: ${writing}, attention: ${attention} }`;
};

describe('gradeIcans', () => {
  it.each([
    [10, 0],
    [9, 1],
    [7, 1],
    [6, 2],
    [3, 2],
    [2, 3],
    [0, 3],
  ])(
    'ICE %i with the contract defaults (normal consciousness, no seizure, no oedema) is grade %i',
    async (score, grade) => {
      const result = await gradeIcans(`{ ice: ${ice(score)} }`);
      expect(result.iceScore).toBe(score);
      expect(result.grade).toBe(grade);
    },
  );

  it('an unarousable patient without ICE is grade 4 with a null ICE score', async () => {
    const result = await gradeIcans('{ consciousness: UNAROUSABLE }');
    expect(result).toMatchObject({ grade: 4, iceScore: null });
  });

  it('without ICE a grade ≥ 3 finding still decides (rapidly resolving seizure → 3)', async () => {
    expect((await gradeIcans('{ seizure: RAPIDLY_RESOLVING }')).grade).toBe(3);
    expect((await gradeIcans('{ cerebralEdema: DIFFUSE }')).grade).toBe(4);
    expect((await gradeIcans('{ ice: ' + ice(10) + ', deepFocalMotorWeakness: true }')).grade).toBe(4);
  });

  it('returns the rules evaluation, with tocilizumab dosed for concurrent CRS (T5)', async () => {
    const input = {
      ice: { orientation: 3, naming: 2, followsCommands: 1, writing: 0, attention: 0 },
      concurrentCrsGrade: 2,
      weightKg: 70,
    };
    const result = await gradeIcans(
      `{ ice: { orientation: 3, naming: 2, followsCommands: 1, writing: 0, attention: 0 }, concurrentCrsGrade: 2, weightKg: 70 }`,
    );
    const expected = evaluateIcans(input);
    expect(result.grade).toBe(2);
    expect(result.recommendations.map((r) => [r.ruleId, r.textEn])).toEqual(
      expected.recommendations.map((r) => [r.ruleId, r.text.en]),
    );
    expect(result.recommendations.find((r) => r.dose?.mg === 560)).toBeDefined();
    expect(result.citations).toEqual(expected.citations);
  });

  it('answers in Chinese for Accept-Language zh-CN', async () => {
    const result = await gradeIcans(`{ ice: ${ice(5)} }`, { 'accept-language': 'zh-CN' });
    expect(result.drivers).toEqual(result.driverDetails.map((d) => d.textZh));
    expect(result.recommendations.map((r) => r.text)).toEqual(result.recommendations.map((r) => r.textZh));
  });

  describe('invalid input', () => {
    it('an ICE task above its maximum names the nested field', async () => {
      const { body } = await call(
        '{ gradeIcans(input: { ice: { orientation: 5, naming: 3, followsCommands: 1, writing: 1, attention: 1 } }) { grade } }',
      );
      const error = badUserInput(body);
      expect(error.issues).toEqual([
        expect.objectContaining({
          field: 'input.ice.orientation',
          allowed: 'a whole number between 0 and 4 points (year, month, city, hospital)',
          received: 5,
        }),
      ]);
    });

    it('a concurrent CRS grade outside 0–4', async () => {
      const { body } = await call(
        `{ gradeIcans(input: { ice: ${ice(10)}, concurrentCrsGrade: 5 }) { grade } }`,
      );
      expect(badUserInput(body).issues.map((i) => [i.field, i.received])).toEqual([
        ['input.concurrentCrsGrade', 5],
      ]);
    });

    it('no ICE and nothing that decides: UNKNOWN, so the error asks for the ICE score', async () => {
      const { status, body } = await call(
        '{ gradeIcans(input: { consciousness: AWAKENS_TO_VOICE }) { grade } }',
      );
      expect(status).toBe(200);
      const error = badUserInput(body);
      expect(error.issues).toEqual([expect.objectContaining({ field: 'input.ice', received: null })]);
      expect(error.message).toContain('the other findings give at least grade 2');
    });
  });
});
