import {
  DEFAULT_RULES_CONFIG,
  ESCALATION_CITATION,
  evaluateCrs,
  evaluateIcans,
  RULESET,
  type RuleEvaluation,
} from '#rules';
import type {
  AlertRecord,
  EpisodeHead,
  GradingDomain,
  GradingRecord,
  Recording,
  VitalsRecord,
} from '#episodes';

/**
 * Data for view and listener tests, built from the real rules (never hand-written grades): an
 * episode head, a vitals recording graded by evaluateCrs, an alert as the service stores it.
 */
export const NOW = new Date('2026-03-03T02:00:00.000Z');
/** NOW's date in the hospital's calendar (Asia/Shanghai: 10:00 the same day). */
export const TODAY = '2026-03-03';
export const ALERT_ID = '01JQ0000000000000000000001';
export const config = DEFAULT_RULES_CONFIG;

const author = { userId: 'slack:U0NURSE', role: 'nurse' as const, via: 'slack' as const };

export const head = (overrides: Partial<EpisodeHead> = {}): EpisodeHead => ({
  PK: 'EP#EP-7',
  SK: 'META',
  kind: 'EPISODE',
  id: 'EP-7',
  patientRef: 'P-2026-0042',
  team: 'hem-a',
  status: 'ACTIVE',
  product: 'KARMMA',
  weightKg: 70,
  heightCm: 170,
  apheresisDate: null,
  lymphodepletionStartDate: '2026-02-24',
  lymphodepletionEndDate: '2026-02-26',
  infusionDate: '2026-03-01',
  createdAt: '2026-02-20T00:00:00.000Z',
  createdBy: author,
  updatedAt: NOW.toISOString(),
  closed: null,
  version: 3,
  ruleset: RULESET.ref,
  summary: {
    crsGrade: 3,
    crsGradedAt: NOW.toISOString(),
    icansGrade: null,
    icansGradedAt: null,
    lastVitalsAt: NOW.toISOString(),
    tocilizumabDoseTimes: [],
    openAlerts: [{ id: ALERT_ID, escalationId: 'ESC-CRS3', level: 'CRITICAL', raisedAt: NOW.toISOString() }],
  },
  GSI1PK: 'TEAM#hem-a',
  GSI1SK: `ACTIVE#${NOW.toISOString()}#EP-7`,
  ...overrides,
});

export const grading = (
  domain: GradingDomain,
  evaluation: RuleEvaluation<{ status: string; grade?: number; needs?: readonly string[] }>,
): GradingRecord => ({
  PK: 'EP#EP-7',
  SK: `GRADE#${NOW.toISOString()}#01JQ0000000000000000000002`,
  id: '01JQ0000000000000000000002',
  kind: 'GRADING',
  episodeId: 'EP-7',
  recordedAt: NOW.toISOString(),
  recordedBy: author,
  domain,
  basedOn: '01JQ0000000000000000000003',
  grade: evaluation.outcome.status === 'GRADED' ? (evaluation.outcome.grade ?? null) : null,
  status: evaluation.outcome.status,
  needs: evaluation.outcome.needs ?? [],
  drivers: evaluation.drivers,
  recommendations: evaluation.recommendations,
  notes: evaluation.notes,
  citations: evaluation.citations,
  ruleset: evaluation.ruleset,
  inputs: {},
});

export const alert = (overrides: Partial<AlertRecord> = {}): AlertRecord => ({
  PK: 'EP#EP-7',
  SK: `ALERT#${NOW.toISOString()}#${ALERT_ID}`,
  id: ALERT_ID,
  kind: 'ALERT',
  episodeId: 'EP-7',
  recordedAt: NOW.toISOString(),
  recordedBy: author,
  escalationId: 'ESC-CRS3',
  level: 'CRITICAL',
  text: {
    zh: 'CRS 3级(≥ 3):立即医师评估,评估是否转入ICU',
    en: 'CRS grade 3 (≥ 3): immediate physician review, ICU evaluation',
  },
  sourceRuleIds: ['CRS-GRADE'],
  citations: [ESCALATION_CITATION, { section: '§7.1 T3', source: 'cn-mm-cart-2022' }],
  raisedAt: NOW.toISOString(),
  basedOn: '01JQ0000000000000000000002',
  team: 'hem-a',
  delivery: { status: 'PENDING', attempts: 0 },
  ...overrides,
});

const vitalsRecord: VitalsRecord = {
  PK: 'EP#EP-7',
  SK: `OBS#${NOW.toISOString()}#01JQ0000000000000000000003`,
  id: '01JQ0000000000000000000003',
  kind: 'VITALS',
  episodeId: 'EP-7',
  recordedAt: NOW.toISOString(),
  recordedBy: author,
  values: {
    measuredAt: NOW.toISOString(),
    temperatureCelsius: 38.9,
    systolicBp: 84,
    oxygen: 'ROOM_AIR',
    vasopressors: ['NOREPINEPHRINE'],
    hypotension: false,
    organToxicity: false,
  },
};

/** A febrile patient on norepinephrine: CRS 3 with tocilizumab 560 mg for 70 kg, and ESC-CRS3. */
export const criticalRecording = (overrides: Partial<Recording> = {}): Recording => ({
  episode: head(),
  record: vitalsRecord,
  gradings: [
    grading(
      'CRS',
      evaluateCrs({
        temperatureCelsius: 38.9,
        systolicBp: 84,
        vasopressors: ['NOREPINEPHRINE'],
        weightKg: 70,
        assessedAt: NOW.toISOString(),
        previousTocilizumabDoses: [],
      }),
    ),
  ],
  alerts: [alert()],
  replayed: false,
  ...overrides,
});

export const icansEvaluation = () =>
  evaluateIcans({
    ice: { orientation: 4, naming: 3, followsCommands: 1, writing: 0, attention: 0 },
    consciousness: 'AWAKENS_TO_VOICE',
    weightKg: 70,
  });
