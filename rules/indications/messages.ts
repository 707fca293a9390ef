import type { LocalizedText } from '../core/index.ts';
import type { CarOrigin } from './schemas.ts';

const ORIGIN: Readonly<Record<CarOrigin, LocalizedText>> = {
  MURINE: { zh: '鼠源', en: 'murine' },
  HUMANISED: { zh: '人源化', en: 'humanised' },
  FULLY_HUMAN: { zh: '全人源', en: 'fully human' },
};

export type IndicationCriterion =
  'adult' | 'priorLines' | 'immunomodulatory' | 'proteasomeInhibitor' | 'antiCd38';

const CRITERION: Readonly<Record<IndicationCriterion, LocalizedText>> = {
  adult: { zh: '成人', en: 'adult' },
  priorLines: { zh: '既往接受过四线及以上治疗', en: '≥ 4 prior lines of therapy' },
  immunomodulatory: { zh: '接受过免疫调节剂', en: 'prior immunomodulatory drug' },
  proteasomeInhibitor: { zh: '接受过蛋白酶体抑制剂', en: 'prior proteasome inhibitor' },
  antiCd38: { zh: '接受过抗CD38单克隆抗体', en: 'prior anti-CD38 monoclonal antibody' },
};

export const messages = {
  // IND-1
  onLabel: {
    zh: '符合商品化CAR-T(ABECMA, ide-cel)在美国批准的适应证:既往接受过四线及以上治疗(包括免疫调节剂、蛋白酶体抑制剂及抗CD38单克隆抗体)的成人RRMM',
    en: 'meets the US indication of commercial ide-cel (ABECMA): adult RRMM after ≥ 4 prior lines including an immunomodulatory drug, a proteasome inhibitor and an anti-CD38 monoclonal antibody',
  },
  criterionNotMet: (criterion: IndicationCriterion): LocalizedText => ({
    zh: `不符合ABECMA适应证:未满足"${CRITERION[criterion].zh}"`,
    en: `outside the ABECMA indication: not ${CRITERION[criterion].en}`,
  }),
  clinicalTrial: {
    zh: '考虑参加临床试验,具体入组和排除标准见各临床试验注册信息',
    en: 'consider a clinical trial; entry and exclusion criteria are in each trial registration',
  },
  trialPopulations: {
    zh: '目前开展的临床试验大多数针对RRMM,其中包括伴高危细胞遗传学异常、髓外病变及浆细胞白血病的患者',
    en: 'current trials mostly enrol RRMM, including patients with high-risk cytogenetics, extramedullary disease and plasma-cell leukaemia',
  },
  labelNeeds: {
    zh: '判断ABECMA适应证需要:年龄、既往治疗线数及免疫调节剂、蛋白酶体抑制剂、抗CD38单克隆抗体暴露史',
    en: 'the ABECMA indication needs age, the number of prior lines and exposure to an immunomodulatory drug, a proteasome inhibitor and an anti-CD38 antibody',
  },
  usLabelNote: {
    zh: 'ABECMA为鼠源的抗BCMA CAR-T,适应证为美国批准的适应证(2021年3月FDA批准)',
    en: 'ABECMA is a murine anti-BCMA CAR-T; the indication is the US label (FDA approval, March 2021)',
  },
  // IND-2
  origin: (origin: CarOrigin): LocalizedText => ({
    zh: `${ORIGIN[origin].zh}CAR-T细胞`,
    en: `${ORIGIN[origin].en} CAR-T cells`,
  }),
  humanisedLowerImmunogenicity: {
    zh: '人源化和全人源CAR-T细胞降低了免疫原性,可能延长CAR-T细胞在体内的存留时间',
    en: 'humanised and fully human CAR-T cells have lower immunogenicity and may persist longer in the body',
  },
  noHeadToHead: {
    zh: '目前尚无头对头比较鼠源与人源化或全人源CAR-T细胞的临床疗效研究',
    en: 'no head-to-head clinical study has compared murine with humanised or fully human CAR-T cells',
  },
  originUnknown: { zh: 'CAR的来源未提供', en: 'CAR origin not given' },
} as const;
