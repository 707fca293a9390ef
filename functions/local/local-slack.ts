/** Signs local Slack requests when SLACK_SIGNING_SECRET is unset; printed at start, never used deployed. */
export const LOCAL_SLACK_SIGNING_SECRET = 'local-signing-secret-do-not-deploy';
export const LOCAL_SLACK_BOT_TOKEN = 'xoxb-local-development';
/** The channel, team and users a fresh local system knows (the chat client's defaults). */
export const LOCAL_SLACK = {
  channelId: 'C0LOCAL',
  team: 'demo',
  oncallUserGroupId: 'S0LOCAL',
  adminUserId: 'U0LOCALADMIN',
} as const;
