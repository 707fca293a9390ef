import type { DoseDrug } from '#rules';
import { clinicalTimeOf } from '../episodes/clinical-time.ts';
import type {
  AlertRecord,
  DoseRecord,
  EpisodeRecord,
  GradingRecord,
  NeuroRecord,
  VitalsRecord,
} from '../episodes/records.ts';
import type { ChartBand, ChartData, ChartPoint, DoseMarker, GradePoint } from './chart-data.ts';

/** What the series are built from: the records of a window as read (window-reader.ts), and its bounds. */
export type ChartSource = {
  readonly episodeId: string;
  readonly infusionDate: string | null;
  readonly timeZone: string;
  readonly from: string;
  readonly to: string;
  readonly hours: number;
  readonly records: readonly EpisodeRecord[];
  /** Ids of records a later correction superseded (from tombstones, which may lie outside the window). */
  readonly superseded: ReadonlySet<string>;
  /** The latest grading of each domain written before the window (its grade is in force when it opens). */
  readonly gradedBefore?: readonly Pick<GradingRecord, 'domain' | 'grade'>[];
};

const STEROIDS: ReadonlySet<DoseDrug> = new Set(['DEXAMETHASONE', 'METHYLPREDNISOLONE']);

/** Language-neutral abbreviations for the picture (the font has no CJK glyphs). */
const OXYGEN_LABELS: Readonly<Record<string, string>> = {
  NASAL_CANNULA: 'NC',
  BLOW_BY: 'Blow-by',
  HIGH_FLOW_NASAL_CANNULA: 'HFNC',
  FACEMASK: 'Mask',
  NON_REBREATHER_MASK: 'NRB',
  VENTURI_MASK: 'Venturi',
  CPAP: 'CPAP',
  BIPAP: 'BiPAP',
  MECHANICAL_VENTILATION: 'MV',
};
const VASOPRESSOR_LABELS: Readonly<Record<string, string>> = {
  NOREPINEPHRINE: 'NE',
  EPINEPHRINE: 'EPI',
  DOPAMINE: 'DA',
  PHENYLEPHRINE: 'PE',
  VASOPRESSIN: 'AVP',
};

const byTime = <T extends { readonly at: string }>(items: T[]): T[] =>
  items.sort((a, b) => Date.parse(a.at) - Date.parse(b.at));

/** Records that count: neither superseded (tombstone or a correction read with them) nor a retraction. */
const counting = (source: ChartSource): EpisodeRecord[] => {
  const superseded = new Set(source.superseded);
  for (const record of source.records)
    if ('correction' in record && record.correction) {
      superseded.add(record.correction.corrects);
      if (record.correction.retracted) superseded.add(record.id);
    }
  const from = Date.parse(source.from);
  const to = Date.parse(source.to);
  return source.records.filter((record) => {
    if (superseded.has(record.id)) return false;
    if (record.kind === 'GRADING') return true; // placed by the record it grades
    const at = Date.parse(clinicalTimeOf(record));
    return at >= from && at <= to;
  });
};

const points = (
  vitals: readonly VitalsRecord[],
  value: (v: VitalsRecord['values']) => number | null | undefined,
): ChartPoint[] =>
  vitals.flatMap((record) => {
    const v = value(record.values);
    return v == null ? [] : [{ at: record.values.measuredAt, value: v }];
  });

/**
 * Spans of one recorded state: a band starts at the first recording of a state (other than
 * "none") and lasts until the first recording of another state, or the last recording of it.
 * A recording that does not say the state (null) neither starts nor ends a band.
 */
const bands = (
  vitals: readonly VitalsRecord[],
  stateOf: (v: VitalsRecord['values']) => string | null | undefined,
): { readonly recorded: number; readonly bands: ChartBand[] } => {
  const result: ChartBand[] = [];
  let open: { from: string; last: string; label: string } | undefined;
  let recorded = 0;
  for (const record of vitals) {
    const state = stateOf(record.values);
    if (state === undefined) continue;
    recorded += 1;
    const at = record.values.measuredAt;
    if (open?.label === state) {
      open.last = at;
      continue;
    }
    if (open) result.push({ from: open.from, to: at, label: open.label });
    open = state === null ? undefined : { from: at, last: at, label: state };
  }
  if (open) result.push({ from: open.from, to: open.last, label: open.label });
  return { recorded, bands: result };
};

/** Oxygen as a band label: null for room air, undefined when the recording does not say. */
const oxygenState = (v: VitalsRecord['values']): string | null | undefined => {
  if (v.oxygen == null) return undefined;
  if (v.oxygen === 'ROOM_AIR') return null;
  const device = OXYGEN_LABELS[v.oxygen] ?? v.oxygen;
  return v.oxygenFlowLpm == null ? device : `${device} ${v.oxygenFlowLpm} L/min`;
};

