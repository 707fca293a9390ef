import type { types } from '@slack/bolt';
import { OXYGEN_SUPPORTS, VASOPRESSOR_NAME, VASOPRESSORS, type Language } from '#rules';
import { NO_VASOPRESSOR, VITALS_MODAL } from '../ids.ts';
import { context, tr } from './blocks.ts';
import { numberInput, optionOf, type ModalMetadata } from './form-inputs.ts';

const OXYGEN_LABELS: Readonly<Record<(typeof OXYGEN_SUPPORTS)[number], string>> = {
  ROOM_AIR: 'Room air · 未吸氧',
  NASAL_CANNULA: 'Nasal cannula · 鼻导管',
  BLOW_BY: 'Blow-by · 吹氧',
  HIGH_FLOW_NASAL_CANNULA: 'High-flow nasal cannula · 高流量鼻导管',
  FACEMASK: 'Facemask · 面罩',
  NON_REBREATHER_MASK: 'Non-rebreather mask · 储氧面罩',
  VENTURI_MASK: 'Venturi mask · 文丘里面罩',
  CPAP: 'CPAP',
  BIPAP: 'BiPAP',
  MECHANICAL_VENTILATION: 'Mechanical ventilation · 机械通气',
};

/** The vital-signs form, for `/cart vitals EP-1` without values: the same fields as the command. */
export const vitalsModalView = (metadata: ModalMetadata, language: Language): types.ModalView => {
  const zh = language === 'zh-CN';
  const b = VITALS_MODAL.blocks;
  return {
    type: 'modal',
    callback_id: VITALS_MODAL.callbackId,
    private_metadata: JSON.stringify(metadata),
    title: {
      type: 'plain_text',
      text: zh ? `生命体征 ${metadata.episodeId}` : `Vitals ${metadata.episodeId}`,
    },
    submit: { type: 'plain_text', text: zh ? '记录' : 'Record' },
    close: { type: 'plain_text', text: zh ? '取消' : 'Cancel' },
    blocks: [
      numberInput(b.temperature, zh ? '体温 ℃' : 'Temperature °C', { decimal: true, min: 25, max: 45 }),
      numberInput(b.systolicBp, zh ? '收缩压 mmHg' : 'Systolic BP mmHg', { min: 30, max: 300 }),
      numberInput(b.diastolicBp, zh ? '舒张压 mmHg' : 'Diastolic BP mmHg', { min: 10, max: 200 }),
      numberInput(b.heartRate, zh ? '心率 /min' : 'Heart rate /min', { min: 20, max: 250 }),
      numberInput(b.respiratoryRate, zh ? '呼吸 /min' : 'Respiratory rate /min', { min: 4, max: 80 }),
      numberInput(b.spo2Percent, 'SpO2 %', { decimal: true, min: 20, max: 100 }),
      {
        type: 'input',
        block_id: b.oxygen,
        optional: true,
        label: {
          type: 'plain_text',
          text: zh ? '吸氧方式(未选=未记录)' : 'Oxygen (none chosen = not recorded)',
        },
        element: {
          type: 'static_select',
          action_id: VITALS_MODAL.input,
          options: OXYGEN_SUPPORTS.map((o) => optionOf(o, OXYGEN_LABELS[o])),
        },
      },
      numberInput(
        b.oxygenFlowLpm,
        zh ? '吸氧流量 L/min(鼻导管必填)' : 'Oxygen flow L/min (needed for a nasal cannula)',
        {
          decimal: true,
          min: 0.1,
          max: 80,
        },
      ),
      {
        type: 'input',
        block_id: b.vasopressors,
        optional: true,
        label: {
          type: 'plain_text',
          text: zh
            ? '升压药(选"无"表示未用;未选=未记录)'
            : 'Vasopressors ("none" if none; nothing chosen = not recorded)',
        },
        element: {
          type: 'multi_static_select',
          action_id: VITALS_MODAL.input,
          options: [
            optionOf(NO_VASOPRESSOR, zh ? '无 · none' : 'none · 无'),
            ...VASOPRESSORS.map((v) => {
              const name = VASOPRESSOR_NAME[v];
              return optionOf(v, zh ? `${name.zh} · ${name.en}` : `${name.en} · ${name.zh}`);
            }),
          ],
        },
      },
      {
        type: 'input',
        block_id: b.findings,
        optional: true,
        label: { type: 'plain_text', text: zh ? '床旁所见' : 'Findings' },
        element: {
          type: 'checkboxes',
          action_id: VITALS_MODAL.input,
          options: [
            optionOf('hypotension', zh ? '低血压(床旁判断)' : 'Hypotension (judged at the bedside)'),
            optionOf('organToxicity', zh ? '器官毒性' : 'Organ toxicity'),
          ],
        },
      },
      context(
        tr(
          {
            zh: '测量时间为提交时间;如需补录较早时间,请用命令 at=-30m',
            en: 'Measured now; for an earlier time use the command with at=-30m',
          },
          language,
        ),
      ),
    ],
  };
};
