/**
 * One vitals record on the timeline: CRS grade (complete or lower bound, EPI-2) from the fever of
 * the open CRS episode and the carried components, masking only inside the open episode after
 * therapy given in it (CRS-G2), the CRS episode (EPI-1), CRS-S1 suspicion, the CRS-HLH comparison,
 * and the escalations (EPI-6).
 */
import { calendarDateIn, daysBetween, localTimeText } from '../core/index.ts';
import type { Note } from '../core/index.ts';
import { evaluateCrsAssessment } from '../crs/evaluate.ts';
import { evaluateCrsSuspicion } from '../crs/suspicion.ts';
import type { Grade } from '../crs/types.ts';
import { collectEscalations } from '../escalation/evaluate.ts';
import type { EscalationChecks } from '../escalation/schemas.ts';
import { closeIfDue, openEpisodeAt, withinHours } from './crs-episode.ts';
import { crsBounds } from './crs-bounds.ts';
import type { CrsDerivation, HlhDerivation, StepResult } from './derivation.ts';
import { tagTriggers } from './escalations.ts';
import { compareWithIntervention } from './hlh-comparison.ts';
import { messages } from './messages.ts';
import type { TimelineVitals } from './records.ts';
import type { TimelinePatient, TimelineSettings } from './settings.ts';
import type { CrsEpisode, LastRecorded, Stamped, TimelineState } from './state.ts';
import { highestSince, pushTemperature } from './temperatures.ts';
import { tocilizumabStatusAt } from './tocilizumab-status.ts';
import { hasCrsFinding, isCleanComplete, ownOxygen, vitalsFindings, type Source } from './vitals-findings.ts';

const stamped = <T>(
  value: T | null | undefined,
  record: TimelineVitals,
  last: Stamped<T> | null,
): Stamped<T> | null =>
  value === null || value === undefined ? last : { value, at: record.at, recordId: record.id };

const remember = (recorded: LastRecorded, record: TimelineVitals): LastRecorded => ({
  temperatureCelsius: stamped(record.temperatureCelsius, record, recorded.temperatureCelsius),
  systolicBp: stamped(record.systolicBp, record, recorded.systolicBp),
  spo2Percent: stamped(record.spo2Percent, record, recorded.spo2Percent),
  oxygen: stamped(ownOxygen(record), record, recorded.oxygen),
  vasopressors: stamped(record.vasopressors, record, recorded.vasopressors),
  vitalsAt: { at: record.at, recordId: record.id },
});

const asGrade = (grade: number): Grade => Math.min(4, Math.max(0, grade)) as Grade;

