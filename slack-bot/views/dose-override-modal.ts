import type { types } from '@slack/bolt';
import type { DoseCheckProblem, Language } from '#rules';
import { DOSE_OVERRIDE_MODAL } from '../ids.ts';
import { context, esc, section, tr, truncate } from './blocks.ts';

/** What the override form carries to its submission: the dose exactly as it was refused. */
export type DoseOverrideMetadata = {
  readonly episodeId: string;
  readonly channelId: string;
  readonly drug: 'TOCILIZUMAB';
  readonly mg: number;
  readonly route: 'IV' | 'PO' | 'SC';
  readonly givenAt?: string;
};

export const parseDoseOverrideMetadata = (raw: string | undefined): DoseOverrideMetadata | undefined => {
  try {
    const value = JSON.parse(raw ?? '') as Partial<DoseOverrideMetadata>;
    if (
      typeof value.episodeId !== 'string' ||
      !/^EP-[1-9]\d{0,9}$/.test(value.episodeId) ||
      typeof value.channelId !== 'string' ||
      value.drug !== 'TOCILIZUMAB' ||
      typeof value.mg !== 'number' ||
      (value.route !== 'IV' && value.route !== 'PO' && value.route !== 'SC') ||
      (value.givenAt !== undefined && typeof value.givenAt !== 'string')
    )
      return undefined;
    return value as DoseOverrideMetadata;
  } catch {
    return undefined;
  }
};

/**
 * TOCI-5 / TOCI-2..4: the dose was refused; this form says why, and records it only with a reason
 * (kept on the record; ESC-DOSE or ESC-TOCI is raised). Cancelling records nothing.
 */
export const doseOverrideModal = (
  metadata: DoseOverrideMetadata,
  problems: readonly DoseCheckProblem[],
  language: Language,
): types.ModalView => {
  const zh = language === 'zh-CN';
  return {
    type: 'modal',
    callback_id: DOSE_OVERRIDE_MODAL.callbackId,
    private_metadata: JSON.stringify(metadata),
    title: { type: 'plain_text', text: zh ? '超出限制的给药' : 'Dose over a limit' },
    submit: { type: 'plain_text', text: zh ? '仍然记录' : 'Record anyway' },
    close: { type: 'plain_text', text: zh ? '取消(不记录)' : 'Cancel (record nothing)' },
    blocks: [
      section(
        `*${esc(metadata.episodeId)} · ${zh ? '托珠单抗' : 'tocilizumab'} ${metadata.mg} mg ${esc(metadata.route)}*\n${problems
          .map((p) => `:warning: ${esc(tr(p.text, language))} _(${p.ruleId})_`)
          .join('\n')}`,
      ),
      {
        type: 'input',
        block_id: DOSE_OVERRIDE_MODAL.blocks.reason,
        label: {
          type: 'plain_text',
          text: truncate(
            zh ? '仍需给药的原因(将保存并发出警报)' : 'Why it is given anyway (kept, and an alert is raised)',
            150,
          ),
        },
        element: {
          type: 'plain_text_input',
          action_id: DOSE_OVERRIDE_MODAL.input,
          multiline: true,
          min_length: 3,
          max_length: 500,
        },
      },
      context(
        tr(
          {
            zh: '未填写原因不会记录。记录后将触发 ESC-DOSE 或 ESC-TOCI(TOCI-5)。',
            en: 'Nothing is recorded without a reason. Recording it raises ESC-DOSE or ESC-TOCI (TOCI-5).',
          },
          language,
        ),
      ),
    ],
  };
};
