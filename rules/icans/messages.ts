/**
 * Every user-facing ICANS text (§7.2, T5, ASTCT ICE and ICANS grading) in zh-CN and English. T5
 * and §7.2 follow the consensus wording; the ASTCT grading details it does not print are
 * translated in the same style.
 */
import { text } from '../core/index.ts';
import type { LocalizedText } from '../core/index.ts';

export const messages = {
  // ---- ICE-SCORE tasks (labels for forms) ----
  iceOrientation: text(
    '定向力:年、月、城市、医院(每项1分,共4分)',
    'Orientation: year, month, city, hospital (1 point each, 4 points)',
  ),
  iceNaming: text(
    '命名:说出3种物品(如钟表、笔、纽扣;每项1分,共3分)',
    'Naming: 3 objects (e.g. clock, pen, button; 1 point each, 3 points)',
  ),
  iceFollowsCommands: text(
    '执行简单指令(如"伸出2个手指";1分)',
    'Following simple commands (e.g. "show me 2 fingers"; 1 point)',
  ),
  iceWriting: text('书写一个标准句子(1分)', 'Writing a standard sentence (1 point)'),
  iceAttention: text(
    '注意力:从100开始每次减10倒数(1分)',
    'Attention: count backwards from 100 by 10 (1 point)',
  ),

  // ---- ICANS-GRADE drivers (constant: built once, used by the hot path) ----
  ice7to9: text('ICE评分7~9分', 'ICE score 7–9'),
  ice3to6: text('ICE评分3~6分', 'ICE score 3–6'),
  ice0to2: text('ICE评分0~2分', 'ICE score 0–2'),
  consciousnessSpontaneous: text(
    '意识水平下降:可自行觉醒',
    'depressed level of consciousness: awakens spontaneously',
  ),
  consciousnessVoice: text('意识水平下降:声音可唤醒', 'depressed level of consciousness: awakens to voice'),
  consciousnessTactile: text(
    '意识水平下降:仅触觉刺激可唤醒',
    'depressed level of consciousness: awakens only to tactile stimulus',
  ),
  consciousnessUnarousable: text(
    '意识水平下降:不可唤醒,或需强烈或反复触觉刺激才能唤醒;木僵或昏迷(无法进行ICE评分)',
    'depressed level of consciousness: unarousable, or needs vigorous or repetitive tactile stimuli; stupor or coma (ICE not possible)',
  ),
  seizureRapidlyResolving: text(
    '癫痫:任何可迅速缓解的临床发作(局灶性或全身性),或经干预可缓解的脑电图非惊厥性发作',
    'seizure: any clinical seizure, focal or generalised, that resolves rapidly, or non-convulsive seizures on EEG that resolve with intervention',
  ),
  seizureProlongedOrRepetitive: text(
    '癫痫:危及生命的持续发作(> 5 min),或反复临床或脑电发作且发作间期未恢复至基线',
    'seizure: life-threatening prolonged seizure (> 5 min), or repetitive clinical or electrical seizures without return to baseline in between',
  ),
  deepFocalMotorWeakness: text(
    '运动障碍:深部局灶性运动无力,如偏瘫或截瘫',
    'motor findings: deep focal motor weakness such as hemiparesis or paraparesis',
  ),
  edemaFocal: text(
    '颅内压升高/脑水肿:神经影像学示局灶性/局部水肿',
    'raised ICP / cerebral oedema: focal/local oedema on neuroimaging',
  ),
  edemaDiffuse: text(
    '颅内压升高/脑水肿:神经影像学示弥漫性脑水肿;去大脑或去皮质强直;第VI对脑神经麻痹;视乳头水肿;或库欣三联征',
    "raised ICP / cerebral oedema: diffuse cerebral oedema on neuroimaging; decerebrate or decorticate posturing; cranial nerve VI palsy; papilloedema; or Cushing's triad",
  ),
  noFindings: text('ICE评分10分且无其他表现:无ICANS', 'ICE score 10 and no other finding: no ICANS'),
  iceNotAssessedGradeStands: text(
    '未进行ICE评分:其他表现已达 ≥ 3级,清醒患者的ICE评分不会使分级更高',
    'ICE not assessed: another domain already gives grade ≥ 3, which an ICE score of an arousable patient cannot raise',
  ),

  // ---- ICANS-1 ----
  evaluation: text(
    '神经毒性评估项目除意识、语言、书写外,根据需要及时行脑电图检查、眼底检查(评估视乳头水肿)、脑部影像学检查、腰椎穿刺术(测定颅内压)等',
    'Beyond consciousness, speech and writing, evaluate as needed: EEG, fundoscopy (papilloedema), brain imaging, lumbar puncture with opening pressure',
  ),
  movementDisorderSigns: text(
    '记录到运动障碍表现(如帕金森样表现)',
    'movement-disorder signs recorded (e.g. parkinsonism)',
  ),
  movementDisorderWarning: text(
    '警示:已记录运动障碍表现;CAR-T细胞可能诱发一些特殊的神经毒性(如帕金森样表现),需密切关注',
    'Warning: movement-disorder signs recorded; CAR-T cells can cause special neurotoxicity such as parkinsonism; watch closely',
  ),

  // ---- ICANS-T5-1..4 (T5) ----
  supportiveCare: text('支持治疗', 'Supportive care'),
  dexamethasone: text('地塞米松 10 mg,每6 h 1次,静脉滴注', 'Dexamethasone 10 mg IV every 6 h'),
  orMethylprednisolone: text(
    '或甲泼尼龙 1 mg/kg,每12 h 1次,静脉滴注',
    'Or methylprednisolone 1 mg/kg IV every 12 h',
  ),
  icuTransferRecommended: text('建议转移至ICU', 'ICU transfer recommended'),
  repeatNeuroimaging: text(
    '若ICANS持续≥3级,每2~3 d重复进行神经影像学(CT或MRI)检查',
    'If ICANS persists at grade ≥ 3, repeat neuroimaging (CT or MRI) every 2–3 days',
  ),
  icuMonitoringVentilation: text(
    'ICU监护,建议机械通气',
    'ICU monitoring; mechanical ventilation recommended',
  ),
  highDoseSteroid: text(
    '大剂量激素(甲泼尼龙 1 g/d),静脉输注',
    'High-dose steroid: methylprednisolone 1 g/day IV',
  ),
  statusEpilepticus: text(
    '参照指南治疗惊厥性癫痫持续状态患者',
    'Treat convulsive status epilepticus per guidelines',
  ),
  concurrentCrsTocilizumab: text('并发CRS的附加治疗:托珠单抗', 'Additional with concurrent CRS: tocilizumab'),
  concurrentCrsConsiderIcu: text(
    '并发≥2级 CRS:考虑将患者转移至ICU',
    'Concurrent CRS ≥ grade 2: consider ICU transfer',
  ),
  grade4NoTocilizumab: text(
    '并发CRS时4级ICANS的附加治疗同上,表5在4级未列托珠单抗',
    'With concurrent CRS, grade 4 management is the same: T5 lists no tocilizumab at grade 4',
  ),
  needsIce: (atLeastGrade: number): LocalizedText =>
    atLeastGrade === 0
      ? text(
          '需要ICE评分才能分级(目前无其他神经毒性表现)',
          'An ICE score is needed to grade (no other finding so far)',
        )
      : text(
          `需要ICE评分才能分级(其他表现目前至少为 ${atLeastGrade} 级)`,
          `An ICE score is needed to grade (other domains give at least grade ${atLeastGrade})`,
        ),
} as const;
