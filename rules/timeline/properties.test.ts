import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { localizedTextProblems } from '../core/text-check.ts';
import { OXYGEN_SUPPORTS, VASOPRESSORS } from '../crs/schemas.ts';
import { currentRecords } from './corrections.ts';
import { foldTimeline } from './fold.ts';
import { messages } from './messages.ts';
import { compareRecords } from './order.ts';
import type { TimelineRecord, TimelineVitals } from './records.ts';
import { DEFAULT_TIMELINE_SETTINGS } from './settings.ts';
import { step, type TimelineContext } from './step.ts';
import { viewTimeline } from './view.ts';

const context: TimelineContext = {
  patient: { weightKg: 70, infusionDate: '2026-03-01' },
  settings: DEFAULT_TIMELINE_SETTINGS,
};
const START = Date.parse('2026-03-01T00:00:00Z');

const vitalsFields = fc.record(
  {
    temperatureCelsius: fc.oneof(
      fc.constantFrom(37.9, 38, 38.1),
      fc.double({ min: 35, max: 41, noNaN: true }),
    ),
    systolicBp: fc.integer({ min: 60, max: 160 }),
    spo2Percent: fc.oneof(fc.constantFrom(89.9, 90), fc.integer({ min: 80, max: 100 })),
    oxygen: fc.constantFrom(...OXYGEN_SUPPORTS.filter((o) => o !== 'NASAL_CANNULA')),
    vasopressors: fc.array(fc.constantFrom(...VASOPRESSORS), { maxLength: 3 }),
  },
  { requiredKeys: [] },
);

/** A course: times never go back; several records may share a timestamp. */
const course = fc
  .array(
    fc.record({
      gapMinutes: fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 600 })),
      record: fc.oneof(
        { weight: 6, arbitrary: vitalsFields.map((v) => ({ kind: 'VITALS' as const, ...v })) },
        {
          weight: 2,
          arbitrary: fc.constantFrom('TOCILIZUMAB', 'DEXAMETHASONE', 'ANTIPYRETIC').map((drug) => ({
            kind: 'DOSE' as const,
            drug,
            mg: drug === 'TOCILIZUMAB' ? 560 : 10,
            route: 'IV' as const,
          })),
        },
        {
          weight: 1,
          arbitrary: fc.integer({ min: 0, max: 10 }).map((score) => ({
            kind: 'NEURO' as const,
            ice: {
              orientation: Math.min(4, score),
              naming: Math.min(3, Math.max(0, score - 4)),
              followsCommands: score >= 8 ? 1 : 0,
              writing: score >= 9 ? 1 : 0,
              attention: score >= 10 ? 1 : 0,
            },
            consciousness: 'NORMAL' as const,
            seizure: 'NONE' as const,
            deepFocalMotorWeakness: false,
            cerebralEdema: 'NONE' as const,
          })),
        },
      ),
    }),
    { minLength: 1, maxLength: 40 },
  )
  .map((entries) => {
    let t = START + 86_400_000;
    return entries.map(({ gapMinutes, record }, i): TimelineRecord => {
      t += gapMinutes * 60_000;
      return {
        ...record,
        id: `R${String(i).padStart(4, '0')}`,
        at: new Date(t).toISOString(),
      };
    });
  });

const OMITTABLE = ['temperatureCelsius', 'systolicBp', 'spo2Percent', 'oxygen', 'vasopressors'] as const;

