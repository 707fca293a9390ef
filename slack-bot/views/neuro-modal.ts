import type { types } from '@slack/bolt';
import { CEREBRAL_EDEMA, CONSCIOUSNESS_LEVELS, SEIZURES, type Language } from '#rules';
import { NEURO_MODAL } from '../ids.ts';
import { context, tr } from './blocks.ts';
import { optionOf, pointsSelect, type ModalMetadata } from './form-inputs.ts';

const CONSCIOUSNESS_LABELS: Readonly<Record<(typeof CONSCIOUSNESS_LEVELS)[number], string>> = {
  NORMAL: 'Normal · 正常',
  AWAKENS_SPONTANEOUSLY: 'Awakens spontaneously · 自行唤醒',
  AWAKENS_TO_VOICE: 'Awakens to voice · 声音唤醒',
  AWAKENS_TO_TACTILE: 'Awakens only to tactile stimulus · 仅触觉刺激唤醒',
  UNAROUSABLE: 'Unarousable · 无法唤醒',
};
const SEIZURE_LABELS: Readonly<Record<(typeof SEIZURES)[number], string>> = {
  NONE: 'None · 无',
  RAPIDLY_RESOLVING: 'Rapidly resolving · 迅速缓解',
  PROLONGED_OR_REPETITIVE: 'Prolonged or repetitive · 持续或反复',
};
const EDEMA_LABELS: Readonly<Record<(typeof CEREBRAL_EDEMA)[number], string>> = {
  NONE: 'None · 无',
  FOCAL: 'Focal · 局灶',
  DIFFUSE: 'Diffuse · 弥漫',
};

const select = (
  blockId: string,
  label: string,
  labels: Readonly<Record<string, string>>,
  initial: string,
): types.InputBlock => ({
  type: 'input',
  block_id: blockId,
  optional: true,
  label: { type: 'plain_text', text: label },
  element: {
    type: 'static_select',
    action_id: NEURO_MODAL.input,
    initial_option: optionOf(initial, labels[initial] ?? initial),
    options: Object.entries(labels).map(([value, text]) => optionOf(value, text)),
  },
});

/** The neuro-assessment form (ICE tasks, consciousness, seizure, motor weakness, edema), for `/cart neuro EP-1`. */
export const neuroModalView = (metadata: ModalMetadata, language: Language): types.ModalView => {
  const zh = language === 'zh-CN';
  const b = NEURO_MODAL.blocks;
  return {
    type: 'modal',
    callback_id: NEURO_MODAL.callbackId,
    private_metadata: JSON.stringify(metadata),
    title: {
      type: 'plain_text',
      text: zh ? `神经评估 ${metadata.episodeId}` : `Neuro ${metadata.episodeId}`,
    },
    submit: { type: 'plain_text', text: zh ? '记录' : 'Record' },
    close: { type: 'plain_text', text: zh ? '取消' : 'Cancel' },
    blocks: [
      context(
        tr(
          {
            zh: 'ICE 评分:五项全部填写;患者无法评估时五项都留空',
            en: 'ICE score: fill in all five tasks; leave all five empty when the patient cannot be assessed',
          },
          language,
        ),
      ),
      pointsSelect(
        b.orientation,
        zh ? '定向力(年、月、城市、医院)0–4' : 'Orientation (year, month, city, hospital) 0–4',
        4,
      ),
      pointsSelect(b.naming, zh ? '命名(3 件物品)0–3' : 'Naming (3 objects) 0–3', 3),
      pointsSelect(b.followsCommands, zh ? '执行简单指令 0–1' : 'Follows simple commands 0–1', 1),
      pointsSelect(b.writing, zh ? '书写标准句子 0–1' : 'Writes a standard sentence 0–1', 1),
      pointsSelect(
        b.attention,
        zh ? '注意力(从 100 倒数,每次减 10)0–1' : 'Attention (count back from 100 by 10) 0–1',
        1,
      ),
      select(b.consciousness, zh ? '意识水平' : 'Level of consciousness', CONSCIOUSNESS_LABELS, 'NORMAL'),
      select(b.seizure, zh ? '癫痫' : 'Seizure', SEIZURE_LABELS, 'NONE'),
      select(b.cerebralEdema, zh ? '脑水肿' : 'Cerebral edema', EDEMA_LABELS, 'NONE'),
      {
        type: 'input',
        block_id: b.findings,
        optional: true,
        label: { type: 'plain_text', text: zh ? '其他所见' : 'Other findings' },
        element: {
          type: 'checkboxes',
          action_id: NEURO_MODAL.input,
          options: [
            optionOf('deepFocalMotorWeakness', zh ? '深部局灶性运动无力' : 'Deep focal motor weakness'),
            optionOf(
              'movementDisorderSigns',
              zh ? '运动障碍(帕金森样)体征' : 'Movement-disorder (parkinsonism) signs',
            ),
          ],
        },
      },
    ],
  };
};
