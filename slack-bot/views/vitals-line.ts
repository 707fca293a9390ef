import { VASOPRESSOR_NAME, type Language } from '#rules';
import { clinicalTimeOf, type VitalsRecord } from '#episodes';
import { esc, slackTime, tr } from './blocks.ts';
import { ageText } from './age.ts';
import { LABELS, OXYGEN_LABEL } from './labels.ts';

/** The latest vital signs by clinical time (measuredAt), if any. */
export const latestVitals = (vitals: readonly VitalsRecord[]): VitalsRecord | undefined =>
  vitals.reduce<VitalsRecord | undefined>(
    (latest, record) =>
      latest === undefined || Date.parse(clinicalTimeOf(record)) >= Date.parse(clinicalTimeOf(latest))
        ? record
        : latest,
    undefined,
  );

/**
 * `*Last vital signs* 38.9 °C · BP 84/50 · HR 120 · SpO2 93 % · Nasal cannula 4 L/min · norepinephrine — 35 min ago (<time>)`:
 * the values that record holds (nothing shown for what it did not record) and their age.
 */
export const lastVitalsLine = (record: VitalsRecord | undefined, now: Date, language: Language): string => {
  if (!record) return `_${tr(LABELS.noVitalsYet, language)}_`;
  const v = record.values;
  const zh = language === 'zh-CN';
  const parts = [
    v.temperatureCelsius != null ? `${v.temperatureCelsius} °C` : '',
    v.systolicBp != null ? `BP ${v.systolicBp}/${v.diastolicBp ?? '–'}` : '',
    v.heartRate != null ? `HR ${v.heartRate}` : '',
    v.respiratoryRate != null ? `RR ${v.respiratoryRate}` : '',
    v.spo2Percent != null ? `SpO2 ${v.spo2Percent} %` : '',
    v.oxygen != null
      ? `${tr(OXYGEN_LABEL[v.oxygen], language)}${v.oxygenFlowLpm != null ? ` ${v.oxygenFlowLpm} L/min` : ''}`
      : '',
    v.vasopressors != null
      ? v.vasopressors.length === 0
        ? zh
          ? '无升压药'
          : 'no vasopressor'
        : v.vasopressors.map((name) => tr(VASOPRESSOR_NAME[name], language)).join('+')
      : '',
  ].filter((part) => part !== '');
  const at = clinicalTimeOf(record);
  return `*${tr(LABELS.lastVitals, language)}* ${esc(parts.join(' · '))} — ${ageText(at, now, language)} (${slackTime(at)})`;
};
