import { describe, expect, it } from 'vitest';
import { OXYGEN_SUPPORTS, VASOPRESSORS } from '../crs/schemas.ts';
import { OXYGEN_SUPPORT_NAME, VASOPRESSOR_NAME } from '../crs/names.ts';
import { DEFAULT_TIMELINE_SETTINGS } from './settings.ts';
import type { LastRecorded } from './state.ts';
import { vitalsFindings } from './vitals-findings.ts';

const EARLIER = '2026-03-03T02:00:00Z';
const NOW = '2026-03-03T04:00:00Z';

const recorded: LastRecorded = {
  temperatureCelsius: null,
  systolicBp: null,
  spo2Percent: null,
  oxygen: { value: { support: 'NASAL_CANNULA', flowLpm: 4 }, at: EARLIER, recordId: 'V1' },
  vasopressors: { value: ['NOREPINEPHRINE', 'VASOPRESSIN'], at: EARLIER, recordId: 'V1' },
  vitalsAt: { at: EARLIER, recordId: 'V1' },
};

describe('EPI-2: carried values named as clinicians name them', () => {
  it('EPI-2: oxygen and vasopressors carried from 2 h earlier read in Chinese and English, never as enum values', () => {
    const { sources } = vitalsFindings(
      { kind: 'VITALS', id: 'V2', at: NOW, temperatureCelsius: 38.9, systolicBp: 84 },
      recorded,
      38.9,
      DEFAULT_TIMELINE_SETTINGS,
    );
    const byComponent = Object.fromEntries(sources.map((s) => [s.component, s.text]));
    expect(byComponent.oxygen?.zh).toMatch(/^吸氧方式:鼻导管 4 L\/min\(沿用 .+ 的记录\)$/);
    expect(byComponent.oxygen?.en).toMatch(/: nasal cannula 4 L\/min \(carried from .+\)$/);
    expect(byComponent.vasopressors?.zh).toMatch(/:去甲肾上腺素\+血管加压素\(沿用 /);
    expect(byComponent.vasopressors?.en).toMatch(/: norepinephrine\+vasopressin \(carried from /);
    expect(JSON.stringify(sources)).not.toMatch(/NASAL_CANNULA|NOREPINEPHRINE|VASOPRESSIN/);
  });

  it('names every oxygen support and vasopressor in both languages', () => {
    for (const name of [
      ...OXYGEN_SUPPORTS.map((s) => OXYGEN_SUPPORT_NAME[s]),
      ...VASOPRESSORS.map((v) => VASOPRESSOR_NAME[v]),
    ]) {
      expect(name.zh).not.toBe('');
      expect(name.en).not.toMatch(/_|^[A-Z]+_/);
    }
  });
});
