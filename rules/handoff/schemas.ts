import * as z from 'zod/mini';
import { isoDateTimeSchema, type LocalizedText } from '../core/index.ts';
import type { EscalationLevel } from '../escalation/index.ts';
import type { CarTProduct } from '../reference/index.ts';
import type { TimelineSettings } from '../timeline/settings.ts';
import type { TimelineState } from '../timeline/state.ts';
import type { ShiftGradeChange } from './grade-changes.ts';

/** An alert as the handoff reads it (the episode head's alert references). */
export type HandoffAlert = {
  readonly id: string;
  readonly escalationId: string;
  readonly level: EscalationLevel;
  readonly raisedAt: string;
  readonly acknowledged: boolean;
  readonly text: LocalizedText;
};

/** One active episode as the handoff reads it: the head's identity, dates and bounded state. */
export type HandoffEpisode = {
  readonly episodeId: string;
  readonly patientRef: string;
  readonly product: CarTProduct;
  readonly infusionDate: string | null;
  readonly lymphodepletionStartDate: string | null;
  readonly timeline: TimelineState;
  /** The grade changes the head keeps (HANDOFF-1; see grade-changes.ts for the bound). */
  readonly gradeChanges: readonly ShiftGradeChange[];
  readonly alerts: readonly HandoffAlert[];
};

/** A shift lasts 1–24 h; the last shift is the `shiftHours` before `at`, the next the `shiftHours` after. */
export const MIN_SHIFT_HOURS = 1;
export const MAX_SHIFT_HOURS = 24;
export const DEFAULT_SHIFT_HOURS = 12;
/** A team's handoff lists at most this many episodes (a bound on the work, far above a ward's size). */
export const MAX_HANDOFF_EPISODES = 500;

const timeZoneSchema = z.string().check(
  z.refine(
    (zone) => {
      try {
        new Intl.DateTimeFormat('en', { timeZone: zone });
        return true;
      } catch {
        return false;
      }
    },
    { error: 'an IANA time zone such as Asia/Shanghai' },
  ),
);

const SHIFT_HOURS_ALLOWED = `a whole number of hours from ${MIN_SHIFT_HOURS} to ${MAX_SHIFT_HOURS}`;

export const handoffOptionsSchema = z.strictObject({
  at: isoDateTimeSchema,
  timeZone: timeZoneSchema,
  shiftHours: z._default(
    z
      .number({ error: SHIFT_HOURS_ALLOWED })
      .check(
        z.int({ error: SHIFT_HOURS_ALLOWED }),
        z.minimum(MIN_SHIFT_HOURS, { error: SHIFT_HOURS_ALLOWED }),
        z.maximum(MAX_SHIFT_HOURS, { error: SHIFT_HOURS_ALLOWED }),
      ),
    DEFAULT_SHIFT_HOURS,
  ),
  episodeCount: z
    .number()
    .check(z.int(), z.maximum(MAX_HANDOFF_EPISODES, { error: `at most ${MAX_HANDOFF_EPISODES} episodes` })),
});

/** What a handoff is computed from: the time it is given at (never the clock), the zone and the episodes. */
export type HandoffRequest = {
  readonly at: string;
  readonly timeZone: string;
  readonly shiftHours?: number;
  /** The timeline Decisions (TOCI-3 limit, TOCI-4 scope) the episode service uses. */
  readonly settings: TimelineSettings;
  readonly episodes: readonly HandoffEpisode[];
};
