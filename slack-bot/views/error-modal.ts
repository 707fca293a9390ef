import type { types } from '@slack/bolt';
import type { Language } from '#rules';
import type { SlackMessage } from './blocks.ts';

/** A form's failure shown in the form itself (its blocks are the error reply's). */
export const errorModalView = (message: SlackMessage, language: Language): types.ModalView => ({
  type: 'modal',
  title: { type: 'plain_text', text: language === 'zh-CN' ? '未能记录' : 'Not recorded' },
  close: { type: 'plain_text', text: language === 'zh-CN' ? '关闭' : 'Close' },
  blocks: message.blocks,
});
