import type { Draft } from '../parser/fields.ts';
import { NEURO_MODAL } from '../ids.ts';
import { ICE_TASKS } from '../parser/values.ts';
import { selectedAt, selectedManyAt, type FormState } from './form-state.ts';

const b = NEURO_MODAL.blocks;

/**
 * The neuro form as the service's input. The ICE score needs all five tasks, or none (the patient
 * cannot be assessed); some but not all is refused, naming the empty tasks' blocks.
 */
export const neuroFromForm = (
  state: FormState,
): { readonly values: Draft } | { readonly missing: readonly string[] } => {
  const tasks = Object.fromEntries(
    ICE_TASKS.map((task) => [task, selectedAt(state, b[task])]).filter(([, v]) => v !== undefined),
  ) as Record<string, string>;
  const given = Object.keys(tasks).length;
  if (given > 0 && given < ICE_TASKS.length)
    return { missing: ICE_TASKS.filter((task) => tasks[task] === undefined).map((task) => b[task]) };
  const findings = selectedManyAt(state, b.findings);
  return {
    values: {
      ice: given === 0 ? null : Object.fromEntries(ICE_TASKS.map((task) => [task, Number(tasks[task])])),
      consciousness: selectedAt(state, b.consciousness) ?? 'NORMAL',
      seizure: selectedAt(state, b.seizure) ?? 'NONE',
      cerebralEdema: selectedAt(state, b.cerebralEdema) ?? 'NONE',
      deepFocalMotorWeakness: findings.includes('deepFocalMotorWeakness'),
      movementDisorderSigns: findings.includes('movementDisorderSigns'),
    },
  };
};

/** The form block that shows a validation error on an input field. */
export const neuroBlockFor = (field: string): string | undefined => {
  const path = field.replace(/^(input|values)\./, '');
  const [first, second] = path.split('.');
  if (first === 'ice' && second) return (b as Readonly<Record<string, string>>)[second];
  if (first === 'deepFocalMotorWeakness' || first === 'movementDisorderSigns') return b.findings;
  return first ? (b as Readonly<Record<string, string>>)[first] : undefined;
};
