import { text, type LocalizedText } from '#rules';

/**
 * The chart's text summary, in Chinese and English: what the picture beside it shows. Times are
 * local to the hospital (with the zone named once, EPI-7) and carry their day since infusion.
 */
const day = (n: number | null): LocalizedText =>
  n === null ? text('', '') : text(`，第 ${n} 天`, `, day ${n}`);

export const chartMessages = {
  heading: (episodeId: string, hours: number, from: string, to: string, timeZone: string): LocalizedText =>
    text(
      `${episodeId} 近 ${hours} 小时病程图（${from} 至 ${to}，${timeZone}）`,
      `${episodeId}, course over the last ${hours} h (${from} to ${to}, ${timeZone})`,
    ),
  noInfusionDate: text(
    '未记录回输日期：无法标注回输后天数',
    'no infusion date recorded: days since infusion unknown',
  ),
  /** "T °C 36.4–39.4, highest 39.4 at 2026-03-03 10:15 (day 2)". */
  range: (
    name: LocalizedText,
    unit: string,
    low: number,
    high: number,
    extreme: 'highest' | 'lowest',
    value: number,
    at: string,
    dayNumber: number | null,
    count: number,
  ): LocalizedText => {
    const d = day(dayNumber);
    return text(
      `${name.zh} ${low}–${high} ${unit}，${extreme === 'highest' ? '最高' : '最低'} ${value}（${at}${d.zh}），共 ${count} 次记录`,
      `${name.en} ${low}–${high} ${unit}, ${extreme} ${value} at ${at}${d.en} (${count} recording${count === 1 ? '' : 's'})`,
    );
  },
  missing: (name: LocalizedText): LocalizedText =>
    text(`本时段无${name.zh}记录`, `no ${name.en} recorded in this window`),
  temperature: text('体温', 'temperature'),
  systolic: text('收缩压', 'systolic BP'),
  heartRate: text('心率', 'heart rate'),
  spo2: text('SpO2', 'SpO2'),
  oxygenNotRecorded: text('本时段未记录氧疗方式', 'oxygen support not recorded in this window'),
  roomAirOnly: text('每次记录均为未吸氧（室内空气）', 'room air at every recording'),
  oxygenBand: (label: string, from: string, to: string): LocalizedText =>
    text(`氧疗 ${label}：${from} 至 ${to}`, `oxygen ${label} from ${from} to ${to}`),
  vasopressorsNotRecorded: text('本时段未记录血管活性药物', 'vasopressors not recorded in this window'),
  noVasopressors: text('每次记录均未使用血管活性药物', 'no vasopressor at any recording'),
  vasopressorBand: (label: string, from: string, to: string): LocalizedText =>
    text(`血管活性药物 ${label}：${from} 至 ${to}`, `vasopressor ${label} from ${from} to ${to}`),
  gradeCourse: (
    domain: 'CRS' | 'ICANS',
    steps: readonly number[],
    max: number,
    maxAt: string,
    dayNumber: number | null,
  ): LocalizedText => {
    const d = day(dayNumber);
    return text(
      `${domain} 分级 ${steps.join(' → ')}（最高 ${max} 级，${maxAt}${d.zh}）`,
      `${domain} grade ${steps.join(' → ')} (highest ${max} at ${maxAt}${d.en})`,
    );
  },
  gradeCarriedIn: (grade: number): LocalizedText =>
    text(
      `起始的 ${grade} 级为本时段开始前的分级`,
      `the starting grade ${grade} was graded before this window`,
    ),
  noGrade: (domain: 'CRS' | 'ICANS'): LocalizedText =>
    text(`本时段无 ${domain} 分级`, `no ${domain} grading in this window`),
  dose: (drug: LocalizedText, mg: number, at: string, dayNumber: number | null): LocalizedText => {
    const d = day(dayNumber);
    return text(`${drug.zh} ${mg} mg（${at}${d.zh}）`, `${drug.en} ${mg} mg at ${at}${d.en}`);
  },
  noDoses: text('本时段未给予托珠单抗或糖皮质激素', 'no tocilizumab or steroid given in this window'),
  alert: (escalationId: string, at: string, acknowledgedAt: string | null): LocalizedText =>
    acknowledgedAt === null
      ? text(`警报 ${escalationId}（${at}，未确认）`, `alert ${escalationId} at ${at} (not acknowledged)`)
      : text(
          `警报 ${escalationId}（${at}，已于 ${acknowledgedAt} 确认）`,
          `alert ${escalationId} at ${at}, acknowledged at ${acknowledgedAt}`,
        ),
  noAlerts: text('本时段无警报', 'no alert raised in this window'),
  drugs: {
    TOCILIZUMAB: text('托珠单抗', 'tocilizumab'),
    DEXAMETHASONE: text('地塞米松', 'dexamethasone'),
    METHYLPREDNISOLONE: text('甲泼尼龙', 'methylprednisolone'),
  } as Readonly<Record<string, LocalizedText>>,
};
