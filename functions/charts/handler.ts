import { DEFAULT_TIME_ZONE } from '#rules';
import { createDocumentClient } from '../episodes/dynamodb-client.ts';
import { EpisodeRepository } from '../episodes/repository.ts';
import { episodesTable } from '../episodes/table-definition.ts';
import { logger } from '../shared/logger.ts';
import { once } from '../shared/once.ts';
import { slackCredential } from '../slack/secrets.ts';
import { chartFunction, type ChartResponse } from './chart-function.ts';
import { uploadChart } from './slack-upload.ts';
import { WindowReader } from './window-reader.ts';

/**
 * Chart Lambda (its own bundle: ECharts, resvg and the font stay out of the GraphQL and Slack
 * functions). Invoked by the GraphQL function (RequestResponse) and by the Slack and alert
 * functions (Event, with a Slack channel to upload the PNG to). Input: {episodeId, hours,
 * format: 'svg'|'png', now?, slack?: {channel, threadTs?, language}}.
 */
const work = once(() =>
  chartFunction({
    reader: new WindowReader(
      new EpisodeRepository(
        createDocumentClient(process.env.DYNAMODB_ENDPOINT),
        process.env.TABLE_NAME ?? episodesTable.defaultName,
      ),
    ),
    timeZone: process.env.HOSPITAL_TIME_ZONE ?? DEFAULT_TIME_ZONE,
    clock: () => new Date(),
    upload: async (upload) =>
      uploadChart(upload, await slackCredential('SLACK_BOT_TOKEN'), process.env.SLACK_API_URL),
  }),
);

export const handler = async (event: unknown): Promise<ChartResponse> => {
  const started = Date.now();
  const response = await work()(event);
  logger.info('chart rendered', {
    ok: response.ok,
    ms: Date.now() - started,
    ...(response.ok ? { hours: response.hours, slack: response.slackFileId !== undefined } : {}),
  });
  return response;
};
