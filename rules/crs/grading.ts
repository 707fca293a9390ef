/**
 * CRS-GRADE: ASTCT 2019 CRS grading (consensus T3), the hot path. Grades already-validated
 * findings with no string building and, in the common cases, no allocation beyond the drivers
 * array: every driver and every outcome is a pre-built constant.
 *
 * The grade is the most severe of the hypotension and hypoxia findings; fever is required
 * (CRS-G1 ≥ 38.0 °C) unless anti-cytokine/antipyretic therapy was already given (CRS-G2).
 * Without fever and without such therapy the grade is 0, "consider other causes" (CRS-G5).
 * Hypoxia on room air (SpO2 < 90 %, no oxygen started) is hypoxia requiring oxygen: at least
 * grade 2 (CRS-G6). Organ toxicity never enters the grade (CRS-G4).
 */
import type { Driver, Unknown } from '../core/index.ts';
import { CRS_DRIVERS } from './drivers.ts';
import type { CrsFindings, OxygenSupport, Vasopressor } from './schemas.ts';
import type { CrsOutcome, Grade, GradeResult, Graded } from './types.ts';

/** CRS-G1: fever is ≥ 38.0 °C inclusive (ASTCT; T3 prints "> 38 °C", noted in the evaluation). */
export const FEVER_THRESHOLD_CELSIUS = 38.0;
/** CRS-S1: the consensus' own definition of hypotension, systolic BP < 90 mmHg. */
export const HYPOTENSION_SYSTOLIC_BELOW_MMHG = 90;
/** T3: a nasal cannula at ≤ 6 L/min is low flow (grade 2), above 6 L/min high flow (grade 3). */
export const LOW_FLOW_MAX_LPM = 6;
/** CRS-G6: §7.1 defines hypoxia as SaO2 < 90 %; on room air it requires oxygen (T3 "需要低流量吸氧"). */
export const ROOM_AIR_SPO2_BELOW_PERCENT = 90;

/** One finding's contribution: the grade it supports and the driver that says why. */
export type Finding = { readonly grade: Grade; readonly driver: Driver | null };

const finding = (grade: Grade, driver: Driver | null): Finding => Object.freeze({ grade, driver });

const NO_FINDING = finding(0, null);

const HYPOTENSION = {
  none: NO_FINDING,
  noVasopressor: finding(2, CRS_DRIVERS.hypotensionNoVasopressor),
  sbpBelow90: finding(2, CRS_DRIVERS.hypotensionSbpBelow90),
  oneVasopressor: finding(3, CRS_DRIVERS.hypotensionOneVasopressor),
  oneVasopressorWithVasopressin: finding(3, CRS_DRIVERS.hypotensionOneVasopressorWithVasopressin),
  vasopressinOnly: finding(3, CRS_DRIVERS.hypotensionVasopressinOnly),
  multipleVasopressors: finding(4, CRS_DRIVERS.hypotensionMultipleVasopressors),
} as const;

/** One bit per agent; vasopressin is the high bit so the others are `mask & 0b1111`. */
const VASOPRESSOR_BIT: Readonly<Record<Vasopressor, number>> = {
  NOREPINEPHRINE: 0b00001,
  EPINEPHRINE: 0b00010,
  DOPAMINE: 0b00100,
  PHENYLEPHRINE: 0b01000,
  VASOPRESSIN: 0b10000,
};
const VASOPRESSIN_BIT = VASOPRESSOR_BIT.VASOPRESSIN;
/** Number of set bits of a 4-bit mask: distinct non-vasopressin agents. */
const BIT_COUNT = [0, 1, 1, 2, 1, 2, 2, 3, 1, 2, 2, 3, 2, 3, 3, 4] as const;

/**
 * Hypotension column. Hypotension = the `hypotension` flag, any vasopressor, or systolic BP
 * < 90 mmHg (CRS-S1's definition). CRS-G3: vasopressin never counts as a second agent, so
 * norepinephrine + vasopressin and vasopressin alone are "one vasopressor" (3), two distinct
 * non-vasopressin agents are "multiple" (4). The same agent listed twice is one agent.
 */
export const hypotensionFinding = (findings: CrsFindings): Finding => {
  let mask = 0;
  for (const agent of findings.vasopressors) mask |= VASOPRESSOR_BIT[agent];
  const others = BIT_COUNT[mask & 0b1111] ?? 0;
  const withVasopressin = (mask & VASOPRESSIN_BIT) !== 0;
  if (others >= 2) return HYPOTENSION.multipleVasopressors;
  if (others === 1)
    return withVasopressin ? HYPOTENSION.oneVasopressorWithVasopressin : HYPOTENSION.oneVasopressor;
  if (withVasopressin) return HYPOTENSION.vasopressinOnly;
  if (findings.hypotension) return HYPOTENSION.noVasopressor;
  const sbp = findings.systolicBp;
  if (sbp != null && sbp < HYPOTENSION_SYSTOLIC_BELOW_MMHG) return HYPOTENSION.sbpBelow90;
  return HYPOTENSION.none;
};

