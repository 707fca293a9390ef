import type { LocalizedText } from '../core/index.ts';
import type { CostimulatoryDomain } from './schemas.ts';

export const messages = {
  salvage: {
    zh: 'CAR-T细胞治疗后复发的治疗可参照《中国多发性骨髓瘤诊治指南(2022年修订)》,包括临床试验、既往敏感的药物和未使用的新药或新的联合治疗方案',
    en: 'treat relapse after CAR-T per the 2022 Chinese myeloma guideline: clinical trials, previously effective drugs, and new drugs or combinations not yet used',
  },
  secondCarT: {
    zh: '二次CAR-T细胞治疗也值得临床尝试,但需要基于以下考虑',
    en: 'a second CAR-T may be tried, with the following considerations',
  },
  antigenPositiveAfterMurine: {
    zh: '靶抗原阳性复发:首次接受鼠源性BCMA CAR-T复发后可选择人源化或全人源BCMA CAR-T或双靶点联合,也可选择其他可检测到的靶点',
    en: 'antigen-positive relapse after a murine BCMA CAR-T: a humanised or fully human BCMA CAR-T, a dual-target CAR-T, or another detectable target',
  },
  antigenPositive: {
    zh: '靶抗原阳性复发:可选择人源化或全人源BCMA CAR-T(如首次为鼠源性)或双靶点联合,也可选择其他可检测到的靶点',
    en: 'antigen-positive relapse: a humanised or fully human BCMA CAR-T (e.g. after a murine one), a dual-target CAR-T, or another detectable target',
  },
  antigenReduced: {
    zh: '靶抗原表达降低复发:可选择联合γ分泌酶抑制剂',
    en: 'relapse with reduced antigen expression: add a γ-secretase inhibitor',
  },
  antigenNegative: {
    zh: '靶抗原阴性复发:只能选择可检测到的其他靶抗原',
    en: 'antigen-negative relapse: only another detectable target antigen',
  },
  antigenUnknown: {
    zh: '靶抗原表达情况未知:建议评估BCMA表达及其他靶点(GPRC5D、CS1、CD19等)的表达情况,以决定二次CAR-T的靶点',
    en: 'target antigen status unknown: assess BCMA and other targets (GPRC5D, CS1, CD19) to choose the target of a second CAR-T',
  },
  switchCostimulationAntigenPositive: {
    zh: '靶抗原阳性复发:可更换不同共刺激分子的CAR-T细胞(CD28 ↔ 4-1BB)',
    en: 'antigen-positive relapse: switch to a CAR-T with a different co-stimulatory domain (CD28 ↔ 4-1BB)',
  },
  switchCostimulationAntigenNegative: {
    zh: '靶抗原阴性复发:更换不同共刺激分子的CAR-T细胞(CD28 ↔ 4-1BB)只能与其他可检测到的靶抗原联合,不能再针对原靶点',
    en: 'antigen-negative relapse: a different co-stimulatory domain (CD28 ↔ 4-1BB) only combined with another detectable target antigen, never against the same target',
  },
  switchCostimulation: {
    zh: '更换不同共刺激分子的CAR-T细胞(CD28 ↔ 4-1BB):适用于靶抗原阳性复发;靶抗原阴性时只能与其他可检测到的靶抗原联合,不能再针对原靶点',
    en: 'switch to a CAR-T with a different co-stimulatory domain (CD28 ↔ 4-1BB): for antigen-positive relapse; when antigen-negative only combined with another detectable target, never against the same target',
  },
  /** "<switch advice>; prior CD28, consider 4-1BB". */
  switchCostimulationFrom: (
    advice: LocalizedText,
    prior: CostimulatoryDomain,
    other: CostimulatoryDomain,
  ): LocalizedText => ({
    zh: `${advice.zh};既往为${prior},可选择${other}`,
    en: `${advice.en}; prior ${prior}, consider ${other}`,
  }),
  poorPersistence: {
    zh: '对于CAR-T细胞在体内持续时间短或扩增差的患者,首先评估患者T细胞和CAR-T细胞功能或是否存在影响T细胞活性的因素,可延长洗脱期或尝试非自体CAR-T细胞',
    en: 'short persistence or poor expansion: first evaluate T-cell and CAR-T function and anything suppressing T cells; consider a longer washout or a non-autologous CAR-T',
  },
} as const;
