/**
 * Slack's replay protection: a request whose signed timestamp is more than five minutes from now
 * is refused. Bolt's receiver refuses only the stale side; a timestamp in the future would keep a
 * captured request valid for as long as it lies ahead, so both sides are checked here.
 */
export const SLACK_TIMESTAMP_TOLERANCE_SECONDS = 5 * 60;

/**
 * Whether the `X-Slack-Request-Timestamp` header (seconds since the epoch) lies within five
 * minutes of now, on either side. A missing or malformed header is not fresh.
 */
export const isFreshSlackTimestamp = (header: string | undefined, nowMs: number): boolean => {
  if (header === undefined || !/^\d{1,12}$/.test(header)) return false;
  return Math.abs(Math.floor(nowMs / 1000) - Number(header)) <= SLACK_TIMESTAMP_TOLERANCE_SECONDS;
};
