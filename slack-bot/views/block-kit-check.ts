import { LIMITS } from './blocks.ts';

/**
 * Checks a message or view against Slack's documented Block Kit limits and this bot's own rules
 * (fallback text present, mrkdwn escaped, ids unique). Returns what is wrong; empty when valid.
 * Views are data, so tests run every view through this.
 */
type AnyBlock = {
  readonly type: string;
  readonly block_id?: string;
  readonly text?: { readonly type: string; readonly text: string };
  readonly fields?: readonly { readonly text: string }[];
  readonly elements?: readonly {
    readonly type: string;
    readonly text?: string | { readonly text: string };
    readonly action_id?: string;
    readonly value?: string;
    readonly url?: string;
  }[];
  readonly label?: { readonly text: string };
  readonly element?: { readonly action_id?: string; readonly options?: readonly unknown[] };
};

/** `<` is only allowed as the start of Slack's own tokens: mentions, dates, channels, links. */
const UNESCAPED = /<(?![@!#]|https?:\/\/|mailto:)/;

const mrkdwnProblems = (where: string, text: string): string[] => {
  const problems: string[] = [];
  if (text.length > LIMITS.sectionText) problems.push(`${where}: text longer than ${LIMITS.sectionText}`);
  if (UNESCAPED.test(text)) problems.push(`${where}: unescaped "<" in mrkdwn: ${text.slice(0, 80)}`);
  if (/&(?!amp;|lt;|gt;)/.test(text)) problems.push(`${where}: unescaped "&" in mrkdwn`);
  return problems;
};

export const blockKitProblems = (
  message: { readonly text?: string; readonly blocks: readonly unknown[] },
  options: { readonly maxBlocks?: number; readonly requireText?: boolean } = {},
): string[] => {
  const problems: string[] = [];
  const blocks = message.blocks as readonly AnyBlock[];
  if ((options.requireText ?? true) && (message.text ?? '').trim() === '')
    problems.push('no plain-text fallback');
  if ((message.text ?? '').length > LIMITS.fallbackText) problems.push('fallback text too long');
  if (blocks.length === 0) problems.push('no blocks');
  if (blocks.length > (options.maxBlocks ?? LIMITS.blocksPerMessage))
    problems.push(`${blocks.length} blocks`);
  const blockIds = new Set<string>();
  const actionIds = new Set<string>();
  blocks.forEach((block, index) => {
    const where = `block ${index} (${block.type})`;
    if (block.block_id) {
      if (blockIds.has(block.block_id)) problems.push(`${where}: duplicate block_id ${block.block_id}`);
      if (block.block_id.length > 255) problems.push(`${where}: block_id too long`);
      blockIds.add(block.block_id);
    }
    switch (block.type) {
      case 'header':
        if ((block.text?.text.length ?? 0) > LIMITS.headerText) problems.push(`${where}: header too long`);
        if (block.text?.type !== 'plain_text') problems.push(`${where}: header must be plain_text`);
        break;
      case 'section':
        if (block.text?.type === 'mrkdwn') problems.push(...mrkdwnProblems(where, block.text.text));
        if (!block.text && !block.fields) problems.push(`${where}: empty section`);
        break;
      case 'context':
        if ((block.elements?.length ?? 0) === 0 || (block.elements?.length ?? 0) > LIMITS.contextElements)
          problems.push(`${where}: 1–${LIMITS.contextElements} elements`);
        for (const element of block.elements ?? [])
          if (element.type === 'mrkdwn' && typeof element.text === 'string')
            problems.push(...mrkdwnProblems(where, element.text));
        break;
      case 'actions':
        for (const element of block.elements ?? []) {
          const label = typeof element.text === 'object' ? element.text.text : '';
          if (label.length > LIMITS.buttonText) problems.push(`${where}: button text too long`);
          if ((element.value?.length ?? 0) > 2000) problems.push(`${where}: value too long`);
          if (element.action_id) {
            if (actionIds.has(element.action_id))
              problems.push(`${where}: duplicate action_id ${element.action_id}`);
            actionIds.add(element.action_id);
          }
        }
        break;
      case 'input':
        if (!block.label?.text) problems.push(`${where}: input without label`);
        if ((block.label?.text.length ?? 0) > 2000) problems.push(`${where}: label too long`);
        if ((block.element?.options?.length ?? 0) > 100) problems.push(`${where}: more than 100 options`);
        break;
      default:
        break;
    }
  });
  return problems;
};
