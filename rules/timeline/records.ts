/**
 * What the episode timeline folds: the clinical records of one patient's course as entered, each
 * with its clinical time. Only current records are folded (EPI-4: a corrected or retracted record
 * no longer counts; see corrections.ts). A field that an entry omits is `undefined` or `null`:
 * "not recorded", never a default (EPI-2).
 */
import type { OxygenSupport, Vasopressor } from '../crs/schemas.ts';

export type TimelineVitals = {
  readonly kind: 'VITALS';
  readonly id: string;
  /** Clinical time (ISO 8601, UTC). */
  readonly at: string;
  readonly temperatureCelsius?: number | null | undefined;
  readonly systolicBp?: number | null | undefined;
  readonly spo2Percent?: number | null | undefined;
  /** Not recorded when omitted; ROOM_AIR must be said (EPI-2). */
  readonly oxygen?: OxygenSupport | null | undefined;
  readonly oxygenFlowLpm?: number | null | undefined;
  /** Not recorded when omitted; [] is "no vasopressor", said (EPI-2). */
  readonly vasopressors?: readonly Vasopressor[] | null | undefined;
  /** Hypotension judged at the bedside (a systolic < 90 mmHg or a vasopressor also counts). */
  readonly hypotension?: boolean | null | undefined;
  readonly organToxicity?: boolean | null | undefined;
};

export type TimelineNeuro = {
  readonly kind: 'NEURO';
  readonly id: string;
  readonly at: string;
  readonly ice?:
    | {
        readonly orientation: number;
        readonly naming: number;
        readonly followsCommands: number;
        readonly writing: number;
        readonly attention: number;
      }
    | null
    | undefined;
  readonly consciousness:
    'NORMAL' | 'AWAKENS_SPONTANEOUSLY' | 'AWAKENS_TO_VOICE' | 'AWAKENS_TO_TACTILE' | 'UNAROUSABLE';
  readonly seizure: 'NONE' | 'RAPIDLY_RESOLVING' | 'PROLONGED_OR_REPETITIVE';
  readonly deepFocalMotorWeakness: boolean;
  readonly cerebralEdema: 'NONE' | 'FOCAL' | 'DIFFUSE';
  readonly movementDisorderSigns?: boolean | undefined;
};

export type TimelineDose = {
  readonly kind: 'DOSE';
  readonly id: string;
  readonly at: string;
  /** As stored: TOCILIZUMAB, DEXAMETHASONE, METHYLPREDNISOLONE, ANTIPYRETIC, … */
  readonly drug: string;
  readonly mg: number;
  readonly route: 'IV' | 'PO' | 'SC';
  /** TOCI-5: why a dose outside the rules' limits was given anyway. */
  readonly overrideReason?: string | null | undefined;
};

export const DEATH_ATTRIBUTIONS = ['CRS', 'ICANS', 'OTHER'] as const;
export type DeathAttribution = (typeof DEATH_ATTRIBUTIONS)[number];

/** EPI-5: a death with its attribution; CRS or ICANS makes it grade 5 of that syndrome (ASTCT). */
export type TimelineDeath = {
  readonly kind: 'DEATH';
  readonly id: string;
  readonly at: string;
  readonly attribution: DeathAttribution;
};

export type TimelineRecord = TimelineVitals | TimelineNeuro | TimelineDose | TimelineDeath;

/** Drugs after which fever is no longer required inside an open CRS episode (CRS-G2). */
export const MASKING_DRUGS: ReadonlySet<string> = new Set([
  'TOCILIZUMAB',
  'DEXAMETHASONE',
  'METHYLPREDNISOLONE',
  'ANTIPYRETIC',
]);
/** First-line intervention of CRS-HLH: tocilizumab or a corticosteroid. */
export const FIRST_LINE_DRUGS: ReadonlySet<string> = new Set([
  'TOCILIZUMAB',
  'DEXAMETHASONE',
  'METHYLPREDNISOLONE',
]);
