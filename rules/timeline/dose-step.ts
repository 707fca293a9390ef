/**
 * One dose on the timeline. Inside an open CRS episode the first antipyretic, tocilizumab or
 * corticosteroid dose lifts the fever requirement (CRS-G2) and the first tocilizumab or
 * corticosteroid dose is the first-line intervention (CRS-HLH), compared later with the last
 * vitals record before it. Tocilizumab doses are counted (TOCI-3 window, TOCI-4 per episode or
 * course); a dose stored over a limit or over the computed dose (with its override reason) raises
 * ESC-TOCI or ESC-DOSE.
 */
import { instantMs } from '../core/index.ts';
import { collectEscalations } from '../escalation/evaluate.ts';
import { doseOverrideOf } from '../escalation/dose.ts';
import type { EscalationChecks } from '../escalation/schemas.ts';
import { closeIfDue, openEpisodeAt } from './crs-episode.ts';
import type { StepResult } from './derivation.ts';
import { checkDose } from './dose-check.ts';
import { tagTriggers } from './escalations.ts';
import { FIRST_LINE_DRUGS, MASKING_DRUGS, type TimelineDose } from './records.ts';
import { HOUR_MS, type TimelinePatient, type TimelineSettings } from './settings.ts';
import type { CrsEpisode, TimelineState } from './state.ts';

/** Dose times kept for display per CRS episode (the count is exact beyond it). */
const SHOWN_EPISODE_DOSES = 8;

export const stepDose = (
  before: TimelineState,
  record: TimelineDose,
  patient: TimelinePatient,
  settings: TimelineSettings,
): StepResult => {
  const at = record.at;
  const state = closeIfDue(before, at, settings);
  const open = openEpisodeAt(state, at, settings);
  const check = checkDose(state, record, patient, settings);
  const stamp = { at, recordId: record.id };
  const dose = { ...stamp, drug: record.drug };

  let episode: CrsEpisode | null = open;
  if (episode !== null) {
    if (episode.masking === null && MASKING_DRUGS.has(record.drug)) episode = { ...episode, masking: dose };
    if (episode.firstLine === null && FIRST_LINE_DRUGS.has(record.drug)) {
      const last = state.lastVitals;
      const inEpisode = last !== null && instantMs(last.at) >= instantMs(episode.onset.at);
      episode = { ...episode, firstLine: dose, beforeIntervention: inEpisode ? last : null };
    }
  }

  const checks: { -readonly [K in keyof EscalationChecks]: EscalationChecks[K] } = {};
  let tocilizumab = {
    recent: state.tocilizumabRecent,
    episode: state.tocilizumabEpisode,
    course: state.tocilizumabCourseCount,
  };
  if (record.drug === 'TOCILIZUMAB' && check.tocilizumab !== null) {
    if (check.tocilizumab.status !== 'ALLOWED')
      checks.tocilizumab = {
        status: check.tocilizumab.status,
        earliestNextDoseAt: check.tocilizumab.earliestNextDoseAt,
        timeZone: settings.timeZone,
      };
    const windowStart = instantMs(at) - 24 * HOUR_MS;
    tocilizumab = {
      recent: [...state.tocilizumabRecent.filter((d) => instantMs(d.at) > windowStart), stamp],
      episode: {
        count: state.tocilizumabEpisode.count + 1,
        doses:
          state.tocilizumabEpisode.doses.length < SHOWN_EPISODE_DOSES
            ? [...state.tocilizumabEpisode.doses, stamp]
            : state.tocilizumabEpisode.doses,
      },
      course: state.tocilizumabCourseCount + 1,
    };
  }
  // ESC-DOSE: a dose over the computed dose or cap, or by a wrong route, stored with its reason.
  if (check.plausibility !== null && check.plausibility.problems.length > 0 && record.overrideReason)
    checks.dose = {
      ...doseOverrideOf(check.plausibility, record.overrideReason),
      problems: [...check.plausibility.problems.map((p) => p.code)],
    };
  const tagged = tagTriggers(state, collectEscalations(checks), open?.number ?? null, stamp);
  return {
    state: {
      ...state,
      crsEpisode: episode ?? state.crsEpisode,
      tocilizumabRecent: tocilizumab.recent,
      tocilizumabEpisode: tocilizumab.episode,
      tocilizumabCourseCount: tocilizumab.course,
      raised: tagged.raised,
    },
    record,
    ...(check.tocilizumab
      ? { tocilizumab: { before: check.tocilizumab, crsEpisode: open?.number ?? null } }
      : {}),
    triggers: tagged.triggers,
  };
};
