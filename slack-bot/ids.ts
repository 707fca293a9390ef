/**
 * Every action, block and callback id the bot uses, one const object per flow (no magic strings):
 * the views build with them and the listeners register on them.
 */
export const ALERT_ACTIONS = {
  acknowledge: 'alert.acknowledge',
  open: 'alert.open',
  block: 'alert.actions',
} as const;

/** `/cart status`: the button that shows the full management (its value is the episode id). */
export const STATUS_ACTIONS = {
  management: 'status.management',
  block: 'status.actions',
} as const;

export const HOME_ACTIONS = {
  refresh: 'home.refresh',
} as const;

/** The vitals form's option for "no vasopressor" (said, EPI-2), beside the vasopressors themselves. */
export const NO_VASOPRESSOR = 'NONE';

/** The vital-signs form (`/cart vitals EP-1` with no values). */
export const VITALS_MODAL = {
  callbackId: 'vitals.submit',
  blocks: {
    temperature: 'vitals.temperature',
    systolicBp: 'vitals.systolic',
    diastolicBp: 'vitals.diastolic',
    heartRate: 'vitals.heart-rate',
    respiratoryRate: 'vitals.respiratory-rate',
    spo2Percent: 'vitals.spo2',
    oxygen: 'vitals.oxygen',
    oxygenFlowLpm: 'vitals.oxygen-flow',
    vasopressors: 'vitals.vasopressors',
    findings: 'vitals.findings',
  },
  /** Every input block holds one element with this action id. */
  input: 'value',
} as const;

/** The neuro-assessment form (`/cart neuro EP-1` with no values). */
export const NEURO_MODAL = {
  callbackId: 'neuro.submit',
  blocks: {
    orientation: 'neuro.ice-orientation',
    naming: 'neuro.ice-naming',
    followsCommands: 'neuro.ice-commands',
    writing: 'neuro.ice-writing',
    attention: 'neuro.ice-attention',
    consciousness: 'neuro.consciousness',
    seizure: 'neuro.seizure',
    cerebralEdema: 'neuro.edema',
    findings: 'neuro.findings',
  },
  input: 'value',
} as const;

/**
 * TOCI-5 / TOCI-2..4: a tocilizumab dose the rules refused, with the reason to record it anyway
 * (`/cart toci EP-1 give` over a limit or over the computed dose).
 */
export const DOSE_OVERRIDE_MODAL = {
  callbackId: 'dose-override.submit',
  blocks: { reason: 'dose-override.reason' },
  input: 'value',
} as const;

/** Button values name the alert as `<episode id>:<alert id>` (neither contains a colon). */
export const alertButtonValue = (episodeId: string, alertId: string): string => `${episodeId}:${alertId}`;

export const parseAlertButtonValue = (
  value: string | undefined,
): { readonly episodeId: string; readonly alertId: string } | undefined => {
  const match = /^(EP-[1-9]\d{0,9}):([0-9A-HJKMNP-TV-Z]{26})$/.exec(value ?? '');
  return match?.[1] && match[2] ? { episodeId: match[1], alertId: match[2] } : undefined;
};
