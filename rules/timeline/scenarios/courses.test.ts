import { describe, expect, it } from 'vitest';
import { COURSES } from './courses.ts';
import { playCourse } from './run-course.ts';

describe('patient courses (EPI-1…7 with the rules they apply)', () => {
  it('has at least 30 courses', () => {
    expect(COURSES.length).toBeGreaterThanOrEqual(30);
  });

  for (const course of COURSES) {
    describe(course.name, () => {
      const played = playCourse(course);
      course.steps.forEach(([entry, want], i) => {
        it(`${want.rules.join(' ')}: ${entry.label}`, () => {
          const got = played[i];
          if (!got) throw new Error('not played');
          if (want.refused !== undefined) expect(got.refused ?? '').toContain(want.refused);
          else expect(got.refused).toBeNull();
          const step = got.step;
          if (want.crs !== undefined) expect(step?.crs?.grade).toBe(want.crs);
          if (want.lowerBound !== undefined)
            expect(step?.crs?.status).toBe(want.lowerBound ? 'LOWER_BOUND' : 'GRADED');
          if (want.needs !== undefined)
            expect([...(step?.crs?.needs ?? [])].sort()).toEqual([...want.needs].sort());
          if (want.current !== undefined) expect(got.view.crs?.grade).toBe(want.current);
          if (want.episode !== undefined) {
            const episode = step?.crs?.crsEpisode ?? step?.tocilizumab?.crsEpisode ?? null;
            expect(episode).toBe(want.episode);
          }
          if (want.alerts !== undefined)
            expect(
              (step?.triggers ?? [])
                .filter((t) => !t.repeat)
                .map((t) => t.id)
                .sort(),
            ).toEqual([...want.alerts].sort());
          if (want.repeats !== undefined)
            expect(
              (step?.triggers ?? [])
                .filter((t) => t.repeat)
                .map((t) => t.id)
                .sort(),
            ).toEqual([...want.repeats].sort());
          if (want.hlh !== undefined) expect(step?.hlh?.status ?? null).toBe(want.hlh);
          if (want.toci !== undefined)
            expect(step?.tocilizumab ? step.tocilizumab.before.status : got.view.tocilizumab.status).toBe(
              want.toci,
            );
          if (want.tociCount !== undefined) expect(got.view.tocilizumab.dosesCounted).toBe(want.tociCount);
          if (want.masked !== undefined)
            expect((step?.crs?.sources ?? []).some((s) => s.component === 'therapy')).toBe(want.masked);
          if (want.carried !== undefined)
            expect(
              (step?.crs?.sources ?? [])
                .filter((s) => s.carried && ['oxygen', 'vasopressors', 'spo2'].includes(s.component))
                .map((s) => s.component)
                .sort(),
            ).toEqual([...want.carried].sort());
          if (want.icans !== undefined) {
            const outcome = step?.icans?.evaluation.outcome;
            expect(outcome?.status === 'GRADED' ? outcome.grade : null).toBe(want.icans);
          }
          if (want.concurrentCrs !== undefined)
            expect(step?.icans?.concurrentCrs?.grade ?? null).toBe(want.concurrentCrs);
        });
      });
    });
  }
});