const vasopressorState = (v: VitalsRecord['values']): string | null | undefined => {
  if (v.vasopressors == null) return undefined;
  if (v.vasopressors.length === 0) return null;
  return v.vasopressors.map((drug) => VASOPRESSOR_LABELS[drug] ?? drug).join('+');
};

/**
 * CRS (or ICANS) grades at the clinical time of the record each grades: for each record, the
 * latest grading of the domain (a re-grade after a correction or late entry replaces the earlier).
 */
const grades = (
  gradings: readonly GradingRecord[],
  domain: 'CRS' | 'ICANS',
  assessedAt: ReadonlyMap<string, string>,
  window: { readonly from: string; readonly gradedBefore?: ChartSource['gradedBefore'] },
): GradePoint[] => {
  const latest = new Map<string, GradingRecord>();
  for (const grading of gradings) {
    if (grading.domain !== domain || grading.grade === null || !assessedAt.has(grading.basedOn)) continue;
    const known = latest.get(grading.basedOn);
    if (!known || grading.recordedAt >= known.recordedAt) latest.set(grading.basedOn, grading);
  }
  const inWindow = byTime(
    [...latest.values()].map((grading) => ({
      at: assessedAt.get(grading.basedOn) ?? grading.recordedAt,
      grade: grading.grade ?? 0,
    })),
  );
  // The grade in force when the window opens (an unknown one carries nothing in).
  const before = window.gradedBefore?.find((grading) => grading.domain === domain)?.grade;
  const first = inWindow[0];
  if (before == null || (first !== undefined && Date.parse(first.at) <= Date.parse(window.from)))
    return inWindow;
  return [{ at: window.from, grade: before, carried: true }, ...inWindow];
};

const doseMarker = (dose: DoseRecord): DoseMarker | undefined => {
  const { drug, mg, givenAt } = dose.values;
  if (drug === 'TOCILIZUMAB') return { at: givenAt, kind: 'TOCI', drug, mg };
  if (STEROIDS.has(drug)) return { at: givenAt, kind: 'STEROID', drug, mg };
  return undefined;
};

/**
 * The chart of a window, from its records: pure (no I/O, no clock). Vital signs, oxygen and
 * vasopressor bands and grades come from the records that count (corrections applied) with a
 * clinical time inside the window; tocilizumab and steroid doses are markers; alerts raised in
 * the window are markers (acknowledged or open).
 */
export const buildChartData = (source: ChartSource): ChartData => {
  const records = counting(source);
  const vitals = byTime(
    records
      .filter((r): r is VitalsRecord => r.kind === 'VITALS')
      .map((record) => ({ record, at: record.values.measuredAt })),
  ).map(({ record }) => record);
  const neuro = records.filter((r): r is NeuroRecord => r.kind === 'NEURO');
  const gradings = records.filter((r): r is GradingRecord => r.kind === 'GRADING');
  const assessedAt = new Map<string, string>([
    ...vitals.map((r) => [r.id, r.values.measuredAt] as const),
    ...neuro.map((r) => [r.id, r.values.assessedAt] as const),
  ]);
  const oxygen = bands(vitals, oxygenState);
  const vasopressors = bands(vitals, vasopressorState);
  return {
    episodeId: source.episodeId,
    window: {
      from: source.from,
      to: source.to,
      hours: source.hours,
      timeZone: source.timeZone,
      infusionDate: source.infusionDate,
    },
    temperature: points(vitals, (v) => v.temperatureCelsius),
    systolicBp: points(vitals, (v) => v.systolicBp),
    heartRate: points(vitals, (v) => v.heartRate),
    spo2: points(vitals, (v) => v.spo2Percent),
    oxygenRecorded: oxygen.recorded,
    oxygenBands: oxygen.bands,
    vasopressorsRecorded: vasopressors.recorded,
    vasopressorBands: vasopressors.bands,
    crs: grades(gradings, 'CRS', assessedAt, source),
    icans: grades(gradings, 'ICANS', assessedAt, source),
    doses: byTime(
      records.filter((r): r is DoseRecord => r.kind === 'DOSE').flatMap((dose) => doseMarker(dose) ?? []),
    ),
    alerts: byTime(
      records
        .filter((r): r is AlertRecord => r.kind === 'ALERT')
        .filter((a) => Date.parse(a.raisedAt) >= Date.parse(source.from))
        .map((alert) => ({
          at: alert.raisedAt,
          escalationId: alert.escalationId,
          level: alert.level,
          acknowledgedAt: alert.acknowledgedAt ?? null,
        })),
    ),
  };
};
