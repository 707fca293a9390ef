/**
 * A realistic CAR-T course for the benchmarks: vital signs every 15 minutes from CRS onset, with
 * the treatment a severe CRS gets. Deterministic (values are a function of the record's index), so
 * runs are comparable and a benchmark can continue a seeded course with the next records.
 *
 * Hours from the first vital signs (CRS onset, day 1 after infusion):
 *   0–6   fever 38.3–39.4 °C on room air (grade 1); paracetamol at 1 h, tocilizumab at 3 h;
 *   6–14  hypotension (SBP 82–88, no vasopressor) and nasal cannula 3 L/min (grade 2);
 *         second tocilizumab at 11.5 h;
 *   14–20 norepinephrine, nasal cannula 5 L/min (grade 3, fever masked by tocilizumab, CRS-G2);
 *         dexamethasone 10 mg at 15 h, third tocilizumab at 20 h (the third in 24 h, TOCI-3);
 *   20–30 off vasopressors, nasal cannula 2 L/min; dexamethasone 10 mg at 21 h;
 *   30–40 room air, afebrile, recovering;
 *   40–   normal values with a diurnal rhythm (the CRS episode closes 24 h later, EPI-1).
 * So 10 records are the first 2.5 h (fever, grade 1), 100 cover the whole CRS peak (25 h) and
 * 1 000 / 5 000 records are a 10-day / 52-day course at the same cadence.
 */
import type { Drug } from '../../functions/episodes/inputs.ts';

export const CADENCE_MINUTES = 15;
const CADENCE_MS = CADENCE_MINUTES * 60_000;

/** What a nurse enters at the bedside (the service's vital-signs input without episode and time). */
export type CourseVitals = {
  readonly temperatureCelsius: number;
  readonly systolicBp: number;
  readonly heartRate: number;
  readonly respiratoryRate: number;
  readonly spo2Percent: number;
  readonly oxygen: 'ROOM_AIR' | 'NASAL_CANNULA';
  readonly oxygenFlowLpm?: number;
  readonly vasopressors: readonly 'NOREPINEPHRINE'[];
};

export type CourseDose = {
  readonly drug: Drug;
  readonly mg: number;
  readonly route: 'IV' | 'PO';
};

/** One entry of the course, in clinical order. */
export type CourseEntry =
  | { readonly kind: 'VITALS'; readonly index: number; readonly at: Date; readonly values: CourseVitals }
  | { readonly kind: 'DOSE'; readonly at: Date; readonly values: CourseDose };

/** The patient the course is for: 70 kg, so tocilizumab 8 mg/kg is 560 mg (TOCI-1). */
export const COURSE_PATIENT = { weightKg: 70, heightCm: 170, product: 'KARMMA' } as const;

/** Deterministic noise in [0, 1) for a record index and a vital sign (a hash, not a stream). */
const noise = (index: number, channel: number): number => {
  let t = (Math.imul(index + 1, 0x9e3779b1) ^ Math.imul(channel + 1, 0x85ebca6b)) >>> 0;
  t = Math.imul(t ^ (t >>> 16), 0x7feb352d);
  t = Math.imul(t ^ (t >>> 15), 0x846ca68b);
  return ((t ^ (t >>> 16)) >>> 0) / 4_294_967_296;
};
const within = (
  index: number,
  channel: number,
  [low, high]: readonly [number, number],
  decimals = 0,
): number => {
  const scale = 10 ** decimals;
  return Math.round((low + noise(index, channel) * (high - low)) * scale) / scale;
};

type Phase = {
  readonly untilHours: number;
  readonly temperature: readonly [number, number];
  readonly systolic: readonly [number, number];
  readonly heartRate: readonly [number, number];
  readonly respiratoryRate: readonly [number, number];
  readonly spo2: readonly [number, number];
  readonly flowLpm: number | null;
  readonly norepinephrine: boolean;
};

const PHASES: readonly Phase[] = [
  {
    untilHours: 6,
    temperature: [38.3, 39.4],
    systolic: [104, 116],
    heartRate: [104, 122],
    respiratoryRate: [20, 24],
    spo2: [95, 97],
    flowLpm: null,
    norepinephrine: false,
  },
  {
    untilHours: 14,
    temperature: [38.5, 39.3],
    systolic: [82, 88],
    heartRate: [118, 132],
    respiratoryRate: [24, 28],
    spo2: [92, 94],
    flowLpm: 3,
    norepinephrine: false,
  },
  {
    untilHours: 20,
    temperature: [37.4, 38.2],
    systolic: [88, 96],
    heartRate: [110, 124],
    respiratoryRate: [22, 26],
    spo2: [93, 95],
    flowLpm: 5,
    norepinephrine: true,
  },
  {
    untilHours: 30,
    temperature: [37.0, 37.7],
    systolic: [96, 108],
    heartRate: [96, 110],
    respiratoryRate: [18, 22],
    spo2: [94, 96],
    flowLpm: 2,
    norepinephrine: false,
  },
  {
    untilHours: 40,
    temperature: [36.8, 37.4],
    systolic: [104, 118],
    heartRate: [84, 98],
    respiratoryRate: [16, 20],
    spo2: [95, 98],
    flowLpm: null,
    norepinephrine: false,
  },
];
const RECOVERED: Phase = {
  untilHours: Number.POSITIVE_INFINITY,
  temperature: [36.4, 36.9],
  systolic: [108, 128],
  heartRate: [66, 86],
  respiratoryRate: [14, 18],
  spo2: [96, 99],
  flowLpm: null,
  norepinephrine: false,
};

