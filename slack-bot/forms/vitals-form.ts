import type { Draft } from '../parser/fields.ts';
import { NO_VASOPRESSOR, VITALS_MODAL } from '../ids.ts';
import { numberAt, selectedAt, selectedManyAt, type FormState } from './form-state.ts';

const b = VITALS_MODAL.blocks;

/**
 * The vital-signs form as the service's input (the same fields as the command); undefined when no
 * measurement was entered. EPI-2: an oxygen or vasopressor field left empty is "not recorded";
 * "no vasopressor" is its own option.
 */
export const vitalsFromForm = (state: FormState): Draft | undefined => {
  const numbers = {
    temperatureCelsius: numberAt(state, b.temperature),
    systolicBp: numberAt(state, b.systolicBp),
    diastolicBp: numberAt(state, b.diastolicBp),
    heartRate: numberAt(state, b.heartRate),
    respiratoryRate: numberAt(state, b.respiratoryRate),
    spo2Percent: numberAt(state, b.spo2Percent),
    oxygenFlowLpm: numberAt(state, b.oxygenFlowLpm),
  };
  const findings = selectedManyAt(state, b.findings);
  const chosen = selectedManyAt(state, b.vasopressors);
  const vasopressors = chosen.length === 0 ? undefined : chosen.filter((v) => v !== NO_VASOPRESSOR);
  const oxygen = selectedAt(state, b.oxygen);
  const measured =
    Object.values(numbers).some((n) => n !== undefined) ||
    vasopressors !== undefined ||
    findings.length > 0 ||
    oxygen !== undefined;
  if (!measured) return undefined;
  const draft: Draft = {};
  if (oxygen !== undefined) draft.oxygen = oxygen;
  if (vasopressors !== undefined) draft.vasopressors = vasopressors;
  for (const [key, value] of Object.entries(numbers)) if (value !== undefined) draft[key] = value;
  if (findings.includes('hypotension')) draft.hypotension = true;
  if (findings.includes('organToxicity')) draft.organToxicity = true;
  return draft;
};

/** The form block that shows a validation error on an input field. */
export const vitalsBlockFor = (field: string): string | undefined => {
  const name = field.replace(/^(input|values)\./, '').split('.')[0] ?? '';
  if (name === 'hypotension' || name === 'organToxicity') return b.findings;
  return (b as Readonly<Record<string, string>>)[name];
};
