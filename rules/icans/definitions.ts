import { text } from '../core/index.ts';
import type { RuleDefinition } from '../core/index.ts';
import { ICANS_CITATIONS } from './citations.ts';

/** The ICANS rules of §7.2 (ASTCT ICE and grading, T5) with a one-line summary and their source. */
export const icansDefinitions: readonly RuleDefinition[] = [
  {
    id: 'ICE-SCORE',
    summary: text(
      'ICE评分0~10分:定向力4分、命名3分、执行指令1分、书写1分、注意力1分',
      'ICE score 0–10: orientation 4, naming 3, commands 1, writing 1, attention 1',
    ),
    citation: ICANS_CITATIONS.astctIce,
  },
  {
    id: 'ICANS-GRADE',
    summary: text(
      'ICANS分级(ASTCT):按ICE评分、意识水平、癫痫、运动障碍、颅内压升高/脑水肿中最重者分为1~4级',
      'ICANS grade (ASTCT): the most severe of ICE score, consciousness, seizure, motor findings and raised ICP / cerebral oedema',
    ),
    citation: ICANS_CITATIONS.astctGrading,
  },
  {
    id: 'ICANS-1',
    summary: text(
      '根据需要行脑电图、眼底、脑部影像学及腰椎穿刺检查;出现帕金森样等运动障碍表现时警示',
      'Evaluate with EEG, fundoscopy, brain imaging and lumbar puncture as needed; warn on parkinsonism-like movement disorders',
    ),
    citation: ICANS_CITATIONS.section,
  },
  {
    id: 'ICANS-T5-1',
    summary: text(
      '1级ICANS:支持治疗;并发CRS加托珠单抗8 mg/kg',
      'ICANS grade 1: supportive care; with concurrent CRS add tocilizumab 8 mg/kg',
    ),
    citation: ICANS_CITATIONS.management,
  },
  {
    id: 'ICANS-T5-2',
    summary: text(
      '2级ICANS:地塞米松10 mg每6 h或甲泼尼龙1 mg/kg每12 h;并发CRS加托珠单抗,并发≥2级CRS考虑转ICU',
      'ICANS grade 2: dexamethasone 10 mg q6h or methylprednisolone 1 mg/kg q12h; with CRS add tocilizumab, CRS ≥ 2 consider ICU',
    ),
    citation: ICANS_CITATIONS.management,
  },
  {
    id: 'ICANS-T5-3',
    summary: text(
      '3级ICANS:建议转ICU,地塞米松或甲泼尼龙,持续≥3级每2~3 d复查神经影像;并发CRS加托珠单抗',
      'ICANS grade 3: ICU transfer, dexamethasone or methylprednisolone, repeat neuroimaging every 2–3 days; with CRS add tocilizumab',
    ),
    citation: ICANS_CITATIONS.management,
  },
  {
    id: 'ICANS-T5-4',
    summary: text(
      '4级ICANS:ICU监护、建议机械通气,甲泼尼龙1 g/d,处理惊厥性癫痫持续状态;表5未列托珠单抗',
      'ICANS grade 4: ICU, mechanical ventilation, methylprednisolone 1 g/day, treat status epilepticus; T5 lists no tocilizumab',
    ),
    citation: ICANS_CITATIONS.management,
  },
];
