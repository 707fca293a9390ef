import { describe, expect, it } from 'vitest';
import { RulesInputError } from '../core/index.ts';
import type { FindingCourse } from './schemas.ts';
import { evaluateHlhCheck } from './hlh.ts';

const INTERVENTION = '2026-03-01T08:00:00Z';
const check = (
  assessedAt: string,
  fever: FindingCourse = 'NOT_IMPROVED',
  endOrganToxicity: FindingCourse = 'NOT_PRESENT',
) => evaluateHlhCheck({ firstLineInterventionAt: INTERVENTION, assessedAt, fever, endOrganToxicity });

describe('CRS-HLH 12 h boundary (≥ 12 h fires)', () => {
  it.each([
    ['2026-03-01T19:59:00Z', 'RECHECK'],
    ['2026-03-01T19:59:59.999Z', 'RECHECK'],
    ['2026-03-01T20:00:00Z', 'SUSPECTED'],
    ['2026-03-01T20:01:00Z', 'SUSPECTED'],
  ])(
    'CRS-HLH: fever not improved, assessed at %s (11:59 / 12:00 / 12:01 after) → %s',
    (assessedAt, expected) => {
      expect(check(assessedAt).outcome.status).toBe(expected);
    },
  );

  it('CRS-HLH: before 12 h the recheck time is exactly 12 h after the intervention', () => {
    const { outcome, recommendations } = check('2026-03-01T19:59:00Z');
    expect(outcome).toEqual({
      status: 'RECHECK',
      hoursSinceIntervention: 11.98,
      recheckAt: '2026-03-01T20:00:00.000Z',
    });
    expect(recommendations[0]?.text.en).toContain('2026-03-01T20:00:00.000Z');
  });

  it('CRS-HLH: the alert names HLH/MAS in the consensus wording', () => {
    const { recommendations, citations } = check('2026-03-01T20:00:00Z');
    expect(recommendations[0]?.text.zh).toContain('噬血细胞性淋巴组织细胞增生症/巨噬细胞活化综合征(HLH/MAS)');
    expect(citations).toEqual([{ section: '§7.1', source: 'cn-mm-cart-2022' }]);
  });
});

describe('CRS-HLH which findings count', () => {
  it.each<[FindingCourse, FindingCourse, string]>([
    ['NOT_IMPROVED', 'NOT_PRESENT', 'SUSPECTED'],
    ['IMPROVED', 'NOT_IMPROVED', 'SUSPECTED'],
    ['NOT_PRESENT', 'NOT_IMPROVED', 'SUSPECTED'],
    ['IMPROVED', 'IMPROVED', 'NOT_SUSPECTED'],
    ['IMPROVED', 'NOT_PRESENT', 'NOT_SUSPECTED'],
    ['NOT_PRESENT', 'NOT_PRESENT', 'NOT_SUSPECTED'],
  ])('CRS-HLH: fever %s, end-organ toxicity %s at 13 h → %s', (fever, endOrgan, expected) => {
    expect(check('2026-03-01T21:00:00Z', fever, endOrgan).outcome.status).toBe(expected);
  });

  it('CRS-HLH: improvement before 12 h is not an alert and needs no recheck', () => {
    expect(check('2026-03-01T10:00:00Z', 'IMPROVED', 'IMPROVED').outcome.status).toBe('NOT_SUSPECTED');
  });

  it('CRS-HLH: an assessment before the intervention is invalid input', () => {
    expect(() => check('2026-03-01T07:59:00Z')).toThrow(RulesInputError);
  });

  it('CRS-HLH: an unknown course value names the allowed ones', () => {
    try {
      evaluateHlhCheck({
        firstLineInterventionAt: INTERVENTION,
        assessedAt: INTERVENTION,
        fever: 'WORSE',
        endOrganToxicity: 'NOT_PRESENT',
      });
      expect.unreachable();
    } catch (error) {
      expect((error as RulesInputError).issues[0]?.allowed).toBe(
        'one of NOT_PRESENT, IMPROVED, NOT_IMPROVED',
      );
    }
  });
});
