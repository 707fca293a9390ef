/**
 * Plays a course through the timeline the way the episode service does: each entry is validated
 * (a dose is checked before it is stored; a correction of a superseded record is refused), then
 * every current record (EPI-4) is folded and the new record's step is read.
 */
import { checkDose } from '../dose-check.ts';
import { correctionRefusal, indexCorrections, isCurrent } from '../corrections.ts';
import type { StepResult } from '../derivation.ts';
import { foldTimeline } from '../fold.ts';
import { compareKeys, sortKeyOf } from '../order.ts';
import type { TimelineDose, TimelineRecord } from '../records.ts';
import { DEFAULT_TIMELINE_SETTINGS, type TimelineSettings } from '../settings.ts';
import type { TimelineContext } from '../step.ts';
import { viewTimeline, type TimelineView } from '../view.ts';
import { INFUSION_DATE, type Course, type Entry } from './course.ts';

type Stored = TimelineRecord & {
  readonly corrects?: string;
  readonly retracted?: boolean;
  readonly label: string;
};

export type Played = {
  readonly entry: Entry;
  /** Why the entry was refused, or null when stored. */
  readonly refused: string | null;
  /** The step of the stored record (null when refused or a retraction). */
  readonly step: StepResult | null;
  readonly view: TimelineView;
};

const toRecord = (entry: Entry, id: string, original?: Stored): Stored | null => {
  if ('vitals' in entry) return { kind: 'VITALS', id, at: entry.at, label: entry.label, ...entry.vitals };
  if ('neuro' in entry)
    return {
      kind: 'NEURO',
      id,
      at: entry.at,
      label: entry.label,
      consciousness: 'NORMAL',
      seizure: 'NONE',
      deepFocalMotorWeakness: false,
      cerebralEdema: 'NONE',
      ...entry.neuro,
    };
  if ('dose' in entry) return { kind: 'DOSE', id, at: entry.at, label: entry.label, ...entry.dose };
  if ('death' in entry)
    return { kind: 'DEATH', id, at: entry.at, label: entry.label, attribution: entry.death };
  if (original === undefined) return null;
  const when = entry.at ?? original.at;
  if (entry.with === null)
    return { ...original, id, label: entry.label, corrects: original.id, retracted: true };
  return { ...original, ...entry.with, at: when, id, label: entry.label, corrects: original.id };
};

export const playCourse = (
  course: Course,
  settings: TimelineSettings = DEFAULT_TIMELINE_SETTINGS,
): Played[] => {
  const context: TimelineContext = {
    patient: { weightKg: course.weightKg, infusionDate: INFUSION_DATE },
    settings,
  };
  const stored: Stored[] = [];
  const played: Played[] = [];
  let n = 0;
  for (const [entry] of course.steps) {
    n += 1;
    const id = `R${String(n).padStart(3, '0')}`;
    let refused: string | null = null;
    let record: Stored | null = null;
    if ('corrects' in entry) {
      const index = indexCorrections(stored);
      const original = stored.find((r) => r.label === entry.corrects);
      if (original === undefined) throw new Error(`no record labelled ${entry.corrects}`);
      const refusal = correctionRefusal(index, original.id);
      if (refusal !== null)
        refused =
          refusal.reason === 'SUPERSEDED'
            ? `SUPERSEDED:${stored.find((r) => r.id === refusal.successor)?.label ?? refusal.successor}`
            : 'RETRACTION';
      else record = toRecord(entry, id, original);
    } else {
      record = toRecord(entry, id);
    }
    if (record !== null && record.kind === 'DOSE' && !('corrects' in entry)) {
      // The state before the dose: every current record that sorts before it.
      const index = indexCorrections(stored);
      const key = sortKeyOf(record);
      const before = foldTimeline(
        stored.filter((r) => isCurrent(index, r.id) && compareKeys(sortKeyOf(r), key) < 0),
        context,
      ).state;
      const check = checkDose(before, record, context.patient, settings);
      if (check.problems.length > 0 && !(record as TimelineDose).overrideReason)
        refused = check.problems.map((p) => p.code).join(',');
    }
    if (refused === null && record !== null) stored.push(record);
    const index = indexCorrections(stored);
    const fold = foldTimeline(
      stored.filter((r) => isCurrent(index, r.id)),
      context,
    );
    const step =
      refused === null && record !== null
        ? (fold.steps.find((s) => s.record.id === record.id) ?? null)
        : null;
    const time =
      record?.at ?? ('at' in entry && entry.at ? entry.at : (fold.state.last?.at ?? '2026-03-01T00:00:00Z'));
    played.push({ entry, refused, step, view: viewTimeline(fold.state, time, settings) });
  }
  return played;
};
