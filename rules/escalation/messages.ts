/** Every user-facing escalation text (alerts to the on-call channel) in zh-CN and English. */
import { text } from '../core/index.ts';
import type { LocalizedText } from '../core/index.ts';
import type { DoseProblemCode } from '../dose-safety/plausibility.ts';

/** TOCI-5 problems as ESC-DOSE names them (cap, computed dose, route). */
const doseProblem = (code: DoseProblemCode, capMg: number | null): LocalizedText => {
  switch (code) {
    case 'ABOVE_CAP':
      return text(`超过单次剂量上限 ${capMg ?? ''} mg`, `above the single-dose cap of ${capMg ?? ''} mg`);
    case 'ABOVE_COMPUTED_DOSE':
      return text('高于计算剂量', 'above the computed dose');
    case 'WRONG_ROUTE':
      return text('非静脉给药', 'by a route other than IV');
  }
};

export const messages = {
  crsRoseTo2: text('CRS升至2级:通知值班医师', 'CRS grade rose to 2: notify the on-call physician'),
  crsRoseTo2RequiringOxygen: text(
    'CRS升至2级(CRS-G6 低氧需要吸氧:请开始吸氧并重新分级):通知值班医师',
    'CRS grade rose to 2 (CRS-G6 hypoxia requiring oxygen: start oxygen and regrade): notify the on-call physician',
  ),
  crsGrade3OrMore: (grade: number): LocalizedText =>
    text(
      `CRS ${grade}级(≥ 3级):立即医师评估,评估是否转入ICU`,
      `CRS grade ${grade} (≥ 3): immediate physician review, ICU evaluation`,
    ),
  icansWithCrs: (icansGrade: number, crsGrade: number): LocalizedText =>
    text(
      `ICANS ${icansGrade}级并发${crsGrade}级CRS:考虑将患者转移至ICU(表5)`,
      `ICANS grade ${icansGrade} with concurrent CRS grade ${crsGrade}: consider ICU transfer (T5)`,
    ),
  icansGrade3OrMore: (grade: number): LocalizedText =>
    text(
      `ICANS ${grade}级(≥ 3级):建议转移至ICU(表5)`,
      `ICANS grade ${grade} (≥ 3): ICU transfer recommended (T5)`,
    ),
  suspectWithin3Weeks: (day: number): LocalizedText =>
    text(
      `输注后第${day}天出现CRS症状或体征:应考虑CRS,须排除感染、肿瘤溶解综合征及过敏反应`,
      `Day ${day} after infusion, a CRS sign: consider CRS (exclude infection, tumour lysis syndrome, allergic reaction)`,
    ),
  suspectLate: (day: number): LocalizedText =>
    text(
      `输注后第${day}天出现CRS症状或体征:迟发CRS可能,须排除感染、肿瘤溶解综合征及过敏反应`,
      `Day ${day} after infusion, a CRS sign: late CRS possible (exclude infection, tumour lysis syndrome, allergic reaction)`,
    ),
  hlh: text(
    '一线干预后12 h发热或终末器官毒性无改善:警惕并发HLH/MAS',
    'Fever or end-organ toxicity not improved 12 h after first-line intervention: suspect HLH/MAS',
  ),
  tocilizumabTooSoon: text(
    '托珠单抗请求给药过早(距上次给药 < 8 h)',
    'Tocilizumab requested too soon (< 8 h since the last dose)',
  ),
  tocilizumab24hLimit: text('托珠单抗已达24 h内次数上限', 'Tocilizumab 24-hour limit reached'),
  tocilizumabTotalLimit: text('托珠单抗已达总次数上限(4次)', 'Tocilizumab total limit of 4 doses reached'),
  earliestNextDoseLocal: (reason: LocalizedText, earliest: LocalizedText): LocalizedText =>
    text(`${reason.zh};最早可于 ${earliest.zh} 给药`, `${reason.en}; earliest next dose ${earliest.en}`),
  earliestNextDose: (reason: LocalizedText, earliest: string): LocalizedText =>
    text(`${reason.zh};最早可于 ${earliest} 给药`, `${reason.en}; earliest next dose ${earliest}`),
  /** ESC-DOSE: drug, mg and route recorded, what is wrong, the computed dose and the override reason. */
  doseOverridden: (
    dose: {
      readonly drug: LocalizedText;
      readonly mg: number;
      readonly route: string;
      readonly computedMg: number | null;
      readonly capMg: number | null;
      readonly problems: readonly DoseProblemCode[];
    },
    reason: string,
  ): LocalizedText => {
    const problems = dose.problems.map((code) => doseProblem(code, dose.capMg));
    const computed = dose.computedMg === null ? null : `${dose.computedMg} mg`;
    return text(
      `已记录${dose.drug.zh} ${dose.mg} mg ${dose.route}:${problems.map((p) => p.zh).join('且')}${computed === null ? '' : `(计算剂量 ${computed} IV)`};超越理由:"${reason}"(TOCI-5)`,
      `${dose.drug.en} ${dose.mg} mg ${dose.route} recorded ${problems.map((p) => p.en).join(' and ')}${computed === null ? '' : ` (computed dose ${computed} IV)`}; override reason: "${reason}" (TOCI-5)`,
    );
  },
  vitalsOverdue: (hours: number): LocalizedText =>
    text(
      `CRS进行中,已 ${hours} h 未记录生命体征(应至少每4 h评估1次)`,
      `Active CRS and no vital signs recorded for ${hours} h (assess at least every 4 h)`,
    ),
  vitalsNeverRecorded: text(
    'CRS进行中,尚无生命体征记录(应至少每4 h评估1次)',
    'Active CRS and no vital signs recorded (assess at least every 4 h)',
  ),
  infusionTooLate: (fullDays: number): LocalizedText =>
    text(
      `计划输注距预处理结束相隔${fullDays}整天(> 7 d):应于预处理化疗结束后1~2 d输注,最长不宜超过7 d`,
      `Infusion planned ${fullDays} full days after the end of lymphodepletion (> 7): infuse 1–2 days after, never more than 7 days`,
    ),
  iggBelow4: text('血清IgG < 4 g/L:应用丙种球蛋白替代治疗', 'Serum IgG < 4 g/L: IVIG replacement'),
  igg4To6WithInfection: text(
    '血清IgG 4~6 g/L且并发感染:应用丙种球蛋白替代治疗',
    'Serum IgG 4–6 g/L with infection: IVIG replacement',
  ),
} as const;
