import type { LocalizedText } from '../core/index.ts';
import type { ApheresisOverall } from './result.ts';
import type { WashoutTreatment } from './schemas.ts';

const TREATMENT: Readonly<Record<WashoutTreatment, LocalizedText>> = {
  ANTI_T_CELL_ANTIBODY: { zh: '抗T细胞单克隆抗体', en: 'anti-T-cell monoclonal antibody' },
  DONOR_LYMPHOCYTE_INFUSION: { zh: '供者淋巴细胞输注', en: 'donor lymphocyte infusion' },
  CNS_RADIOTHERAPY: { zh: '中枢神经系统放疗', en: 'CNS radiotherapy' },
  COMBINATION_CHEMOTHERAPY: { zh: '联合化疗', en: 'combination chemotherapy' },
  LENALIDOMIDE: { zh: '来那度胺', en: 'lenalidomide' },
  BORTEZOMIB: { zh: '硼替佐米', en: 'bortezomib' },
  VINCRISTINE: { zh: '长春新碱', en: 'vincristine' },
  THERAPEUTIC_DOSE_CORTICOSTEROIDS: { zh: '治疗剂量糖皮质激素', en: 'therapeutic-dose corticosteroids' },
};

const INTERVAL: Readonly<Record<WashoutTreatment, LocalizedText>> = {
  ANTI_T_CELL_ANTIBODY: { zh: '8周', en: '8 weeks' },
  DONOR_LYMPHOCYTE_INFUSION: { zh: '8周', en: '8 weeks' },
  CNS_RADIOTHERAPY: { zh: '8周', en: '8 weeks' },
  COMBINATION_CHEMOTHERAPY: { zh: '2周', en: '2 weeks' },
  LENALIDOMIDE: { zh: '2周', en: '2 weeks' },
  BORTEZOMIB: { zh: '2周', en: '2 weeks' },
  VINCRISTINE: { zh: '1周', en: '1 week' },
  THERAPEUTIC_DOSE_CORTICOSTEROIDS: { zh: '72 h', en: '72 hours' },
};

const OVERALL: Readonly<Record<ApheresisOverall, LocalizedText>> = {
  READY: { zh: '符合淋巴细胞采集的一般要求', en: 'ready for lymphocyte collection' },
  READY_WITH_WARNINGS: { zh: '可采集,但有需要关注的事项', en: 'ready for collection, with warnings' },
  NOT_READY: { zh: '目前不符合淋巴细胞采集的一般要求', en: 'not ready for lymphocyte collection' },
  INCOMPLETE: { zh: '资料不全,尚不能完成采集前评估', en: 'incomplete: information missing' },
};