/** Hypoxia column by the oxygen support given (NASAL_CANNULA by its flow, ROOM_AIR by SpO2: CRS-G6). */
const HYPOXIA_BY_SUPPORT: Readonly<Record<Exclude<OxygenSupport, 'NASAL_CANNULA' | 'ROOM_AIR'>, Finding>> = {
  BLOW_BY: finding(2, CRS_DRIVERS.hypoxiaBlowBy),
  HIGH_FLOW_NASAL_CANNULA: finding(3, CRS_DRIVERS.hypoxiaHighFlowNasalCannula),
  FACEMASK: finding(3, CRS_DRIVERS.hypoxiaFacemask),
  NON_REBREATHER_MASK: finding(3, CRS_DRIVERS.hypoxiaNonRebreatherMask),
  VENTURI_MASK: finding(3, CRS_DRIVERS.hypoxiaVenturiMask),
  CPAP: finding(4, CRS_DRIVERS.hypoxiaCpap),
  BIPAP: finding(4, CRS_DRIVERS.hypoxiaBipap),
  MECHANICAL_VENTILATION: finding(4, CRS_DRIVERS.hypoxiaMechanicalVentilation),
};
const LOW_FLOW_NASAL_CANNULA = finding(2, CRS_DRIVERS.hypoxiaLowFlowNasalCannula);
const NASAL_CANNULA_HIGH_FLOW = finding(3, CRS_DRIVERS.hypoxiaNasalCannulaHighFlow);
/** CRS-G6: SpO2 < 90 % on room air, no oxygen started: hypoxia requiring oxygen, at least grade 2. */
const ROOM_AIR_REQUIRES_OXYGEN = finding(2, CRS_DRIVERS.hypoxiaRequiringOxygen);

/**
 * Hypoxia column; null when the support is a nasal cannula with no flow recorded (validation
 * rejects that input; the hot path answers UNKNOWN rather than guess). Hypoxia is graded by the
 * support it requires: given support grades by T3, and on room air an SpO2 below 90 % requires
 * oxygen (CRS-G6: grade 2 until oxygen is started and the record regraded). An SpO2 not given on
 * room air is no finding: the calculator grades the moment as the caller states it.
 */
export const hypoxiaFinding = (findings: CrsFindings): Finding | null => {
  if (findings.oxygen === 'ROOM_AIR') {
    const spo2 = findings.spo2Percent;
    return spo2 != null && spo2 < ROOM_AIR_SPO2_BELOW_PERCENT ? ROOM_AIR_REQUIRES_OXYGEN : NO_FINDING;
  }
  if (findings.oxygen !== 'NASAL_CANNULA') return HYPOXIA_BY_SUPPORT[findings.oxygen];
  const flow = findings.oxygenFlowLpm;
  if (flow == null) return null;
  return flow <= LOW_FLOW_MAX_LPM ? LOW_FLOW_NASAL_CANNULA : NASAL_CANNULA_HIGH_FLOW;
};

const GRADED: readonly Graded[] = [0, 1, 2, 3, 4].map((grade) =>
  Object.freeze({ status: 'GRADED', grade: grade as Grade }),
);
const graded = (grade: Grade): Graded => GRADED[grade] ?? { status: 'GRADED', grade };

const unknown = (needs: string): GradeResult<Unknown> =>
  Object.freeze({
    outcome: Object.freeze({ status: 'UNKNOWN', needs: Object.freeze([needs]) }),
    drivers: Object.freeze([]),
  });
/** Never a silent pass: fever is required and cannot be judged without a temperature. */
const NEEDS_TEMPERATURE = unknown('temperatureCelsius');
const NEEDS_OXYGEN_FLOW = unknown('oxygenFlowLpm');

const ONLY_AFTER_ANTICYTOKINE_NO_FINDINGS: readonly Driver[] = Object.freeze([
  CRS_DRIVERS.afterAnticytokineNoFindings,
]);
const ONLY_NO_CRS_FINDINGS: readonly Driver[] = Object.freeze([CRS_DRIVERS.noCrsFindings]);
const ONLY_NO_FEVER: readonly Driver[] = Object.freeze([CRS_DRIVERS.noFeverConsiderOtherCauses]);

const pushFindings = (drivers: Driver[], hypotension: Finding, hypoxia: Finding): Driver[] => {
  if (hypotension.driver) drivers.push(hypotension.driver);
  if (hypoxia.driver) drivers.push(hypoxia.driver);
  return drivers;
};

/** Grades already-validated CRS findings (the hot path). */
export const gradeCrsFindings = (findings: CrsFindings): GradeResult<CrsOutcome> => {
  const hypoxia = hypoxiaFinding(findings);
  if (hypoxia === null) return NEEDS_OXYGEN_FLOW;
  const hypotension = hypotensionFinding(findings);
  const organ: Grade = hypotension.grade >= hypoxia.grade ? hypotension.grade : hypoxia.grade;
  const temperature = findings.temperatureCelsius;

  if (temperature != null && temperature >= FEVER_THRESHOLD_CELSIUS) {
    // CRS-G1: fever present, grade 1 alone or the most severe of hypotension and hypoxia.
    return {
      outcome: graded(organ === 0 ? 1 : organ),
      drivers: pushFindings([CRS_DRIVERS.fever], hypotension, hypoxia),
    };
  }
  if (findings.afterAnticytokineTherapy) {
    // CRS-G2: after tocilizumab/steroids/antipyretics hypotension and hypoxia grade without fever.
    if (organ === 0) return { outcome: graded(0), drivers: ONLY_AFTER_ANTICYTOKINE_NO_FINDINGS };
    return {
      outcome: graded(organ),
      drivers: pushFindings([CRS_DRIVERS.afterAnticytokine], hypotension, hypoxia),
    };
  }
  if (temperature == null) return NEEDS_TEMPERATURE;
  // CRS-G5: no fever, no prior therapy: grade 0; with hypotension/hypoxia "consider other causes".
  return { outcome: graded(0), drivers: organ === 0 ? ONLY_NO_CRS_FINDINGS : ONLY_NO_FEVER };
};
