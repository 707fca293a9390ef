import { describe, expect, it } from 'vitest';
import { localizationProblems, renderMessages } from '../core/index.ts';
import type { MessageSamples } from '../core/index.ts';
import { messages } from './messages.ts';
import { ELIGIBILITY_EXCLUSIONS, FOREIGN_IMPLANTS } from './schemas.ts';

/** Every message, with every function rendered for representative arguments (the type forces full coverage). */
const samples: MessageSamples<typeof messages> = {
  performanceStatusMet: [
    [60, undefined],
    [undefined, 1],
    [60, 1],
  ],
  performanceStatusNotMet: [
    [40, undefined],
    [undefined, 3],
    [40, 3],
  ],
  performanceStatusRelativeNoBetterOption: null,
  performanceStatusRelativeIdeCel: null,
  performanceStatusNeedsScore: null,
  performanceStatusNeedsContext: null,
  lvefMet: [[55, 50]],
  lvefNotMet: [[40, 45]],
  lvefIdeCelThreshold: null,
  lvefNeedsProduct: [[47]],
  lvefNeeded: null,
  cardiacRiskPresent: [
    [true, false],
    [false, true],
    [true, true],
  ],
  cardiacRiskAbsent: null,
  cardiacRiskNeeded: null,
  transaminasesMet: [[20, 25, 120, 105]],
  transaminaseNotMet: [
    ['ALT', 130, 120],
    ['AST', 200, 105],
  ],
  transaminasesNeeded: null,
  bilirubinMet: [[12, 34.2]],
  bilirubinNotMet: [[40, 34.2]],
  bilirubinConverted: [[2, 34.2]],
  bilirubinPrintedValue: [[34.2, '< 0.2 g/L']],
  bilirubinNeeded: null,
  spo2Met: [[95]],
  spo2NotMet: [[90]],
  spo2Needed: null,
  activeInfection: null,
  activeInfectionAdvice: null,
  noActiveInfection: null,
  activeInfectionNeeded: null,
  survivalMet: [[20]],
  survivalNotMet: [[8]],
  survivalNeeded: null,
  exclusion: ELIGIBILITY_EXCLUSIONS.map((exclusion) => [exclusion]),
  noExclusion: null,
  exclusionsNeeded: null,
  renalImpairmentInfo: null,
  noRenalImpairment: null,
  hbvMarkerPositive: [
    [true, false],
    [false, true],
    [true, true],
  ],
  hbvAdvice: null,
  hbvNegative: null,
  hbvNeeded: null,
  implantsPresent: [[FOREIGN_IMPLANTS]],
  noImplants: null,
  implantsNeeded: null,
  bcmaLossRisk: [
    [true, false],
    [false, true],
    [true, true],
  ],
  targetExpressionAdvice: null,
  targetExpressionAssessed: null,
  noBcmaLossRisk: null,
  bcmaLossRiskNeeded: null,
  overall: [['ELIGIBLE'], ['ELIGIBLE_WITH_WARNINGS'], ['NOT_ELIGIBLE'], ['INCOMPLETE']],
};

describe('eligibility messages', () => {
  it('every message has Chinese zh and non-empty en', () => {
    const rendered = renderMessages(messages, samples);
    expect(Object.keys(rendered).length).toBeGreaterThanOrEqual(Object.keys(messages).length);
    expect(localizationProblems(rendered)).toEqual([]);
  });

  it('keeps the consensus wording', () => {
    expect(messages.renalImpairmentInfo.zh).toBe(
      '肾功能异常非CAR-T细胞治疗的禁忌证,但可耐受CAR-T细胞治疗的最低肾小球滤过率和最高血肌酐界值仍需进一步探索',
    );
    expect(messages.exclusion('ALLERGY_TO_PRODUCT_COMPONENT').zh).toBe(
      '应排除:对CAR-T细胞产品中任何一种有效成分有过敏史者',
    );
  });
});
