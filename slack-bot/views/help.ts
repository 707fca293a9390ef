import type { types } from '@slack/bolt';

type KnownBlock = types.KnownBlock;

export type SlackMessage = { readonly text: string; readonly blocks: KnownBlock[] };

/** `/cart help`: what the bot does and how to talk to it. Pure data, tested as data. */
export const helpView = (command: string): SlackMessage => {
  const lines = [`*${command} help* — this help`];
  return {
    text: `${command}: CAR-T toxicity on-call assistant. ${command} help lists the commands.`,
    blocks: [
      { type: 'header', text: { type: 'plain_text', text: 'CAR-T on-call · CAR-T 值班助手' } },
      { type: 'section', text: { type: 'mrkdwn', text: lines.join('\n') } },
      {
        type: 'context',
        elements: [
          {
            type: 'mrkdwn',
            text: 'Grading and management follow the Chinese consensus for CAR-T in multiple myeloma (2022) and ASTCT 2019.',
          },
        ],
      },
    ],
  };
};