/** Doses by hours from onset (a few minutes after the vital signs of that quarter hour). */
const DOSES: readonly { readonly hours: number; readonly dose: CourseDose }[] = [
  { hours: 1, dose: { drug: 'ANTIPYRETIC', mg: 1000, route: 'PO' } },
  { hours: 3, dose: { drug: 'TOCILIZUMAB', mg: 8 * COURSE_PATIENT.weightKg, route: 'IV' } },
  { hours: 11.5, dose: { drug: 'TOCILIZUMAB', mg: 8 * COURSE_PATIENT.weightKg, route: 'IV' } },
  { hours: 15, dose: { drug: 'DEXAMETHASONE', mg: 10, route: 'IV' } },
  { hours: 20, dose: { drug: 'TOCILIZUMAB', mg: 8 * COURSE_PATIENT.weightKg, route: 'IV' } },
  { hours: 21, dose: { drug: 'DEXAMETHASONE', mg: 10, route: 'IV' } },
];
const DOSE_AFTER_VITALS_MS = 7 * 60_000;

/** The vital signs of the course's index-th record (0 = CRS onset). */
export const courseVitals = (index: number): CourseVitals => {
  const hours = (index * CADENCE_MINUTES) / 60;
  const phase = PHASES.find((p) => hours < p.untilHours) ?? RECOVERED;
  // A diurnal rhythm once recovered: warmest in the evening.
  const diurnal = phase === RECOVERED ? 0.3 * Math.sin(((hours % 24) / 24) * 2 * Math.PI) : 0;
  return {
    temperatureCelsius: Math.round((within(index, 1, phase.temperature, 1) + diurnal) * 10) / 10,
    systolicBp: within(index, 2, phase.systolic),
    heartRate: within(index, 3, phase.heartRate),
    respiratoryRate: within(index, 4, phase.respiratoryRate),
    spo2Percent: within(index, 5, phase.spo2),
    ...(phase.flowLpm === null
      ? { oxygen: 'ROOM_AIR' as const }
      : { oxygen: 'NASAL_CANNULA' as const, oxygenFlowLpm: phase.flowLpm }),
    vasopressors: phase.norepinephrine ? ['NOREPINEPHRINE'] : [],
  };
};

/**
 * The first `vitalsCount` vital signs of the course (15-minute cadence from `onset`) and the
 * doses given in that span, in clinical order.
 */
export const courseEntries = (vitalsCount: number, onset: Date): CourseEntry[] => {
  const entries: CourseEntry[] = [];
  const doses = DOSES.map(({ hours, dose }) => ({
    at: new Date(onset.getTime() + hours * 3_600_000 + DOSE_AFTER_VITALS_MS),
    dose,
  }));
  for (let index = 0; index < vitalsCount; index += 1) {
    const at = new Date(onset.getTime() + index * CADENCE_MS);
    entries.push({ kind: 'VITALS', index, at, values: courseVitals(index) });
    const next = at.getTime() + CADENCE_MS;
    for (const { at: given, dose } of doses)
      if (given.getTime() >= at.getTime() && given.getTime() < next && index < vitalsCount - 1)
        entries.push({ kind: 'DOSE', at: given, values: dose });
  }
  return entries;
};

/** When a course of `vitalsCount` records must start so that its last record is `endsBefore` minus one cadence. */
export const onsetEndingBefore = (vitalsCount: number, endsBefore: Date): Date =>
  new Date(endsBefore.getTime() - vitalsCount * CADENCE_MS);

/** The course's vital signs as `/cart vitals` text (`t=38.9 sbp=84 hr=120 rr=24 spo2=93 o2=nc:3 vaso=none`). */
export const vitalsCommandText = (vitals: CourseVitals): string =>
  [
    `t=${vitals.temperatureCelsius}`,
    `sbp=${vitals.systolicBp}`,
    `hr=${vitals.heartRate}`,
    `rr=${vitals.respiratoryRate}`,
    `spo2=${vitals.spo2Percent}`,
    vitals.oxygen === 'ROOM_AIR' ? 'o2=ra' : `o2=nc:${vitals.oxygenFlowLpm}`,
    vitals.vasopressors.length === 0 ? 'vaso=none' : 'vaso=ne',
  ].join(' ');