export const stepVitals = (
  before: TimelineState,
  record: TimelineVitals,
  patient: TimelinePatient,
  settings: TimelineSettings,
): StepResult => {
  const tz = settings.timeZone;
  const at = record.at;
  const state = closeIfDue(before, at, settings);
  const open = openEpisodeAt(state, at, settings);
  const ownTemperature =
    record.temperatureCelsius == null ? null : { value: record.temperatureCelsius, at, recordId: record.id };
  const temperatures = pushTemperature(state.temperatures, ownTemperature, at, settings.feverWindowHours);
  // EPI-2: inside an open CRS episode the fever is the highest of its last 24 h; otherwise the record's own.
  const fever = open ? highestSince(temperatures, open.onset.at) : ownTemperature;
  const findings = vitalsFindings(record, state.recorded, fever?.value ?? null, settings);
  const snapshot = findings.snapshot;
  const masking = open?.masking ?? null;
  const bounds = crsBounds(snapshot, masking !== null, findings.unknown);
  const toci = tocilizumabStatusAt(state, at, settings);
  const evaluation = evaluateCrsAssessment(
    {
      temperatureCelsius: snapshot.feverCelsius,
      systolicBp: snapshot.systolicBp,
      spo2Percent: snapshot.spo2Percent,
      hypotension: snapshot.hypotensionFlag,
      vasopressors: [...(snapshot.vasopressors ?? [])],
      oxygen: snapshot.oxygen?.support ?? 'ROOM_AIR',
      oxygenFlowLpm: snapshot.oxygen?.flowLpm ?? null,
      afterAnticytokineTherapy: masking !== null,
      organToxicity: record.organToxicity === true,
      weightKg: patient.weightKg,
      assessedAt: at,
      previousTocilizumabDoses: [...toci.doseTimes],
    },
    settings,
  );
  const complete = bounds.least === bounds.worst;
  const grade = bounds.least;

  // EPI-2: an incomplete record never lowers the current grade (nor de-escalates an alert).
  const previous = state.crs;
  const previousGrade = previous === null ? 0 : Math.min(4, previous.grade);
  const current = complete
    ? { grade, at, recordId: record.id, complete: true, needs: [] }
    : {
        grade: Math.max(grade, previousGrade) as Grade,
        at,
        recordId: record.id,
        complete: false,
        needs: bounds.needs,
      };
  // EPI-1: the record opens a CRS episode when graded ≥ 1 and none is open.
  let episode: CrsEpisode | null = open;
  let raised = state.raised;
  const finding = hasCrsFinding(snapshot);
  if (episode === null && grade >= 1) {
    episode = {
      number: (state.crsEpisode?.number ?? 0) + 1,
      onset: { at, recordId: record.id },
      peak: { value: current.grade, at, recordId: record.id },
      latest: { value: current.grade, at, recordId: record.id },
      lastFindingAt: at,
      cleanAfterLastFinding: null,
      closedAt: null,
      masking: null,
      firstLine: null,
      beforeIntervention: null,
      hlh: null,
    };
    raised = [];
  } else if (episode !== null) {
    episode = {
      ...episode,
      peak:
        current.grade > episode.peak.value ? { value: current.grade, at, recordId: record.id } : episode.peak,
      latest: { value: current.grade, at, recordId: record.id },
      lastFindingAt: finding ? at : episode.lastFindingAt,
      cleanAfterLastFinding: finding
        ? null
        : (episode.cleanAfterLastFinding ?? (isCleanComplete(snapshot) ? { at, recordId: record.id } : null)),
    };
  }

  // Sources: where the values came from (EPI-2), the fever with its time, the masking dose (CRS-G2).
  const sources: Source[] = [...findings.sources];
  if (fever !== null && fever.recordId !== record.id)
    sources.push({
      component: 'fever',
      recordId: fever.recordId,
      at: fever.at,
      carried: true,
      text: messages.feverUsed(fever.value, localTimeText(fever.at, tz)),
    });
  if (masking !== null)
    sources.push({
      component: 'therapy',
      recordId: masking.recordId,
      at: masking.at,
      carried: true,
      text: messages.masking(masking.drug, localTimeText(masking.at, tz)),
    });
  const notes: Note[] = [];
  if (!complete) notes.push({ ruleId: 'EPI-2', text: messages.lowerBound(grade, bounds.needs) });
  if (!complete && previous !== null && previousGrade > grade)
    notes.push({
      ruleId: 'EPI-2',
      text: messages.keptPrevious(previousGrade, localTimeText(previous.at, tz)),
    });
  for (const component of findings.unknown)
    if (bounds.needs.includes(component))
      notes.push({ ruleId: 'EPI-2', text: messages.notRecorded(component) });

  const crsEpisodeNumber = episode?.number ?? null;
  const crs: CrsDerivation = {
    status: complete ? 'GRADED' : 'LOWER_BOUND',
    grade,
    needs: bounds.needs,
    evaluation,
    sources,
    crsEpisode: crsEpisodeNumber,
    notes,
  };

  const checks: { -readonly [K in keyof EscalationChecks]: EscalationChecks[K] } = {
    crsGrades: {
      previousGrade: previous ? asGrade(previous.grade) : null,
      currentGrade: asGrade(current.grade),
    },
  };
  // ESC-ICANS2 also starts to hold when CRS rises under an unchanged ICANS ≥ 2 assessed in the last 24 h.
  if (state.icans && withinHours(state.icans.at, at, settings.staleCrsHours)) {
    const icans = asGrade(state.icans.grade);
    checks.icansGrades = { previousGrade: icans, currentGrade: icans };
  }

  // CRS-S1 suspicion, from the record's own signs; EPI-6: not raised separately when graded CRS ≥ 1.
  let suspicion: StepResult['suspicion'];
  let suspected = state.suspected;
  if (patient.infusionDate !== null) {
    const daysSinceInfusion = daysBetween(patient.infusionDate, calendarDateIn(at, tz));
    if (daysSinceInfusion >= 0) {
      suspicion = evaluateCrsSuspicion({
        daysSinceInfusion,
        temperatureCelsius: record.temperatureCelsius ?? null,
        systolicBp: record.systolicBp ?? null,
        spo2Percent: record.spo2Percent ?? null,
        organToxicity: record.organToxicity === true,
      });
      const isSuspected = suspicion.outcome.status === 'SUSPECTED';
      if (grade < 1)
        checks.suspicion = {
          daysSinceInfusion,
          suspected: isSuspected,
          previouslySuspected: state.suspected,
        };
      suspected = isSuspected;
      if (!isSuspected) suspicion = undefined;
    }
  }

  // CRS-HLH: compare with the last record before the first-line intervention of this episode.
  let hlh: HlhDerivation | undefined;
  if (episode?.firstLine != null && episode.beforeIntervention !== null) {
    const comparison = compareWithIntervention(episode.firstLine.at, episode.beforeIntervention, snapshot);
    const previousStatus = episode.hlh?.value ?? null;
    hlh = {
      ...comparison,
      crsEpisode: episode.number,
      intervention: episode.firstLine,
      beforeIntervention: {
        at: episode.beforeIntervention.at,
        recordId: episode.beforeIntervention.recordId,
      },
      texts: [
        {
          ruleId: 'CRS-HLH',
          text: messages.hlhIntervention(episode.firstLine.drug, localTimeText(episode.firstLine.at, tz)),
        },
        { ruleId: 'CRS-HLH', text: messages.hlhBaseline(localTimeText(episode.beforeIntervention.at, tz)) },
        ...comparison.components.map((c) => ({
          ruleId: 'CRS-HLH',
          text: messages.hlhComponent(c.component, c.course),
        })),
        ...(comparison.status === 'UNKNOWN'
          ? [{ ruleId: 'CRS-HLH', text: messages.hlhUnknown(comparison.needs) }]
          : []),
        ...(comparison.recheckAt
          ? [{ ruleId: 'CRS-HLH', text: messages.hlhRecheck(localTimeText(comparison.recheckAt, tz)) }]
          : []),
      ],
    };
    const status = comparison.status === 'UNKNOWN' ? null : comparison.status;
    if (status !== null)
      checks.hlh = { status, previousStatus: previousStatus === 'UNKNOWN' ? null : previousStatus };
    episode = { ...episode, hlh: { value: comparison.status, at, recordId: record.id } };
  }

  const tagged = tagTriggers({ ...state, raised }, collectEscalations(checks), crsEpisodeNumber, {
    at,
    recordId: record.id,
  });
  return {
    state: {
      ...state,
      recorded: remember(state.recorded, record),
      lastVitals: snapshot,
      temperatures,
      crs: current,
      crsComplete: complete ? { value: grade, at, recordId: record.id } : state.crsComplete,
      crsEpisode: episode ?? state.crsEpisode,
      suspected,
      raised: tagged.raised,
    },
    record,
    crs,
    ...(suspicion ? { suspicion } : {}),
    ...(hlh ? { hlh } : {}),
    triggers: tagged.triggers,
  };
};
