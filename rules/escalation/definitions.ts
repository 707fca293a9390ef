import { text } from '../core/index.ts';
import type { RuleDefinition } from '../core/index.ts';
import { ESCALATION_CITATION } from './levels.ts';

/** The escalation rows (product design); each trigger also cites its clinical rule. */
export const escalationDefinitions: readonly RuleDefinition[] = [
  {
    id: 'ESC-CRS2',
    summary: text(
      'CRS升至2级(包括CRS-G6低氧需要吸氧):紧急,通知值班医师',
      'CRS grade rises to 2 (including CRS-G6, hypoxia requiring oxygen): urgent, notify the on-call physician',
    ),
  },
  {
    id: 'ESC-CRS3',
    summary: text(
      'CRS ≥ 3级:危急,立即医师评估并评估转ICU',
      'CRS grade ≥ 3: critical, immediate physician review, ICU evaluation',
    ),
  },
  {
    id: 'ESC-ICANS2',
    summary: text(
      'ICANS ≥ 2级并发 ≥ 2级CRS:危急,考虑转ICU',
      'ICANS ≥ 2 with concurrent CRS ≥ 2: critical, consider ICU transfer',
    ),
  },
  {
    id: 'ESC-ICANS3',
    summary: text('ICANS ≥ 3级:危急,建议转ICU', 'ICANS ≥ 3: critical, ICU transfer recommended'),
  },
  {
    id: 'ESC-SUSPECT',
    summary: text(
      '输注后出现CRS-S1表现(21天内或迟发):紧急',
      'A CRS-S1 sign after infusion (within 21 days, or late): urgent',
    ),
  },
  {
    id: 'ESC-HLH',
    summary: text(
      '一线干预后12 h无改善,警惕HLH/MAS:危急',
      'No improvement 12 h after first-line intervention, HLH/MAS: critical',
    ),
  },
  {
    id: 'ESC-TOCI',
    summary: text(
      '托珠单抗达次数上限或请求过早:紧急',
      'Tocilizumab limit reached or requested too soon: urgent',
    ),
  },
  {
    id: 'ESC-DOSE',
    summary: text(
      '记录的剂量高于计算剂量或上限,或给药途径不符,并填写了超越理由(TOCI-5):紧急',
      'A dose recorded above the computed dose or cap, or by a wrong route, with an override reason (TOCI-5): urgent',
    ),
  },
  {
    id: 'ESC-VITALS',
    summary: text(
      'CRS进行中超过4 h未记录生命体征:紧急',
      'Active CRS and no vital signs for more than 4 h: urgent',
    ),
  },
  {
    id: 'ESC-INF',
    summary: text(
      '计划输注距预处理结束超过7 d:警告',
      'Infusion planned more than 7 days after lymphodepletion: warning',
    ),
  },
  {
    id: 'ESC-IGG',
    summary: text(
      'IgG结果需丙种球蛋白替代(IG-2、IG-3):警告',
      'IgG result needing IVIG (IG-2, IG-3): warning',
    ),
  },
].map((definition) => ({ ...definition, citation: ESCALATION_CITATION }));