describe('timeline properties', () => {
  it('EPI-1…7: folding every record equals stepping one at a time from a stored (JSON) state', () => {
    fc.assert(
      fc.property(course, fc.nat(), (records, cut) => {
        const folded = foldTimeline(records, context).state;
        let state = foldTimeline([], context).state;
        for (const record of [...records].sort(compareRecords))
          state = step(JSON.parse(JSON.stringify(state)) as typeof state, record, context).state;
        expect(state).toEqual(folded);
        // Re-folding from a checkpoint equals folding from the start.
        const ordered = [...records].sort(compareRecords);
        const k = cut % (ordered.length + 1);
        const checkpoint = JSON.parse(
          JSON.stringify(foldTimeline(ordered.slice(0, k), context).state),
        ) as typeof state;
        expect(foldTimeline(ordered.slice(k), context, checkpoint).state).toEqual(folded);
      }),
      { numRuns: 200 },
    );
  });

  it('EPI-1…7: derived state does not depend on the arrival order of records with the same timestamp', () => {
    fc.assert(
      fc.property(course, fc.integer(), (records, seed) => {
        const shuffled = [...records].sort(
          (a, b) => a.at.localeCompare(b.at) || ((seed ^ a.id.length ^ b.id.charCodeAt(4)) & 1 ? 1 : -1),
        );
        expect(foldTimeline(shuffled, context).state).toEqual(foldTimeline(records, context).state);
      }),
      { numRuns: 200 },
    );
  });

  it('EPI-2: an entry that omits a field never lowers the current grade, and its lower bound is sound', () => {
    fc.assert(
      fc.property(
        course,
        vitalsFields,
        fc.subarray([...OMITTABLE], { minLength: 1 }),
        (history, entry, omitted) => {
          const before = foldTimeline(history, context).state;
          const lastMs = Date.parse(before.last?.at ?? '2026-03-02T00:00:00Z');
          const complete: TimelineVitals = {
            kind: 'VITALS',
            id: 'ZZZZ',
            at: new Date(lastMs + 60_000).toISOString(),
            temperatureCelsius: entry.temperatureCelsius ?? 38.5,
            systolicBp: entry.systolicBp ?? 110,
            spo2Percent: entry.spo2Percent ?? 95,
            oxygen: entry.oxygen ?? 'ROOM_AIR',
            vasopressors: entry.vasopressors ?? [],
          };
          const partial = Object.fromEntries(
            Object.entries(complete).filter(([field]) => !(omitted as string[]).includes(field)),
          ) as TimelineVitals;
          const withPartial = step(before, partial, context);
          const withComplete = step(before, complete, context);
          const beforeGrade = before.crs === null ? 0 : Math.min(4, before.crs.grade);
          if (withPartial.crs?.status === 'LOWER_BOUND') {
            // No de-escalation by an incomplete record (EPI-2) …
            expect(withPartial.state.crs?.grade ?? 0).toBeGreaterThanOrEqual(beforeGrade);
            // … and the bound is at most the grade of the complete entry when nothing was carried.
            const carried = withPartial.crs.sources.some(
              (s) => s.carried && s.component !== 'fever' && s.component !== 'therapy',
            );
            if (!carried) expect(withPartial.crs.grade).toBeLessThanOrEqual(withComplete.crs?.grade ?? 0);
          }
        },
      ),
      { numRuns: 300 },
    );
  });

  it('EPI-4: a correction never increases the count of doses given', () => {
    fc.assert(
      fc.property(course, fc.nat(), fc.boolean(), (records, pick, retract) => {
        const doses = records.filter((r) => r.kind === 'DOSE' && r.drug === 'TOCILIZUMAB');
        const target = doses[pick % Math.max(1, doses.length)];
        const count = (
          rs: readonly (TimelineRecord & { corrects?: string; retracted?: boolean })[],
        ): number => {
          const state = foldTimeline(currentRecords(rs), context).state;
          return state.tocilizumabCourseCount;
        };
        const before = count(records);
        if (target === undefined) return;
        const correction = {
          ...target,
          id: 'ZZZZ',
          corrects: target.id,
          ...(retract ? { retracted: true } : {}),
        };
        expect(count([...records, correction])).toBeLessThanOrEqual(before);
        // A second correction of the superseded dose would be refused; correcting the correction keeps one.
        const again = { ...target, id: 'ZZZZZ', corrects: 'ZZZZ' };
        if (!retract) expect(count([...records, correction, again])).toBe(before);
      }),
      { numRuns: 200 },
    );
  });

  it('EPI-7: the view never throws and names the zone in every time it shows', () => {
    fc.assert(
      fc.property(course, (records) => {
        const state = foldTimeline(records, context).state;
        const view = viewTimeline(state, '2026-04-01T00:00:00Z', DEFAULT_TIMELINE_SETTINGS);
        expect(view.tocilizumab.dosesCounted).toBeGreaterThanOrEqual(0);
      }),
      { numRuns: 50 },
    );
  });

  it('bounded state: a 14-day course of 15-minute vitals keeps the state small', () => {
    const records: TimelineRecord[] = [];
    for (let i = 0; i < 14 * 96; i += 1)
      records.push({
        kind: 'VITALS',
        id: `V${String(i).padStart(5, '0')}`,
        at: new Date(START + 86_400_000 + i * 15 * 60_000).toISOString(),
        temperatureCelsius: 37 + ((i * 7) % 25) / 10,
        systolicBp: 90 + (i % 30),
        spo2Percent: 94,
        oxygen: 'ROOM_AIR',
        vasopressors: [],
      });
    const size = JSON.stringify(foldTimeline(records, context).state).length;
    expect(size).toBeLessThan(16_000);
  });

  it('every timeline message exists in Chinese and English', () => {
    const samples = [
      messages.lowerBound(1, ['oxygen', 'vasopressors']),
      messages.keptPrevious(3, {
        zh: '2026-03-01 03:10（Asia/Shanghai）',
        en: '2026-03-01 03:10 (Asia/Shanghai)',
      }),
      messages.notRecorded('spo2'),
      messages.feverUsed(39.2, { zh: 'x', en: 'x' }),
      messages.masking('TOCILIZUMAB', { zh: 'x', en: 'x' }),
      messages.notMaskedBeforeEpisode('ANTIPYRETIC', { zh: 'x', en: 'x' }),
      messages.episodeOpened(2, { zh: 'x', en: 'x' }),
      messages.episodeLate,
      messages.episodeClosed(1, { zh: 'x', en: 'x' }),
      messages.concurrentCrs(2, { zh: 'x', en: 'x' }),
      messages.noConcurrentClosed({ zh: 'x', en: 'x' }),
      messages.noConcurrentStale({ zh: 'x', en: 'x' }),
      messages.hlhIntervention('DEXAMETHASONE', { zh: 'x', en: 'x' }),
      messages.hlhBaseline({ zh: 'x', en: 'x' }),
      messages.hlhComponent('hypoxia', 'UNKNOWN'),
      messages.hlhUnknown(['temperature']),
      messages.hlhRecheck({ zh: 'x', en: 'x' }),
      messages.tocilizumabInEpisode(2),
      messages.tocilizumabMaxTotal(4, 'per-episode'),
      messages.tocilizumabMax24h(3, 3, { zh: 'x', en: 'x' }),
      messages.tocilizumabTooSoon({ zh: 'x', en: 'x' }, { zh: 'x', en: 'x' }),
      messages.tocilizumabAllowed(1),
      messages.death('CRS', { zh: 'x', en: 'x' }),
    ];
    for (const sample of samples) expect(localizedTextProblems(sample).problems).toEqual([]);
  });
});
