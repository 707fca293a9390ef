/**
 * Thirty-five patient courses (pseudonymous, no patient data): the timeline's clinical truth as data.
 * Times are UTC; day 0 is the infusion date. Each expectation names the rules it checks.
 */
import { at, type Course, type Entry, type Expectation } from './course.ts';

type Vasopressor = 'NOREPINEPHRINE' | 'EPINEPHRINE' | 'DOPAMINE' | 'PHENYLEPHRINE' | 'VASOPRESSIN';
type Oxygen = 'ROOM_AIR' | 'NASAL_CANNULA' | 'FACEMASK' | 'HIGH_FLOW_NASAL_CANNULA' | 'CPAP';

/** A complete vitals entry: temperature, systolic BP, oxygen (with flow), vasopressors, SpO2. */
const full = (
  label: string,
  time: string,
  t: number,
  sbp: number,
  oxygen: Oxygen | [Oxygen, number],
  vasopressors: Vasopressor[],
  spo2: number,
): Entry => ({
  label,
  at: time,
  vitals: {
    temperatureCelsius: t,
    systolicBp: sbp,
    oxygen: Array.isArray(oxygen) ? oxygen[0] : oxygen,
    ...(Array.isArray(oxygen) ? { oxygenFlowLpm: oxygen[1] } : {}),
    vasopressors,
    spo2Percent: spo2,
  },
});
const partial = (
  label: string,
  time: string,
  vitals: Extract<Entry, { vitals: unknown }>['vitals'],
): Entry => ({
  label,
  at: time,
  vitals,
});
const toci = (
  label: string,
  time: string,
  mg = 560,
  extra: { route?: 'IV' | 'PO'; overrideReason?: string } = {},
): Entry => ({
  label,
  at: time,
  dose: {
    drug: 'TOCILIZUMAB',
    mg,
    route: extra.route ?? 'IV',
    ...(extra.overrideReason ? { overrideReason: extra.overrideReason } : {}),
  },
});
const drug = (label: string, time: string, name: string, mg: number, route: 'IV' | 'PO'): Entry => ({
  label,
  at: time,
  dose: { drug: name, mg, route },
});
const ice5 = { orientation: 2, naming: 2, followsCommands: 1, writing: 0, attention: 0 };
const neuro = (label: string, time: string, ice = ice5): Entry => ({ label, at: time, neuro: { ice } });

const step = (entry: Entry, expectation: Expectation): readonly [Entry, Expectation] => [entry, expectation];
const grade3 = (label: string, time: string): Entry =>
  full(label, time, 39.0, 86, 'ROOM_AIR', ['NOREPINEPHRINE'], 96);
const FOUR_DOSES = (): (readonly [Entry, Expectation])[] => [
  step(toci('T1', at(2, '08:30')), { rules: ['TOCI-1'], toci: 'ALLOWED', tociCount: 1 }),
  step(toci('T2', at(2, '16:30')), { rules: ['TOCI-2'], toci: 'ALLOWED', tociCount: 2 }),
  step(toci('T3', at(3, '00:30')), { rules: ['TOCI-2', 'TOCI-3'], toci: 'ALLOWED', tociCount: 3 }),
  step(toci('T4', at(3, '08:40')), { rules: ['TOCI-3'], toci: 'ALLOWED', tociCount: 4 }),
];

