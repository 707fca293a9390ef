/**
 * Uploads a PNG to a Slack channel (or thread) with Slack's external upload flow, over plain
 * fetch (no Slack SDK in the chart bundle):
 *   1. files.getUploadURLExternal {filename, length, alt_text} → {upload_url, file_id}
 *   2. POST the bytes to upload_url
 *   3. files.completeUploadExternal {files:[{id,title}], channel_id, thread_ts?, initial_comment}
 * `slackApiUrl` is Slack's (https://slack.com/api/) or the local fake's.
 */
export type ChartUpload = {
  readonly channel: string;
  readonly threadTs?: string | undefined;
  readonly png: Uint8Array;
  readonly filename: string;
  readonly title: string;
  /** Posted with the file: the text summary in the channel's language. */
  readonly comment: string;
  /** For screen readers (Slack takes at most 1 000 characters). */
  readonly altText: string;
};

export const SLACK_API_URL = 'https://slack.com/api/';
const ALT_TEXT_MAX = 1000;
const TIMEOUT_MS = 10_000;

export class SlackUploadError extends Error {
  constructor(step: string, detail: string) {
    super(`Slack ${step} failed: ${detail}`);
    this.name = 'SlackUploadError';
  }
}

const call = async (
  apiUrl: string,
  token: string,
  method: string,
  args: Record<string, string>,
): Promise<Record<string, unknown>> => {
  const response = await fetch(`${apiUrl}${method}`, {
    method: 'POST',
    headers: {
      authorization: `Bearer ${token}`,
      'content-type': 'application/x-www-form-urlencoded; charset=utf-8',
    },
    body: new URLSearchParams(args).toString(),
    signal: AbortSignal.timeout(TIMEOUT_MS),
  });
  if (!response.ok) throw new SlackUploadError(method, `HTTP ${response.status}`);
  const body = (await response.json()) as Record<string, unknown>;
  if (body.ok !== true)
    throw new SlackUploadError(method, typeof body.error === 'string' ? body.error : 'not ok');
  return body;
};

/** Uploads and shares the file; answers Slack's file id. */
export const uploadChart = async (
  upload: ChartUpload,
  token: string,
  slackApiUrl: string = SLACK_API_URL,
): Promise<string> => {
  const apiUrl = slackApiUrl.endsWith('/') ? slackApiUrl : `${slackApiUrl}/`;
  const url = await call(apiUrl, token, 'files.getUploadURLExternal', {
    filename: upload.filename,
    length: String(upload.png.byteLength),
    alt_text: upload.altText.slice(0, ALT_TEXT_MAX),
  });
  const uploadUrl = url.upload_url;
  const fileId = url.file_id;
  if (typeof uploadUrl !== 'string' || typeof fileId !== 'string')
    throw new SlackUploadError('files.getUploadURLExternal', 'no upload_url or file_id');
  const sent = await fetch(uploadUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/octet-stream' },
    body: new Blob([new Uint8Array(upload.png)]),
    signal: AbortSignal.timeout(TIMEOUT_MS),
  });
  if (!sent.ok) throw new SlackUploadError('upload', `HTTP ${sent.status}`);
  await call(apiUrl, token, 'files.completeUploadExternal', {
    files: JSON.stringify([{ id: fileId, title: upload.title }]),
    channel_id: upload.channel,
    ...(upload.threadTs ? { thread_ts: upload.threadTs } : {}),
    initial_comment: upload.comment,
  });
  return fileId;
};
