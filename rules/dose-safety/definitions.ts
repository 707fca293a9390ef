import { cite, text } from '../core/index.ts';
import type { RuleDefinition } from '../core/index.ts';

/** TOCI-5: dose plausibility of a recorded dose (T4 note, and the T4/T5 steroid doses). */
export const doseSafetyDefinitions: readonly RuleDefinition[] = [
  {
    id: 'TOCI-5',
    summary: text(
      '剂量合理性:托珠单抗高于8 mg/kg × 体重(取整)或800 mg,或非静脉给药,须填写超越理由方可记录(记录后发出ESC-DOSE并保存理由);规则计算剂量的激素(表4/表5)同样适用',
      'Dose plausibility: tocilizumab above 8 mg/kg × weight (rounded) or 800 mg, or not IV, is refused without an override reason (with one: ESC-DOSE, reason kept); the same for the T4/T5 steroids',
    ),
    citation: cite('§7.1 T4'),
  },
];
