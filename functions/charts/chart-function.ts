import { localize, type LocalizedText } from '#rules';
import { EpisodeNotFoundError, EpisodeValidationError } from '../episodes/errors.ts';
import { parseChartRequest } from './chart-request.ts';
import { renderChart, type ChartRenderDeps } from './render-chart.ts';
import type { ChartUpload } from './slack-upload.ts';

/** The chart function's answer (a JSON Lambda payload): the picture and its summary, or why not. */
export type ChartResponse =
  | {
      readonly ok: true;
      readonly episodeId: string;
      readonly from: string;
      readonly to: string;
      readonly hours: number;
      readonly summary: LocalizedText;
      readonly svg?: string;
      readonly pngBase64?: string;
      /** Slack's id of the uploaded file, when a Slack delivery was asked for. */
      readonly slackFileId?: string;
    }
  | {
      readonly ok: false;
      readonly error: { readonly kind: 'VALIDATION' | 'NOT_FOUND'; readonly message: string };
    };

export type ChartFunctionDeps = ChartRenderDeps & {
  /** Uploads a PNG to Slack (slack-upload.ts with the bot token); absent where Slack is not configured. */
  readonly upload?: (upload: ChartUpload) => Promise<string>;
};

/**
 * The chart function's work, whatever invokes it (Lambda, or the local system in process):
 * validate, read the window, draw, summarise, and upload to Slack when asked. Bad input and an
 * unknown episode are answers, not failures (the caller shows them); anything else throws.
 */
export const chartFunction =
  (deps: ChartFunctionDeps) =>
  async (input: unknown): Promise<ChartResponse> => {
    try {
      const request = parseChartRequest(input);
      const chart = await renderChart(deps, request);
      let slackFileId: string | undefined;
      if (request.slack) {
        if (!deps.upload) throw new Error('Slack upload is not configured for the chart function');
        const comment = localize(chart.summary, request.slack.language);
        slackFileId = await deps.upload({
          channel: request.slack.channel,
          threadTs: request.slack.threadTs,
          png: chart.png ?? new Uint8Array(),
          filename: `${chart.episodeId}-${chart.hours}h.png`,
          title: `${chart.episodeId} ${chart.hours} h`,
          comment,
          altText: chart.summary.en,
        });
      }
      return {
        ok: true,
        episodeId: chart.episodeId,
        from: chart.from,
        to: chart.to,
        hours: chart.hours,
        summary: chart.summary,
        ...(request.format === 'svg' ? { svg: chart.svg } : {}),
        ...(request.format === 'png' && chart.png
          ? { pngBase64: Buffer.from(chart.png).toString('base64') }
          : {}),
        ...(slackFileId ? { slackFileId } : {}),
      };
    } catch (error) {
      if (error instanceof EpisodeValidationError)
        return { ok: false, error: { kind: 'VALIDATION', message: error.message } };
      if (error instanceof EpisodeNotFoundError)
        return { ok: false, error: { kind: 'NOT_FOUND', message: error.message } };
      throw error;
    }
  };
