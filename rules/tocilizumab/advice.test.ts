import { describe, expect, it } from 'vitest';
import { DEFAULT_RULES_CONFIG, cite, text } from '../core/index.ts';
import { tocilizumabAdvice } from './advice.ts';

const CITATION = cite('§7.2 T5');
const LEAD = text('并发CRS的附加治疗:托珠单抗', 'Additional with concurrent CRS: tocilizumab');
const advise = (context: Parameters<typeof tocilizumabAdvice>[3]) =>
  tocilizumabAdvice('ICANS-T5-2', CITATION, LEAD, context, DEFAULT_RULES_CONFIG);

describe('TOCI-1 advice for this patient', () => {
  it('TOCI-1: with weight, the caller rule carries the dose; limits not checked without history', () => {
    const { recommendation, timing } = advise({ weightKg: 81 });
    expect(recommendation.ruleId).toBe('ICANS-T5-2');
    expect(recommendation.dose?.mg).toBe(648);
    expect(recommendation.citation).toEqual(CITATION);
    expect(recommendation.text.en).toContain(
      'limits (≥ 8 h apart, 24-hour limit, at most 4 in total) not checked',
    );
    expect(timing).toBeNull();
  });

  it('TOCI-1: without weight, the advice names weightKg and carries no dose', () => {
    const { recommendation } = advise({ assessedAt: '2026-03-01T10:00:00Z', previousTocilizumabDoses: [] });
    expect(recommendation.dose).toBeUndefined();
    expect(recommendation.text.en).toContain('needs weightKg');
    expect(recommendation.text.en).toContain('allowed now (0 of at most 4 doses');
  });

  it('TOCI-2: a dose 7 h ago blocks the advice with the TOCI-2 rule id', () => {
    const { recommendation, citations } = advise({
      weightKg: 70,
      assessedAt: '2026-03-01T10:00:00Z',
      previousTocilizumabDoses: ['2026-03-01T03:00:00Z'],
    });
    expect(recommendation.ruleId).toBe('TOCI-2');
    expect(recommendation.dose).toBeUndefined();
    expect(recommendation.text.zh).toContain('现在不可给药');
    expect(citations).toEqual([CITATION, cite('§7.1 T4')]);
  });

  it('TOCI-3: the advice notes the printed 24-hour limit', () => {
    expect(advise({ weightKg: 70 }).notes.map((n) => n.ruleId)).toEqual(['TOCI-3']);
  });

  it('TOCI-4: once the limits are checked against a history, the advice notes the span of the total', () => {
    const { notes } = advise({
      weightKg: 70,
      assessedAt: '2026-03-01T10:00:00Z',
      previousTocilizumabDoses: [],
    });
    expect(notes.map((n) => n.ruleId)).toEqual(['TOCI-3', 'TOCI-4']);
    expect(notes[1]?.text.zh).toContain('总次数不得超过4次');
  });
});