export const messages = {
  // APH-1 / APH-2
  hemoglobinMet: (value: number): LocalizedText => ({
    zh: `HGB ${value} g/L:符合>80 g/L`,
    en: `HGB ${value} g/L: meets > 80 g/L`,
  }),
  hemoglobinNotMet: (value: number): LocalizedText => ({
    zh: `HGB ${value} g/L:未达到>80 g/L`,
    en: `HGB ${value} g/L: not above 80 g/L`,
  }),
  plateletsMet: (value: number): LocalizedText => ({
    zh: `PLT ${value}×10⁹/L:符合>50×10⁹/L`,
    en: `PLT ${value} × 10⁹/L: meets > 50 × 10⁹/L`,
  }),
  plateletsNotMet: (value: number): LocalizedText => ({
    zh: `PLT ${value}×10⁹/L:未达到>50×10⁹/L`,
    en: `PLT ${value} × 10⁹/L: not above 50 × 10⁹/L`,
  }),
  cytopeniaDueToProgression: {
    zh: '若因疾病进展导致贫血或血小板减少,评估患者获益与风险,HGB和PLT基线水平不是淋巴细胞采集的绝对限制因素',
    en: 'anaemia or thrombocytopenia due to disease progression: weigh benefit and risk; baseline HGB and PLT are not absolute limits for collection',
  },
  cytopeniaCauseNeeded: {
    zh: '需要明确贫血或血小板减少是否因疾病进展所致(若是,则不是绝对限制因素)',
    en: 'needs whether the anaemia or thrombocytopenia is due to disease progression (then it is not an absolute limit)',
  },
  hemoglobinNeeded: { zh: '需要HGB', en: 'needs HGB' },
  plateletsNeeded: { zh: '需要PLT', en: 'needs PLT' },
  // APH-3
  lymphocytesMet: (alc: number | undefined, cd3: number | undefined): LocalizedText => ({
    zh: `${alc !== undefined ? `淋巴细胞绝对计数 ${alc}/μl` : ''}${alc !== undefined && cd3 !== undefined ? '、' : ''}${cd3 !== undefined ? `CD3⁺淋巴细胞 ${cd3}/μl` : ''}:符合淋巴细胞绝对计数>500/μl或CD3⁺淋巴细胞>150/μl`,
    en: `${alc !== undefined ? `ALC ${alc}/µL` : ''}${alc !== undefined && cd3 !== undefined ? ', ' : ''}${cd3 !== undefined ? `CD3⁺ ${cd3}/µL` : ''}: meets ALC > 500/µL or CD3⁺ > 150/µL`,
  }),
  lymphocytesNotMet: (alc: number, cd3: number): LocalizedText => ({
    zh: `淋巴细胞绝对计数 ${alc}/μl、CD3⁺淋巴细胞 ${cd3}/μl:未达到淋巴细胞绝对计数>500/μl或CD3⁺淋巴细胞>150/μl`,
    en: `ALC ${alc}/µL, CD3⁺ ${cd3}/µL: neither ALC > 500/µL nor CD3⁺ > 150/µL`,
  }),
  lymphocytesNeeded: {
    zh: '需要外周血淋巴细胞绝对计数或CD3⁺淋巴细胞计数(任一项符合即可)',
    en: 'needs the absolute lymphocyte count or the CD3⁺ count (either one meeting its threshold suffices)',
  },
  // APH-4
  usualYield: {
    zh: '淋巴细胞采集量一般为(60~600)×10⁶/kg',
    en: 'the usual lymphocyte collection yield is (60–600) × 10⁶/kg',
  },
  yieldWithinUsual: (value: number): LocalizedText => ({
    zh: `采集量 ${value}×10⁶/kg:在一般采集量(60~600)×10⁶/kg范围内`,
    en: `yield ${value} × 10⁶/kg: within the usual (60–600) × 10⁶/kg`,
  }),
  yieldOutsideUsual: (value: number): LocalizedText => ({
    zh: `采集量 ${value}×10⁶/kg:不在一般采集量(60~600)×10⁶/kg范围内`,
    en: `yield ${value} × 10⁶/kg: outside the usual (60–600) × 10⁶/kg`,
  }),
  // APH-5
  washoutEarliest: (treatment: WashoutTreatment, lastDoseAt: string, earliestAt: string): LocalizedText => ({
    zh: `${TREATMENT[treatment].zh}:末次 ${lastDoseAt},采集前${INTERVAL[treatment].zh}内未应用,最早可采集时间 ${earliestAt}`,
    en: `${TREATMENT[treatment].en}: last dose ${lastDoseAt}, washout ${INTERVAL[treatment].en}, earliest collection ${earliestAt}`,
  }),
  washoutNotMet: (treatment: WashoutTreatment, earliestAt: string): LocalizedText => ({
    zh: `计划采集时间早于${TREATMENT[treatment].zh}的洗脱期(${INTERVAL[treatment].zh}):最早 ${earliestAt}`,
    en: `the planned collection is within the ${TREATMENT[treatment].en} washout (${INTERVAL[treatment].en}): earliest ${earliestAt}`,
  }),
  earliestCollection: (earliestAt: string): LocalizedText => ({
    zh: `综合各药物洗脱期,最早可采集淋巴细胞时间:${earliestAt}`,
    en: `earliest lymphocyte collection respecting every washout: ${earliestAt}`,
  }),
  noWashoutRecorded: {
    zh: '未记录需洗脱的药物或治疗:无洗脱期限制',
    en: 'none of the washout treatments recorded: no washout constraint',
  },
  washoutExamples: {
    zh: 'MM患者前期接受的治疗药物可能影响CAR-T细胞的活性:采集细胞前8周内未接受抗T细胞单克隆抗体、供者淋巴细胞输注及中枢神经系统放疗;2周内未接受过联合化疗、来那度胺、硼替佐米等治疗;1周内未应用长春新碱;72 h内未应用治疗剂量糖皮质激素',
    en: 'prior myeloma treatment may impair CAR-T activity: no anti-T-cell antibody, donor lymphocyte infusion or CNS radiotherapy within 8 weeks; no combination chemotherapy, lenalidomide, bortezomib or similar within 2 weeks; no vincristine within 1 week; no therapeutic-dose corticosteroids within 72 h before collection',
  },
  washoutNeeded: {
    zh: '需要记录上述药物或治疗的末次给药时间(无则填写空列表)',
    en: 'needs the last-dose times of the washout treatments (an empty list when none was given)',
  },
  // APH-6
  manufacturingFailureRisk: (bendamustine: boolean, fludarabine: boolean): LocalizedText => ({
    zh: `既往接受过含${[...(bendamustine ? ['苯达莫司汀'] : []), ...(fludarabine ? ['氟达拉滨'] : [])].join('、')}治疗:自体CAR-T细胞制备失败的可能性增加`,
    en: `prior ${[...(bendamustine ? ['bendamustine'] : []), ...(fludarabine ? ['fludarabine'] : [])].join(' and ')}: higher risk of autologous CAR-T manufacturing failure`,
  }),
  noManufacturingRisk: {
    zh: '既往未接受含苯达莫司汀或氟达拉滨治疗',
    en: 'no prior bendamustine or fludarabine',
  },
  manufacturingRiskNeeded: {
    zh: '需要明确既往是否接受过含苯达莫司汀或氟达拉滨的治疗',
    en: 'needs whether bendamustine or fludarabine was given before',
  },
  // APH-7
  earlyCollection: {
    zh: '鉴于前期治疗线数及部分药物可能会影响CAR-T细胞活性,对于高危或需要应用来那度胺治疗的患者,可考虑提前采集淋巴细胞以备用',
    en: 'as prior lines and some drugs may impair CAR-T activity, high-risk patients or those who will need lenalidomide may have lymphocytes collected early and stored',
  },
  earlyCollectionIndicated: (highRisk: boolean, lenalidomide: boolean): LocalizedText => ({
    zh: `${[...(highRisk ? ['高危患者'] : []), ...(lenalidomide ? ['需要应用来那度胺治疗'] : [])].join('、')}:可考虑提前采集淋巴细胞以备用`,
    en: `${[...(highRisk ? ['high-risk patient'] : []), ...(lenalidomide ? ['lenalidomide needed'] : [])].join(', ')}: consider collecting lymphocytes early and storing them`,
  }),
  earlyCollectionNotIndicated: {
    zh: '非高危且无需应用来那度胺:无需提前采集',
    en: 'not high risk and no lenalidomide needed: no early collection needed',
  },
  overall: (overall: ApheresisOverall): LocalizedText => OVERALL[overall],
} as const;
