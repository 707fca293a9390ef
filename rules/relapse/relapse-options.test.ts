import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { localizationProblems, renderMessages } from '../core/index.ts';
import type { MessageSamples } from '../core/index.ts';
import { CAR_ORIGINS } from '../indications/index.ts';
import { definitions } from './definitions.ts';
import { messages } from './messages.ts';
import { RELAPSE_OPTION_IDS, relapseOptions } from './relapse-options.ts';
import { ANTIGEN_STATUSES, COSTIMULATORY_DOMAINS } from './schemas.ts';

describe('REL-1 options by antigen status', () => {
  it.each([
    ['POSITIVE', ['REL-1', 'REL-1.1', 'REL-1.4'], []],
    ['REDUCED', ['REL-1', 'REL-1.2', 'REL-1.4'], []],
    ['NEGATIVE', ['REL-1', 'REL-1.3', 'REL-1.4'], []],
    ['UNKNOWN', ['REL-1', 'REL-1.4'], ['antigenStatus']],
    [undefined, ['REL-1', 'REL-1.4'], ['antigenStatus']],
  ] as const)('REL-1: antigen %s → %j', (antigenStatus, options, needs) => {
    const { outcome } = relapseOptions(antigenStatus === undefined ? {} : { antigenStatus });
    expect(outcome.options).toEqual(options);
    expect(outcome.needs).toEqual(needs);
  });

  it('REL-1.1: antigen-positive after a murine CAR → humanised or fully human BCMA CAR-T', () => {
    const result = relapseOptions({ antigenStatus: 'POSITIVE', priorCarOrigin: 'MURINE' });
    expect(result.recommendations.find((r) => r.ruleId === 'REL-1.1')?.text.zh).toBe(
      '靶抗原阳性复发:首次接受鼠源性BCMA CAR-T复发后可选择人源化或全人源BCMA CAR-T或双靶点联合,也可选择其他可检测到的靶点',
    );
  });

  it('REL-1.3: antigen-negative offers only another detectable target (no BCMA CAR-T option)', () => {
    const texts = relapseOptions({ antigenStatus: 'NEGATIVE' }).recommendations.map((r) => r.text.en);
    expect(texts.join()).toContain('only another detectable target antigen');
    expect(texts.join()).not.toContain('fully human BCMA');
  });

  it.each([
    ['CD28', '4-1BB'],
    ['4-1BB', 'CD28'],
  ] as const)('REL-1.4: prior %s → switch to %s', (priorCostimulatoryDomain, other) => {
    const option = relapseOptions({
      antigenStatus: 'POSITIVE',
      priorCostimulatoryDomain,
    }).recommendations.find((r) => r.ruleId === 'REL-1.4');
    expect(option?.text.en).toBe(
      `antigen-positive relapse: switch to a CAR-T with a different co-stimulatory domain (CD28 ↔ 4-1BB); prior ${priorCostimulatoryDomain}, consider ${other}`,
    );
  });

  const switchText = (input: Parameters<typeof relapseOptions>[0]) =>
    relapseOptions(input).recommendations.find((r) => r.ruleId === 'REL-1.4')?.text;

  it('REL-1.4: antigen-positive relapse → co-stimulatory switch, the same target allowed', () => {
    const text = switchText({ antigenStatus: 'POSITIVE' });
    expect(text?.en).toBe(
      'antigen-positive relapse: switch to a CAR-T with a different co-stimulatory domain (CD28 ↔ 4-1BB)',
    );
    expect(text?.en).not.toContain('never');
  });

  it('REL-1.4: antigen-negative relapse → switch only combined with ANOTHER target, never the same target', () => {
    const text = switchText({ antigenStatus: 'NEGATIVE', priorCostimulatoryDomain: 'CD28' });
    expect(text?.en).toBe(
      'antigen-negative relapse: a different co-stimulatory domain (CD28 ↔ 4-1BB) only combined with another detectable target antigen, never against the same target; prior CD28, consider 4-1BB',
    );
    expect(text?.zh).toContain('只能与其他可检测到的靶抗原联合,不能再针对原靶点');
  });

  it.each([['REDUCED'], ['UNKNOWN'], [undefined]] as const)(
    'REL-1.4: antigen status %s → both conditions stated (positive: switch; negative: only with another target)',
    (antigenStatus) => {
      const text = switchText(antigenStatus === undefined ? {} : { antigenStatus });
      expect(text?.en).toContain('for antigen-positive relapse');
      expect(text?.en).toContain('when antigen-negative only combined with another detectable target');
    },
  );

  it('REL-1.5: poor persistence → evaluate T-cell function first; longer washout or non-autologous', () => {
    const result = relapseOptions({ antigenStatus: 'POSITIVE', poorPersistenceOrExpansion: true });
    expect(result.outcome.options).toContain('REL-1.5');
    expect(result.recommendations.at(-1)?.text.zh).toContain('可延长洗脱期或尝试非自体CAR-T细胞');
    expect(
      relapseOptions({ antigenStatus: 'POSITIVE', poorPersistenceOrExpansion: false }).outcome.options,
    ).not.toContain('REL-1.5');
  });

  it('REL-1: property: options in consensus order, always REL-1 and REL-1.4, at most one antigen option; bilingual; cites §9', () => {
    fc.assert(
      fc.property(
        fc.option(fc.constantFrom(...ANTIGEN_STATUSES), { nil: undefined }),
        fc.option(fc.constantFrom(...CAR_ORIGINS), { nil: undefined }),
        fc.option(fc.constantFrom(...COSTIMULATORY_DOMAINS), { nil: undefined }),
        fc.option(fc.boolean(), { nil: undefined }),
        (antigenStatus, priorCarOrigin, priorCostimulatoryDomain, poorPersistenceOrExpansion) => {
          const result = relapseOptions({
            antigenStatus,
            priorCarOrigin,
            priorCostimulatoryDomain,
            poorPersistenceOrExpansion,
          });
          const { options } = result.outcome;
          expect(options).toEqual(RELAPSE_OPTION_IDS.filter((id) => options.includes(id)));
          expect(options).toContain('REL-1');
          expect(options).toContain('REL-1.4');
          expect(
            options.filter((id) => ['REL-1.1', 'REL-1.2', 'REL-1.3'].includes(id)).length,
          ).toBeLessThanOrEqual(1);
          expect(result.citations).toEqual([{ section: '§9', source: 'cn-mm-cart-2022' }]);
          expect(localizationProblems(result)).toEqual([]);
        },
      ),
    );
  });
});

describe('relapse messages and definitions', () => {
  it('REL-1: every message has Chinese zh and non-empty en', () => {
    const samples: MessageSamples<typeof messages> = {
      salvage: null,
      secondCarT: null,
      antigenPositiveAfterMurine: null,
      antigenPositive: null,
      antigenReduced: null,
      antigenNegative: null,
      antigenUnknown: null,
      switchCostimulationAntigenPositive: null,
      switchCostimulationAntigenNegative: null,
      switchCostimulation: null,
      switchCostimulationFrom: [
        [messages.switchCostimulationAntigenPositive, 'CD28', '4-1BB'],
        [messages.switchCostimulationAntigenNegative, '4-1BB', 'CD28'],
      ],
      poorPersistence: null,
    };
    expect(localizationProblems(renderMessages(messages, samples))).toEqual([]);
  });
  it('REL-1: define REL-1 and REL-1.1 … REL-1.5 citing §9', () => {
    expect(definitions.map((d) => d.id)).toEqual([...RELAPSE_OPTION_IDS]);
    expect(definitions.every((d) => d.citation.section === '§9')).toBe(true);
    expect(localizationProblems(definitions)).toEqual([]);
  });
});
