import { joinText, localDateTime, parseInput, text, type LocalizedText } from '../core/index.ts';
import { compareAcuity } from './acuity.ts';
import { handoffBlock, type HandoffBlock } from './block.ts';
import { messages } from './messages.ts';
import { handoffOptionsSchema, type HandoffRequest } from './schemas.ts';
import { shiftWindow, shortLocal, type ShiftWindow } from './shift-window.ts';

/** HANDOFF-1, HANDOFF-2: a team's shift handoff at `at`. */
export type Handoff = {
  readonly team: string;
  readonly at: string;
  readonly timeZone: string;
  readonly shiftHours: number;
  readonly window: ShiftWindow;
  /** Most acute first (HANDOFF-2). */
  readonly blocks: readonly HandoffBlock[];
  readonly title: LocalizedText;
  /** The whole handoff as text, both languages. */
  readonly text: LocalizedText;
};

/**
 * A team's shift handoff: one block per active episode (HANDOFF-1), most acute first (HANDOFF-2).
 * Pure and bounded: the time is an argument, the work grows with the number of episodes only
 * (each block reads the head's bounded state, never a record history).
 */
export const shiftHandoff = (team: string, request: HandoffRequest): Handoff => {
  const options = parseInput(handoffOptionsSchema, {
    at: request.at,
    timeZone: request.timeZone,
    shiftHours: request.shiftHours,
    episodeCount: request.episodes.length,
  });
  const window = shiftWindow(options.at, options.shiftHours, options.timeZone);
  const blocks = request.episodes
    .map((episode) =>
      handoffBlock(episode, window, options.timeZone, { ...request.settings, timeZone: options.timeZone }),
    )
    .sort((a, b) => compareAcuity(a.acuity, b.acuity));
  const title = messages.title(
    team,
    localDateTime(window.at, options.timeZone),
    options.timeZone,
    blocks.length,
  );
  const windowLine = messages.shiftWindow(
    shortLocal(window.lastStart, options.timeZone),
    shortLocal(window.at, options.timeZone),
    shortLocal(window.nextEnd, options.timeZone),
  );
  const body = blocks.length === 0 ? [messages.noActiveEpisodes] : blocks.map((b) => b.text);
  return {
    team,
    at: window.at,
    timeZone: options.timeZone,
    shiftHours: options.shiftHours,
    window,
    blocks,
    title,
    text: joinText([title, windowLine, ...body], text('\n\n', '\n\n')),
  };
};
