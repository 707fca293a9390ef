import { cite } from '../core/index.ts';
import type { RuleDefinition } from '../core/index.ts';

/** ELIG-1 … ELIG-13: pre-treatment eligibility (§1, §2.3). */
export const definitions: readonly RuleDefinition[] = [
  {
    id: 'ELIG-1',
    summary: {
      zh: 'KPS≥50分或ECOG评分≤2分;无更好治疗选择或ABECMA时不是绝对禁忌',
      en: 'KPS ≥ 50 or ECOG ≤ 2; relative, not absolute, with no better option or with ABECMA',
    },
    citation: cite('§1.1'),
  },
  {
    id: 'ELIG-2',
    summary: {
      zh: 'LVEF≥50%(ide-cel为≥45%,即bb2121试验的入组标准)',
      en: "LVEF ≥ 50 % (≥ 45 % for ide-cel, the bb2121 trial's criterion)",
    },
    citation: cite('§1.1'),
  },
  {
    id: 'ELIG-3',
    summary: {
      zh: '心肌淀粉样变性或房颤:即使LVEF正常,心血管事件风险增加,需要更多关注',
      en: 'cardiac amyloidosis or atrial fibrillation: higher cardiovascular risk even with normal LVEF (warning)',
    },
    citation: cite('§2.3'),
  },
  {
    id: 'ELIG-4',
    summary: { zh: 'ALT、AST水平<3倍正常范围上限', en: 'ALT and AST each < 3 × ULN' },
    citation: cite('§1.1'),
  },
  {
    id: 'ELIG-5',
    summary: {
      zh: '总胆红素低于可配置界值(默认34.2 μmol/L;原文印为<0.2 g/L)',
      en: 'total bilirubin below a configurable limit (default 34.2 µmol/L; printed "< 0.2 g/L")',
    },
    citation: cite('§1.1'),
  },
  {
    id: 'ELIG-6',
    summary: { zh: '室内空气中血氧饱和度≥92%', en: 'SpO2 ≥ 92 % on room air' },
    citation: cite('§1.1'),
  },
  { id: 'ELIG-7', summary: { zh: '无活动性感染', en: 'no active infection' }, citation: cite('§1.1') },
  {
    id: 'ELIG-8',
    summary: { zh: '预计生存期>12周', en: 'expected survival > 12 weeks' },
    citation: cite('§1.1'),
  },
  {
    id: 'ELIG-9',
    summary: {
      zh: '排除标准:妊娠/哺乳/半年内计划妊娠、传染性疾病、生命体征不正常或不能配合、精神心理疾病、产品成分过敏、重要脏器明显功能障碍',
      en: 'exclusions: pregnancy or breast-feeding, transmissible disease, abnormal vital signs or unable to cooperate, psychiatric illness, allergy to the product, vital-organ dysfunction',
    },
    citation: cite('§1.1'),
  },
  {
    id: 'ELIG-10',
    summary: {
      zh: '肾功能异常非CAR-T细胞治疗的禁忌证(仅提示)',
      en: 'renal impairment is not a contraindication (information only)',
    },
    citation: cite('§2.3'),
  },
  {
    id: 'ELIG-11',
    summary: {
      zh: 'HBsAg或HBcAb阳性:抗病毒预防及HBV DNA监测',
      en: 'HBsAg or HBcAb positive: antiviral prophylaxis and HBV DNA monitoring',
    },
    citation: cite('§2.3'),
  },
  {
    id: 'ELIG-12',
    summary: {
      zh: '体内有外源性植入物:需警惕局部和全身感染',
      en: 'foreign implants: watch for local and systemic infection',
    },
    citation: cite('§2.3'),
  },
  {
    id: 'ELIG-13',
    summary: {
      zh: '晚期复发或使用过BCMA靶点治疗:评估BCMA及其他靶点表达',
      en: 'late relapse or prior BCMA therapy: test BCMA and other target expression',
    },
    citation: cite('§1.2'),
  },
];
