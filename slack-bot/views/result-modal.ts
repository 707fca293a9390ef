import type { types } from '@slack/bolt';
import type { Language } from '#rules';
import { truncate, type SlackMessage } from './blocks.ts';

/** A form's result shown in the form (the same blocks as the reply posted to the channel). */
export const resultModalView = (message: SlackMessage, language: Language): types.ModalView => ({
  type: 'modal',
  title: { type: 'plain_text', text: language === 'zh-CN' ? '已记录' : 'Recorded' },
  close: { type: 'plain_text', text: language === 'zh-CN' ? '关闭' : 'Close' },
  blocks: message.blocks.filter((block) => block.type !== 'actions'),
});

/** Validation errors shown under the form's fields: block id → what is allowed and what was received. */
export const formErrors = (
  issues: readonly { readonly field: string; readonly allowed: string; readonly received: unknown }[],
  blockFor: (field: string) => string | undefined,
): Record<string, string> | undefined => {
  const errors: Record<string, string> = {};
  for (const issue of issues) {
    const block = blockFor(issue.field);
    if (!block) return undefined;
    errors[block] = truncate(
      `${issue.allowed}; received ${issue.received === undefined ? 'nothing' : JSON.stringify(issue.received)}`,
      150,
    );
  }
  return errors;
};
