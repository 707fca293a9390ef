/**
 * The timeline's Decisions (clinical-rules.md, "Episode state over time"), each configurable per
 * deployment, and the patient facts the fold reads (the episode head's, never a guess).
 */
import type { RulesConfig } from '../core/index.ts';
import { DEFAULT_RULES_CONFIG, DEFAULT_TIME_ZONE } from '../core/index.ts';

export type TimelineSettings = RulesConfig & {
  /** EPI-2: oxygen, vasopressors and SpO2 an entry omits are carried from an entry at most this old. */
  readonly carryForwardHours: number;
  /** EPI-1: a CRS episode closes after this long without a CRS finding (with a clean complete record). */
  readonly crsEpisodeCloseHours: number;
  /** EPI-2: the fever a grade uses is the highest temperature of this window of the open CRS episode. */
  readonly feverWindowHours: number;
  /** EPI-3: a CRS episode without vital signs for longer than this is stale (not concurrent). */
  readonly staleCrsHours: number;
  /** EPI-7: the hospital's IANA time zone, for every time shown to people. */
  readonly timeZone: string;
};

export const DEFAULT_TIMELINE_SETTINGS: TimelineSettings = {
  ...DEFAULT_RULES_CONFIG,
  carryForwardHours: 4,
  crsEpisodeCloseHours: 24,
  feverWindowHours: 24,
  staleCrsHours: 24,
  timeZone: DEFAULT_TIME_ZONE,
};

/** The patient facts a grade needs: from the episode head. */
export type TimelinePatient = {
  readonly weightKg: number;
  /** Day 0; null when not planned yet (CRS-S1 then needs it). */
  readonly infusionDate: string | null;
};

export const HOUR_MS = 3_600_000;
