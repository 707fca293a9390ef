/**
 * Slack mrkdwn markup to plain text: `*bold*`, `_italic_`, `~strike~` and `` `code` `` lose their
 * markers where Slack would read them as markup (at word edges), and nothing else changes: emoji
 * names (`:large_orange_circle:`), identifiers with underscores or asterisks, escapes and
 * mentions stay as they are.
 */
const EDGE_BEFORE = String.raw`(^|[\s(\[>·,;:"'“‘])`;
const EDGE_AFTER = String.raw`(?=$|[\s)\].,;:!?·"'”’])`;

const PAIRS: readonly RegExp[] = ['*', '_', '~'].map(
  (marker) => new RegExp(`${EDGE_BEFORE}\\${marker}(\\S(?:[^\\n]*?\\S)?)\\${marker}${EDGE_AFTER}`, 'g'),
);
const CODE = /`([^`\n]+)`/g;

export const withoutMarkup = (
  mrkdwn: string,
  /** Keep `` `code` `` (a terminal shows commands to type better with their backticks). */
  options: { readonly keepCode?: boolean } = {},
): string => {
  let text = options.keepCode ? mrkdwn : mrkdwn.replace(CODE, '$1');
  // Twice: markup nested in markup (`*_x_*`).
  for (let round = 0; round < 2; round += 1)
    for (const pattern of PAIRS) text = text.replace(pattern, '$1$2');
  return text;
};
