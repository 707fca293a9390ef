/**
 * EPI-2: the findings a vitals record is graded on. Oxygen, vasopressors and SpO2 that an entry
 * omits are carried from the latest entry that recorded them when it is at most `carryForwardHours`
 * old; older or never recorded, they are unknown (null). Temperature, systolic BP and the bedside
 * hypotension flag are the record's own. Each carried value says where it came from and when.
 */
import { instantMs, localTimeText, text } from '../core/index.ts';
import type { LocalizedText } from '../core/index.ts';
import { HYPOTENSION_SYSTOLIC_BELOW_MMHG, FEVER_THRESHOLD_CELSIUS } from '../crs/grading.ts';
import { OXYGEN_SUPPORT_NAME, VASOPRESSOR_NAME } from '../crs/names.ts';
import type { OxygenSupport, Vasopressor } from '../crs/schemas.ts';
import { messages } from './messages.ts';
import type { TimelineVitals } from './records.ts';
import { HOUR_MS, type TimelineSettings } from './settings.ts';
import type { LastRecorded, OxygenValue, Stamped, VitalsSnapshot } from './state.ts';

/** Where a value a grade used came from (EPI-2, EPI-7). */
export type Source = {
  readonly component: string;
  readonly recordId: string;
  readonly at: string;
  /** From an earlier record than the one graded. */
  readonly carried: boolean;
  readonly text: LocalizedText;
};

export type CarriedComponent = 'oxygen' | 'vasopressors' | 'spo2';

export type VitalsFindings = {
  readonly snapshot: VitalsSnapshot;
  /** Components neither recorded nor carried. */
  readonly unknown: readonly CarriedComponent[];
  readonly sources: readonly Source[];
};

const oxygenText = (value: OxygenValue): LocalizedText => {
  const name = OXYGEN_SUPPORT_NAME[value.support];
  const flow = value.flowLpm === null ? '' : ` ${value.flowLpm} L/min`;
  return text(`${name.zh}${flow}`, `${name.en}${flow}`);
};
const vasopressorText = (value: readonly Vasopressor[]): LocalizedText =>
  value.length === 0
    ? text('无', 'none')
    : text(
        value.map((v) => VASOPRESSOR_NAME[v].zh).join('+'),
        value.map((v) => VASOPRESSOR_NAME[v].en).join('+'),
      );
const spo2Text = (value: number): LocalizedText => text(`${value} %`, `${value} %`);

/** The value of a carried component at `at`: own, carried (≤ window), or unknown. */
const resolve = <T>(
  own: T | null | undefined,
  last: Stamped<T> | null,
  record: TimelineVitals,
  settings: TimelineSettings,
): { value: T; at: string; recordId: string; carried: boolean } | null => {
  if (own !== undefined && own !== null)
    return { value: own, at: record.at, recordId: record.id, carried: false };
  if (last === null) return null;
  const age = instantMs(record.at) - instantMs(last.at);
  if (age < 0 || age > settings.carryForwardHours * HOUR_MS) return null;
  return { value: last.value, at: last.at, recordId: last.recordId, carried: true };
};

/** The record's own oxygen value, when it recorded one. */
export const ownOxygen = (record: TimelineVitals): OxygenValue | null =>
  record.oxygen == null ? null : { support: record.oxygen, flowLpm: record.oxygenFlowLpm ?? null };

export const vitalsFindings = (
  record: TimelineVitals,
  recorded: LastRecorded,
  feverCelsius: number | null,
  settings: TimelineSettings,
): VitalsFindings => {
  const tz = settings.timeZone;
  const oxygen = resolve(ownOxygen(record), recorded.oxygen, record, settings);
  const vasopressors = resolve(record.vasopressors, recorded.vasopressors, record, settings);
  const spo2 = resolve(record.spo2Percent, recorded.spo2Percent, record, settings);
  const unknown: CarriedComponent[] = [];
  const sources: Source[] = [];
  const describe = <T>(
    component: CarriedComponent,
    value: { value: T; at: string; recordId: string; carried: boolean } | null,
    show: (v: T) => LocalizedText,
  ): void => {
    if (value === null) {
      unknown.push(component);
      return;
    }
    if (!value.carried) return;
    sources.push({
      component,
      recordId: value.recordId,
      at: value.at,
      carried: true,
      text: messages.carried(component, show(value.value), localTimeText(value.at, tz)),
    });
  };
  describe('oxygen', oxygen, oxygenText);
  describe('vasopressors', vasopressors, vasopressorText);
  describe('spo2', spo2, spo2Text);
  return {
    snapshot: {
      at: record.at,
      recordId: record.id,
      feverCelsius,
      temperatureCelsius: record.temperatureCelsius ?? null,
      systolicBp: record.systolicBp ?? null,
      hypotensionFlag: record.hypotension === true,
      vasopressors: vasopressors?.value ?? null,
      oxygen: oxygen?.value ?? null,
      spo2Percent: spo2?.value ?? null,
    },
    unknown,
    sources,
  };
};

/** Oxygen tiers of CRS-HLH: room air < low-flow/blow-by < high-flow/mask < positive pressure. */
export const oxygenTier = (value: OxygenValue): 0 | 1 | 2 | 3 => {
  const tiers: Readonly<Record<OxygenSupport, 0 | 1 | 2 | 3>> = {
    ROOM_AIR: 0,
    NASAL_CANNULA: 1,
    BLOW_BY: 1,
    HIGH_FLOW_NASAL_CANNULA: 2,
    FACEMASK: 2,
    NON_REBREATHER_MASK: 2,
    VENTURI_MASK: 2,
    CPAP: 3,
    BIPAP: 3,
    MECHANICAL_VENTILATION: 3,
  };
  if (value.support === 'NASAL_CANNULA' && value.flowLpm !== null && value.flowLpm > 6) return 2;
  return tiers[value.support];
};

/** SpO2 below this on room air is hypoxia (§7.1, CRS-S1, CRS-G6). */
export const HYPOXIA_SPO2_BELOW_PERCENT = 90;

export const hasHypotension = (s: VitalsSnapshot): boolean =>
  s.hypotensionFlag ||
  (s.systolicBp !== null && s.systolicBp < HYPOTENSION_SYSTOLIC_BELOW_MMHG) ||
  (s.vasopressors !== null && s.vasopressors.length > 0);

export const hasOxygenRequirement = (s: VitalsSnapshot): boolean =>
  s.oxygen !== null &&
  (oxygenTier(s.oxygen) > 0 || (s.spo2Percent !== null && s.spo2Percent < HYPOXIA_SPO2_BELOW_PERCENT));

/** EPI-1: a CRS finding on this record: fever (its own temperature), hypotension or a vasopressor, an oxygen requirement. */
export const hasCrsFinding = (s: VitalsSnapshot): boolean =>
  (s.temperatureCelsius !== null && s.temperatureCelsius >= FEVER_THRESHOLD_CELSIUS) ||
  hasHypotension(s) ||
  hasOxygenRequirement(s);

/** EPI-1: a complete record that shows no CRS finding (closes an episode after 24 h). */
export const isCleanComplete = (s: VitalsSnapshot): boolean =>
  s.temperatureCelsius !== null &&
  s.oxygen !== null &&
  s.vasopressors !== null &&
  (s.oxygen.support !== 'ROOM_AIR' || s.spo2Percent !== null) &&
  !hasCrsFinding(s);
