import { text } from '../core/index.ts';
import type { RuleDefinition } from '../core/index.ts';
import { TOCILIZUMAB_CITATION } from './check.ts';

/** The tocilizumab rules of the T4 note. */
export const tocilizumabDefinitions: readonly RuleDefinition[] = [
  {
    id: 'TOCI-1',
    summary: text(
      '托珠单抗8 mg/kg(实际体重),单次剂量不超过800 mg,静脉滴注时间大于1 h',
      'Tocilizumab 8 mg/kg actual body weight, single dose ≤ 800 mg, IV over more than 1 h',
    ),
    citation: TOCILIZUMAB_CITATION,
  },
  {
    id: 'TOCI-2',
    summary: text('控制不佳者可8 h后再次使用', 'If poorly controlled, may repeat after ≥ 8 h'),
    citation: TOCILIZUMAB_CITATION,
  },
  {
    id: 'TOCI-3',
    summary: text(
      '任意24 h内不超过3次(可配置;共识印为4次)',
      'At most 3 doses in any 24-hour window (configurable; the consensus prints 4)',
    ),
    citation: TOCILIZUMAB_CITATION,
  },
  {
    id: 'TOCI-4',
    summary: text(
      '总次数不得超过4次:按每个CRS病程计(可配置为整个疗程;共识未说明计数范围)',
      'At most 4 doses in total, per CRS episode (configurable: per episode or per course; the consensus prints no span)',
    ),
    citation: TOCILIZUMAB_CITATION,
  },
];