export const COURSES: readonly Course[] = [
  {
    name: 'classic CRS rising to grade 3, tocilizumab, recovery and episode closure',
    weightKg: 70,
    steps: [
      step(full('V1', at(1, '02:00'), 38.4, 118, 'ROOM_AIR', [], 97), {
        rules: ['CRS-G1', 'EPI-1', 'EPI-6'],
        crs: 1,
        current: 1,
        episode: 1,
        alerts: [],
      }),
      step(full('V2', at(1, '06:00'), 38.9, 84, ['NASAL_CANNULA', 4], ['NOREPINEPHRINE'], 95), {
        rules: ['CRS-GRADE', 'ESC-CRS3'],
        crs: 3,
        episode: 1,
        alerts: ['ESC-CRS3'],
      }),
      step(toci('T1', at(1, '06:30')), { rules: ['TOCI-1'], toci: 'ALLOWED', tociCount: 1, alerts: [] }),
      step(full('V3', at(1, '10:00'), 37.6, 96, ['NASAL_CANNULA', 2], ['NOREPINEPHRINE'], 96), {
        rules: ['EPI-2', 'CRS-G2', 'CRS-HLH'],
        crs: 3,
        masked: true,
        hlh: 'RECHECK',
        alerts: [],
      }),
      step(full('V4', at(1, '18:30'), 37.1, 112, 'ROOM_AIR', [], 97), {
        rules: ['EPI-2', 'CRS-HLH'],
        crs: 1,
        current: 1,
        hlh: 'NOT_SUSPECTED',
        alerts: [],
      }),
      step(full('V5', at(2, '07:00'), 36.9, 120, 'ROOM_AIR', [], 98), {
        rules: ['CRS-G2', 'EPI-1'],
        crs: 0,
        current: 0,
        episode: 1,
        masked: true,
      }),
      step(full('V6', at(2, '12:00'), 36.8, 121, 'ROOM_AIR', [], 98), {
        rules: ['EPI-1'],
        crs: 0,
        episode: null,
        masked: false,
        tociCount: 0,
        alerts: [],
      }),
    ],
  },
  {
    name: 'an antipyretic on day 1, before any CRS, masks nothing weeks later',
    weightKg: 64,
    steps: [
      step(drug('A1', at(1, '08:00'), 'ANTIPYRETIC', 500, 'PO'), { rules: ['CRS-G2'], alerts: [] }),
      step(full('V1', at(20, '03:00'), 37.2, 82, 'ROOM_AIR', ['NOREPINEPHRINE'], 96), {
        rules: ['CRS-G2', 'CRS-G5', 'CRS-S1', 'ESC-SUSPECT'],
        crs: 0,
        masked: false,
        episode: null,
        alerts: ['ESC-SUSPECT'],
      }),
    ],
  },
  {
    name: 'a corticosteroid given in an earlier, closed CRS episode masks nothing later',
    weightKg: 72,
    steps: [
      step(full('V1', at(2, '01:00'), 38.6, 120, 'ROOM_AIR', [], 97), {
        rules: ['EPI-1'],
        crs: 1,
        episode: 1,
      }),
      step(drug('D1', at(2, '02:00'), 'DEXAMETHASONE', 10, 'IV'), { rules: ['CRS-G2'], alerts: [] }),
      step(full('V2', at(2, '06:00'), 37.0, 120, 'ROOM_AIR', [], 98), {
        rules: ['EPI-2'],
        crs: 1,
        episode: 1,
        masked: true,
      }),
      step(full('V3', at(4, '08:00'), 37.0, 85, 'ROOM_AIR', [], 88), {
        rules: ['CRS-G2', 'CRS-G5', 'EPI-1', 'ESC-SUSPECT'],
        crs: 0,
        masked: false,
        episode: null,
        alerts: ['ESC-SUSPECT'],
      }),
    ],
  },
  {
    name: 'an antipyretic given inside the open CRS episode lifts the fever requirement',
    weightKg: 80,
    steps: [
      step(full('V1', at(1, '22:00'), 39.1, 100, 'ROOM_AIR', [], 96), {
        rules: ['EPI-1'],
        crs: 1,
        episode: 1,
      }),
      step(drug('A1', at(1, '22:30'), 'ANTIPYRETIC', 1000, 'PO'), { rules: ['CRS-G2'] }),
      step(full('V2', at(2, '23:00'), 37.0, 84, 'ROOM_AIR', ['NOREPINEPHRINE'], 95), {
        rules: ['CRS-G2', 'EPI-2', 'ESC-CRS3'],
        crs: 3,
        masked: true,
        episode: 1,
        alerts: ['ESC-CRS3'],
      }),
    ],
  },
  {
    name: 'a temperature-only entry within 4 h carries oxygen, vasopressors and SpO2',
    weightKg: 70,
    steps: [
      step(full('V1', at(2, '10:00'), 38.8, 88, 'FACEMASK', ['NOREPINEPHRINE'], 94), {
        rules: ['CRS-GRADE', 'ESC-CRS3'],
        crs: 3,
        alerts: ['ESC-CRS3'],
      }),
      step(partial('V2', at(2, '12:00'), { temperatureCelsius: 38.2 }), {
        rules: ['EPI-2'],
        crs: 3,
        lowerBound: false,
        current: 3,
        carried: ['oxygen', 'vasopressors', 'spo2'],
        alerts: [],
      }),
    ],
  },
  {
    name: 'a temperature-only entry beyond 4 h is a lower bound and keeps the current grade',
    weightKg: 70,
    steps: [
      step(full('V1', at(2, '10:00'), 38.8, 88, 'FACEMASK', ['NOREPINEPHRINE'], 94), {
        rules: ['CRS-GRADE'],
        crs: 3,
      }),
      step(partial('V2', at(2, '15:00'), { temperatureCelsius: 38.2 }), {
        rules: ['EPI-2'],
        crs: 1,
        lowerBound: true,
        needs: ['oxygen', 'vasopressors', 'spo2'],
        current: 3,
        alerts: [],
      }),
      step(full('V3', at(2, '15:30'), 38.0, 120, 'ROOM_AIR', [], 97), {
        rules: ['EPI-2', 'CRS-G1'],
        crs: 1,
        lowerBound: false,
        current: 1,
      }),
    ],
  },
  {
    name: 'a first entry with only a temperature opens a CRS episode as a lower bound',
    weightKg: 58,
    steps: [
      step(partial('V1', at(3, '04:00'), { temperatureCelsius: 38.5 }), {
        rules: ['EPI-2', 'EPI-1', 'EPI-6'],
        crs: 1,
        lowerBound: true,
        needs: ['oxygen', 'vasopressors', 'spo2'],
        episode: 1,
        current: 1,
        alerts: [],
      }),
      step(
        partial('V2', at(3, '04:10'), {
          systolicBp: 110,
          oxygen: 'NASAL_CANNULA',
          oxygenFlowLpm: 3,
          vasopressors: [],
          spo2Percent: 93,
        }),
        {
          rules: ['EPI-2', 'CRS-GRADE', 'ESC-CRS2'],
          crs: 2,
          lowerBound: false,
          current: 2,
          alerts: ['ESC-CRS2'],
        },
      ),
    ],
  },
  {
    name: 'carry-forward boundary: exactly 4 h is carried, 4 h 1 min is not',
    weightKg: 75,
    steps: [
      step(full('V1', at(2, '00:00'), 38.3, 110, ['NASAL_CANNULA', 2], [], 95), {
        rules: ['CRS-GRADE', 'ESC-CRS2'],
        crs: 2,
        alerts: ['ESC-CRS2'],
      }),
      step(partial('V2', at(2, '04:00'), { temperatureCelsius: 38.4 }), {
        rules: ['EPI-2'],
        crs: 2,
        lowerBound: false,
        carried: ['oxygen', 'vasopressors', 'spo2'],
      }),
      step(partial('V3', at(2, '04:01'), { temperatureCelsius: 38.4 }), {
        rules: ['EPI-2'],
        crs: 1,
        lowerBound: true,
        needs: ['oxygen', 'vasopressors', 'spo2'],
        current: 2,
      }),
    ],
  },
  {
    name: 'CRS-G6: febrile with SpO2 89.9 % on room air needs oxygen: grade 2',
    weightKg: 66,
    steps: [
      step(full('V1', at(1, '05:00'), 38.6, 118, 'ROOM_AIR', [], 89.9), {
        rules: ['CRS-G6', 'ESC-CRS2', 'EPI-1'],
        crs: 2,
        episode: 1,
        alerts: ['ESC-CRS2'],
      }),
    ],
  },
  {
    name: 'CRS-G6 boundary: SpO2 90 % on room air stays grade 1',
    weightKg: 66,
    steps: [
      step(full('V1', at(1, '05:00'), 38.6, 118, 'ROOM_AIR', [], 90), {
        rules: ['CRS-G6', 'CRS-G1'],
        crs: 1,
        alerts: [],
      }),
    ],
  },
  {
    name: 'concurrent CRS: a CRS episode open at the neuro assessment',
    weightKg: 70,
    steps: [
      step(full('V1', at(2, '08:00'), 38.7, 110, ['NASAL_CANNULA', 3], [], 94), {
        rules: ['CRS-GRADE'],
        crs: 2,
        alerts: ['ESC-CRS2'],
      }),
      step(neuro('N1', at(2, '10:00')), {
        rules: ['EPI-3', 'ICANS-GRADE', 'ESC-ICANS2'],
        icans: 2,
        concurrentCrs: 2,
        alerts: ['ESC-ICANS2'],
      }),
    ],
  },
  {
    name: 'no concurrent CRS: the CRS episode closed 10 days before the neuro assessment',
    weightKg: 70,
    steps: [
      step(full('V1', at(1, '08:00'), 38.5, 115, 'ROOM_AIR', [], 97), { rules: ['EPI-1'], crs: 1 }),
      step(full('V2', at(1, '20:00'), 37.0, 118, 'ROOM_AIR', [], 98), { rules: ['EPI-2'], crs: 1 }),
      step(neuro('N1', at(12, '08:00')), { rules: ['EPI-3'], icans: 2, concurrentCrs: null, alerts: [] }),
    ],
  },
  {
    name: 'no concurrent CRS: an open CRS episode without vital signs for 25 h is stale',
    weightKg: 70,
    steps: [
      step(full('V1', at(2, '08:00'), 38.9, 110, ['NASAL_CANNULA', 3], [], 94), {
        rules: ['CRS-GRADE'],
        crs: 2,
      }),
      step(neuro('N1', at(3, '09:00')), { rules: ['EPI-3'], icans: 2, concurrentCrs: null, alerts: [] }),
    ],
  },
  {
    name: 'late CRS on day 40 starts a new CRS episode and a new tocilizumab count',
    weightKg: 70,
    steps: [
      step(grade3('V1', at(2, '08:00')), { rules: ['CRS-GRADE'], crs: 3, episode: 1, alerts: ['ESC-CRS3'] }),
      ...FOUR_DOSES(),
      step(full('V2', at(3, '12:00'), 37.2, 100, 'ROOM_AIR', ['NOREPINEPHRINE'], 96), {
        rules: ['TOCI-4', 'CRS-G2'],
        crs: 3,
        toci: 'MAX_TOTAL_REACHED',
        tociCount: 4,
      }),
      step(full('V3', at(4, '14:00'), 37.0, 120, 'ROOM_AIR', [], 98), {
        rules: ['EPI-1'],
        crs: 0,
        episode: 1,
      }),
      step(full('V4', at(40, '03:00'), 38.6, 112, 'ROOM_AIR', [], 97), {
        rules: ['EPI-1', 'TOCI-4'],
        crs: 1,
        episode: 2,
        toci: 'ALLOWED',
        tociCount: 0,
        alerts: [],
      }),
      step(full('V5', at(40, '06:00'), 39.0, 85, 'ROOM_AIR', ['NOREPINEPHRINE'], 96), {
        rules: ['ESC-CRS3', 'EPI-6'],
        crs: 3,
        episode: 2,
        alerts: ['ESC-CRS3'],
        repeats: [],
      }),
      step(toci('T5', at(40, '06:30')), { rules: ['TOCI-4'], toci: 'ALLOWED', tociCount: 1, alerts: [] }),
    ],
  },
  {
    name: 'HLH/MAS suspected: fever not improved 12 h after tocilizumab',
    weightKg: 70,
    steps: [
      step(full('V1', at(1, '20:00'), 39.2, 84, 'FACEMASK', ['NOREPINEPHRINE'], 93), {
        rules: ['CRS-GRADE'],
        crs: 3,
      }),
      step(toci('T1', at(1, '21:00')), { rules: ['TOCI-1'], toci: 'ALLOWED' }),
      step(full('V2', at(2, '09:00'), 38.6, 92, 'FACEMASK', ['NOREPINEPHRINE'], 94), {
        rules: ['CRS-HLH', 'ESC-HLH'],
        hlh: 'SUSPECTED',
        alerts: ['ESC-HLH'],
      }),
      step(full('V3', at(2, '13:00'), 38.4, 92, 'FACEMASK', ['NOREPINEPHRINE'], 94), {
        rules: ['CRS-HLH', 'EPI-6'],
        hlh: 'SUSPECTED',
        alerts: [],
      }),
    ],
  },
  {
    name: 'HLH/MAS not suspected: afebrile, off vasopressors, facemask down to 2 L/min',
    weightKg: 70,
    steps: [
      step(full('V1', at(1, '20:00'), 39.2, 84, 'FACEMASK', ['NOREPINEPHRINE'], 93), {
        rules: ['CRS-GRADE'],
        crs: 3,
      }),
      step(toci('T1', at(1, '21:00')), { rules: ['TOCI-1'] }),
      step(full('V2', at(2, '09:30'), 37.4, 104, ['NASAL_CANNULA', 2], [], 96), {
        rules: ['CRS-HLH', 'EPI-2'],
        hlh: 'NOT_SUSPECTED',
        crs: 2,
        alerts: [],
      }),
    ],
  },
  {
    name: 'HLH/MAS unknown: a record without temperature is never "fever improved"',
    weightKg: 70,
    steps: [
      step(full('V1', at(1, '20:00'), 39.2, 84, 'FACEMASK', ['NOREPINEPHRINE'], 93), {
        rules: ['CRS-GRADE'],
        crs: 3,
      }),
      step(toci('T1', at(1, '21:00')), { rules: ['TOCI-1'] }),
      step(
        partial('V2', at(2, '09:30'), {
          systolicBp: 104,
          oxygen: 'NASAL_CANNULA',
          oxygenFlowLpm: 2,
          vasopressors: [],
          spo2Percent: 96,
        }),
        {
          rules: ['CRS-HLH'],
          hlh: 'UNKNOWN',
          crs: 2,
          alerts: [],
        },
      ),
    ],
  },
  {
    name: 'HLH/MAS 12 h boundary: 11:59 h reassess, 12:00 h compare',
    weightKg: 70,
    steps: [
      step(full('V1', at(1, '20:00'), 39.2, 84, 'FACEMASK', ['NOREPINEPHRINE'], 93), {
        rules: ['CRS-GRADE'],
        crs: 3,
      }),
      step(toci('T1', at(1, '21:00')), { rules: ['TOCI-1'] }),
      step(full('V2', at(2, '08:59'), 38.9, 88, 'FACEMASK', ['NOREPINEPHRINE'], 93), {
        rules: ['CRS-HLH'],
        hlh: 'RECHECK',
        alerts: [],
      }),
      step(full('V3', at(2, '09:00'), 38.9, 88, 'FACEMASK', ['NOREPINEPHRINE'], 93), {
        rules: ['CRS-HLH', 'ESC-HLH'],
        hlh: 'SUSPECTED',
        alerts: ['ESC-HLH'],
      }),
    ],
  },
  {
    name: 'HLH/MAS is anchored to the current CRS episode, not to a day-2 dose',
    weightKg: 70,
    steps: [
      step(grade3('V1', at(2, '08:00')), { rules: ['CRS-GRADE'], crs: 3 }),
      step(toci('T1', at(2, '08:30')), { rules: ['TOCI-1'] }),
      step(full('V2', at(2, '21:00'), 37.0, 118, 'ROOM_AIR', [], 98), {
        rules: ['CRS-HLH'],
        hlh: 'NOT_SUSPECTED',
      }),
      step(full('V3', at(40, '03:00'), 38.6, 112, 'ROOM_AIR', [], 97), {
        rules: ['CRS-HLH', 'EPI-1'],
        episode: 2,
        hlh: null,
        alerts: [],
      }),
      step(full('V4', at(40, '20:00'), 38.8, 110, 'ROOM_AIR', [], 97), {
        rules: ['CRS-HLH', 'ESC-HLH'],
        hlh: null,
        alerts: [],
      }),
    ],
  },
  {
    name: 'an 800 mg tocilizumab dose for a 50 kg patient is refused without a reason',
    weightKg: 50,
    steps: [
      step(grade3('V1', at(1, '10:00')), { rules: ['CRS-GRADE'], crs: 3 }),
      step(toci('T1', at(1, '10:30'), 800), {
        rules: ['TOCI-5'],
        refused: 'ABOVE_COMPUTED_DOSE',
        tociCount: 0,
      }),
      step(toci('T2', at(1, '10:31'), 400), {
        rules: ['TOCI-1', 'TOCI-5'],
        toci: 'ALLOWED',
        tociCount: 1,
        alerts: [],
      }),
    ],
  },
  {
    name: 'an overdose recorded with an override reason is stored and raises ESC-DOSE',
    weightKg: 50,
    steps: [
      step(grade3('V1', at(1, '10:00')), { rules: ['CRS-GRADE'], crs: 3 }),
      step(
        toci('T1', at(1, '10:30'), 800, { overrideReason: 'dose prepared before the weight was corrected' }),
        {
          rules: ['TOCI-5', 'ESC-DOSE'],
          tociCount: 1,
          alerts: ['ESC-DOSE'],
        },
      ),
    ],
  },
  {
    name: 'an oral tocilizumab dose is refused (IV only)',
    weightKg: 70,
    steps: [
      step(grade3('V1', at(1, '10:00')), { rules: ['CRS-GRADE'], crs: 3 }),
      step(toci('T1', at(1, '10:30'), 560, { route: 'PO' }), {
        rules: ['TOCI-5', 'TOCI-1'],
        refused: 'WRONG_ROUTE',
        tociCount: 0,
      }),
    ],
  },
  {
    name: 'a fifth tocilizumab dose in one CRS episode: refused, then recorded with a reason',
    weightKg: 70,
    steps: [
      step(grade3('V1', at(2, '08:00')), { rules: ['CRS-GRADE'], crs: 3 }),
      ...FOUR_DOSES(),
      step(full('V2', at(3, '12:00'), 38.5, 88, 'ROOM_AIR', ['NOREPINEPHRINE'], 95), {
        rules: ['TOCI-4'],
        toci: 'MAX_TOTAL_REACHED',
      }),
      step(toci('T5', at(3, '16:40')), {
        rules: ['TOCI-4', 'TOCI-5'],
        refused: 'TOCILIZUMAB_LIMIT',
        tociCount: 4,
      }),
      step(
        toci('T5b', at(3, '16:41'), 560, {
          overrideReason: 'refractory shock, haematologist on call agreed',
        }),
        {
          rules: ['TOCI-4', 'ESC-TOCI'],
          toci: 'MAX_TOTAL_REACHED',
          tociCount: 5,
          alerts: ['ESC-TOCI'],
        },
      ),
    ],
  },
  {
    name: 'TOCI-2 boundary: 7 h 59 min after a dose is too soon, 8 h is allowed',
    weightKg: 70,
    steps: [
      step(grade3('V1', at(1, '10:00')), { rules: ['CRS-GRADE'], crs: 3 }),
      step(toci('T1', at(1, '10:30')), { rules: ['TOCI-1'], toci: 'ALLOWED' }),
      step(toci('T2', at(1, '18:29')), { rules: ['TOCI-2'], refused: 'TOCILIZUMAB_LIMIT', tociCount: 1 }),
      step(toci('T3', at(1, '18:30')), { rules: ['TOCI-2'], toci: 'ALLOWED', tociCount: 2 }),
    ],
  },
  {
    name: 'TOCI-3 boundary: the 24-hour window holds doses given after t − 24 h',
    weightKg: 70,
    steps: [
      step(grade3('V1', at(0, '23:00')), { rules: ['CRS-GRADE'], crs: 3 }),
      step(toci('T1', at(1, '00:00')), { rules: ['TOCI-1'], toci: 'ALLOWED' }),
      step(toci('T2', at(1, '08:00')), { rules: ['TOCI-2'], toci: 'ALLOWED' }),
      step(toci('T3', at(1, '16:00')), { rules: ['TOCI-3'], toci: 'ALLOWED', tociCount: 3 }),
      step(toci('T4', at(1, '23:59')), { rules: ['TOCI-3'], refused: 'TOCILIZUMAB_LIMIT', tociCount: 3 }),
      step(toci('T5', at(2, '00:00')), { rules: ['TOCI-3'], toci: 'ALLOWED', tociCount: 4 }),
    ],
  },
  {
    name: 'corrections of corrections: a dose counts once, a superseded record cannot be corrected',
    weightKg: 70,
    steps: [
      step(grade3('V1', at(1, '10:00')), { rules: ['CRS-GRADE'], crs: 3 }),
      step(toci('D1', at(1, '10:30')), { rules: ['TOCI-1'], tociCount: 1 }),
      step(
        {
          label: 'D1b',
          corrects: 'D1',
          with: { drug: 'TOCILIZUMAB', mg: 560, route: 'IV' },
          at: at(1, '10:20'),
        },
        {
          rules: ['EPI-4'],
          tociCount: 1,
        },
      ),
      step(
        {
          label: 'D1x',
          corrects: 'D1',
          with: { drug: 'TOCILIZUMAB', mg: 560, route: 'IV' },
          at: at(1, '10:25'),
        },
        {
          rules: ['EPI-4'],
          refused: 'SUPERSEDED:D1b',
          tociCount: 1,
        },
      ),
      step(
        {
          label: 'D1c',
          corrects: 'D1b',
          with: { drug: 'TOCILIZUMAB', mg: 560, route: 'IV' },
          at: at(1, '10:25'),
        },
        {
          rules: ['EPI-4'],
          tociCount: 1,
        },
      ),
      step(toci('T2', at(1, '18:20')), {
        rules: ['EPI-4', 'TOCI-2'],
        refused: 'TOCILIZUMAB_LIMIT',
        tociCount: 1,
      }),
      step(toci('T3', at(1, '18:25')), { rules: ['EPI-4', 'TOCI-2'], toci: 'ALLOWED', tociCount: 2 }),
    ],
  },
  {
    name: 'a corrected vitals record is graded again from its corrected values',
    weightKg: 70,
    steps: [
      step(full('V1', at(2, '10:00'), 39.0, 120, 'FACEMASK', [], 95), {
        rules: ['CRS-GRADE'],
        crs: 3,
        alerts: ['ESC-CRS3'],
      }),
      step(
        {
          label: 'V1b',
          corrects: 'V1',
          with: {
            temperatureCelsius: 39.0,
            systolicBp: 120,
            oxygen: 'ROOM_AIR',
            vasopressors: [],
            spo2Percent: 97,
          },
        },
        { rules: ['EPI-4', 'CRS-G1'], crs: 1, current: 1 },
      ),
    ],
  },
  {
    name: 'a dose retracted as entered in error no longer counts',
    weightKg: 70,
    steps: [
      step(grade3('V1', at(1, '10:00')), { rules: ['CRS-GRADE'], crs: 3 }),
      step(toci('D1', at(1, '10:30')), { rules: ['TOCI-1'], tociCount: 1 }),
      step({ label: 'D1r', corrects: 'D1', with: null }, { rules: ['EPI-4'], tociCount: 0 }),
      step(toci('T2', at(1, '12:00')), { rules: ['EPI-4', 'TOCI-2'], toci: 'ALLOWED', tociCount: 1 }),
    ],
  },
  {
    name: 'death attributed to CRS is CRS grade 5',
    weightKg: 70,
    steps: [
      step(full('V1', at(3, '02:00'), 39.5, 70, 'CPAP', ['NOREPINEPHRINE', 'EPINEPHRINE'], 85), {
        rules: ['CRS-GRADE', 'ESC-CRS3'],
        crs: 4,
        alerts: ['ESC-CRS3'],
      }),
      step({ label: 'X', at: at(3, '06:00'), death: 'CRS' }, { rules: ['EPI-5'], current: 5 }),
    ],
  },
  {
    name: 'death from another cause is not CRS grade 5',
    weightKg: 70,
    steps: [
      step(grade3('V1', at(3, '02:00')), { rules: ['CRS-GRADE'], crs: 3 }),
      step({ label: 'X', at: at(3, '06:00'), death: 'OTHER' }, { rules: ['EPI-5'], current: 3 }),
    ],
  },
  {
    name: 'one alert per clinical event: grade 3 again in the same CRS episode updates its alert',
    weightKg: 70,
    steps: [
      step(grade3('V1', at(1, '10:00')), { rules: ['ESC-CRS3'], crs: 3, alerts: ['ESC-CRS3'] }),
      step(full('V2', at(1, '14:00'), 38.5, 100, ['NASAL_CANNULA', 3], [], 95), {
        rules: ['ESC-CRS2'],
        crs: 2,
        alerts: [],
      }),
      step(full('V3', at(1, '18:00'), 38.8, 84, ['NASAL_CANNULA', 3], ['NOREPINEPHRINE'], 95), {
        rules: ['EPI-6', 'ESC-CRS3'],
        crs: 3,
        alerts: [],
        repeats: ['ESC-CRS3'],
      }),
    ],
  },
  {
    name: 'CRS-S1 suspicion is not a separate alert when the record is graded CRS ≥ 1',
    weightKg: 70,
    steps: [
      step(full('V1', at(1, '02:00'), 38.2, 120, 'ROOM_AIR', [], 97), {
        rules: ['EPI-6', 'CRS-S1'],
        crs: 1,
        alerts: [],
      }),
      step(full('V2', at(1, '03:00'), 38.2, 88, 'ROOM_AIR', [], 97), {
        rules: ['EPI-6', 'ESC-CRS2'],
        crs: 2,
        alerts: ['ESC-CRS2'],
      }),
    ],
  },
  {
    name: 'CRS episode boundary: a fever 1 min before 24 h without findings continues the episode',
    weightKg: 70,
    steps: [
      step(full('V1', at(1, '00:00'), 38.5, 120, 'ROOM_AIR', [], 97), { rules: ['EPI-1'], episode: 1 }),
      step(full('V2', at(1, '02:00'), 37.0, 120, 'ROOM_AIR', [], 97), { rules: ['EPI-1'], episode: 1 }),
      step(full('V3', at(1, '23:59'), 38.3, 120, 'ROOM_AIR', [], 97), {
        rules: ['EPI-1'],
        episode: 1,
        crs: 1,
      }),
    ],
  },
  {
    name: 'CRS episode boundary: a fever exactly 24 h after the last finding opens a new episode',
    weightKg: 70,
    steps: [
      step(full('V1', at(1, '00:00'), 38.5, 120, 'ROOM_AIR', [], 97), { rules: ['EPI-1'], episode: 1 }),
      step(full('V2', at(1, '02:00'), 37.0, 120, 'ROOM_AIR', [], 97), { rules: ['EPI-1'], episode: 1 }),
      step(full('V3', at(2, '00:00'), 38.3, 120, 'ROOM_AIR', [], 97), {
        rules: ['EPI-1'],
        episode: 2,
        crs: 1,
      }),
    ],
  },
  {
    name: 'a CRS episode does not close on incomplete records alone',
    weightKg: 70,
    steps: [
      step(full('V1', at(1, '00:00'), 38.5, 120, 'ROOM_AIR', [], 97), { rules: ['EPI-1'], episode: 1 }),
      step(partial('V2', at(1, '06:00'), { temperatureCelsius: 37.0 }), {
        rules: ['EPI-1', 'EPI-2'],
        episode: 1,
      }),
      step(partial('V3', at(2, '06:00'), { temperatureCelsius: 37.0 }), {
        rules: ['EPI-1', 'EPI-2'],
        episode: 1,
        crs: 0,
      }),
    ],
  },
  {
    name: 'ICANS grade 3 raises ESC-ICANS3 with the concurrent CRS grade and its time',
    weightKg: 70,
    steps: [
      step(full('V1', at(5, '08:00'), 38.5, 118, 'ROOM_AIR', [], 97), { rules: ['CRS-G1'], crs: 1 }),
      step(
        neuro('N1', at(5, '09:00'), {
          orientation: 1,
          naming: 1,
          followsCommands: 0,
          writing: 0,
          attention: 0,
        }),
        {
          rules: ['EPI-3', 'ICANS-GRADE', 'ESC-ICANS3'],
          icans: 3,
          concurrentCrs: 1,
          alerts: ['ESC-ICANS3'],
        },
      ),
    ],
  },
];
