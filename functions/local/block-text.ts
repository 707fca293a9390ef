import { plain } from './mrkdwn-text.ts';
import type { Block } from './received-message.ts';

/**
 * A Block Kit message as the chat client prints it: headers as `== … ==`, sections and context
 * as plain text, each button with the command that presses it (`again` is how `npm run chat` is
 * typed to reach the same server, e.g. `PORT=4100 npm run chat --`). Without blocks, the message's
 * text. Every line is indented by `indent`.
 */
export const blocksAsText = (
  blocks: readonly Block[] | undefined,
  fallbackText: unknown,
  again: string,
  indent = '  ',
): string => {
  const lines: string[] = [];
  if (!blocks || blocks.length === 0) lines.push(plain(typeof fallbackText === 'string' ? fallbackText : ''));
  for (const block of blocks ?? []) {
    switch (block.type) {
      case 'header':
        lines.push(`== ${block.text?.text ?? ''} ==`);
        break;
      case 'section':
        lines.push(plain(block.text?.text ?? ''), ...(block.fields ?? []).map((f) => plain(f.text)));
        break;
      case 'context':
        lines.push(
          ...(block.elements ?? []).map(
            (e) => `  · ${plain(typeof e.text === 'string' ? e.text : (e.text?.text ?? ''))}`,
          ),
        );
        break;
      case 'divider':
        lines.push('────────');
        break;
      case 'actions':
        for (const e of block.elements ?? []) {
          const label = typeof e.text === 'object' ? e.text.text : '';
          lines.push(
            `[${label}]${e.url ? ` ${e.url}` : ''}  → ${again} --press ${e.action_id ?? ''}${e.value ? ` --value ${e.value}` : ''}`,
          );
        }
        break;
      case 'input':
        lines.push(`[ ${block.label?.text ?? ''} ]`);
        break;
      default:
        lines.push(`(${block.type})`);
    }
  }
  return lines
    .join('\n')
    .split('\n')
    .map((line) => `${indent}${line}`)
    .join('\n');
};
