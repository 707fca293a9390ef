import type { types } from '@slack/bolt';
import { truncate } from './blocks.ts';

/** What a form carries from the command to its submission. */
export type ModalMetadata = { readonly episodeId: string; readonly channelId: string };

export const optionOf = (value: string, text: string): types.PlainTextOption => ({
  text: { type: 'plain_text', text: truncate(text, 75) },
  value,
});

/** An optional number field of a form; Slack checks the range before submitting. */
export const numberInput = (
  blockId: string,
  label: string,
  options: { readonly decimal?: boolean; readonly min: number; readonly max: number },
): types.InputBlock => ({
  type: 'input',
  block_id: blockId,
  optional: true,
  label: { type: 'plain_text', text: label },
  element: {
    type: 'number_input',
    action_id: 'value',
    is_decimal_allowed: options.decimal ?? false,
    min_value: String(options.min),
    max_value: String(options.max),
  },
});

/** A select of a few whole numbers (an ICE task's points). */
export const pointsSelect = (blockId: string, label: string, max: number): types.InputBlock => ({
  type: 'input',
  block_id: blockId,
  optional: true,
  label: { type: 'plain_text', text: label },
  element: {
    type: 'static_select',
    action_id: 'value',
    options: Array.from({ length: max + 1 }, (_, points) => optionOf(String(points), String(points))),
  },
});

/** Parses a form's private metadata (set by the command that opened it). */
export const parseModalMetadata = (raw: string | undefined): ModalMetadata | undefined => {
  try {
    const parsed = JSON.parse(raw ?? '') as Partial<ModalMetadata>;
    return typeof parsed.episodeId === 'string' && typeof parsed.channelId === 'string'
      ? { episodeId: parsed.episodeId, channelId: parsed.channelId }
      : undefined;
  } catch {
    return undefined;
  }
};
