import { createHmac } from 'node:crypto';

/**
 * Slack's request signature (v0): HMAC-SHA256 of `v0:<timestamp>:<raw body>` with the signing
 * secret. Used by the local chat client and tests to send requests exactly as Slack does.
 */
export const slackSignature = (signingSecret: string, timestampSeconds: number, rawBody: string): string =>
  `v0=${createHmac('sha256', signingSecret).update(`v0:${timestampSeconds}:${rawBody}`).digest('hex')}`;

/** The headers Slack sends with a signed request. */
export const signedSlackHeaders = (
  signingSecret: string,
  rawBody: string,
  timestampSeconds: number = Math.floor(Date.now() / 1000),
  contentType = 'application/x-www-form-urlencoded',
): Record<string, string> => ({
  'content-type': contentType,
  'x-slack-request-timestamp': String(timestampSeconds),
  'x-slack-signature': slackSignature(signingSecret, timestampSeconds, rawBody),
});
