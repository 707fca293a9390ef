import { EpisodeNotFoundError, EpisodeValidationError } from '../episodes/errors.ts';
import type { ChartResponse } from './chart-function.ts';
import { ChartUnavailableError, type ChartInvoker } from './chart-port.ts';

/** A failed answer as the service's typed errors (GraphQL and Slack turn them into specific messages). */
export const chartOrThrow = (response: ChartResponse): Extract<ChartResponse, { ok: true }> => {
  if (response.ok) return response;
  if (response.error.kind === 'NOT_FOUND')
    throw new EpisodeNotFoundError(response.error.message.replace(/^Episode (\S+) not found$/, '$1'));
  throw new EpisodeValidationError([
    { field: 'chart', allowed: response.error.message, received: null, message: response.error.message },
  ]);
};

/** Episode.chart's renderer (schema/context.ts ChartRenderer), resolved at call time. */
export const graphqlChartRenderer =
  (invoker: () => ChartInvoker | undefined) =>
  async (request: { readonly episodeId: string; readonly hours: number }) => {
    const charts = invoker();
    if (!charts) throw new ChartUnavailableError();
    const chart = chartOrThrow(await charts.render({ ...request, format: 'svg' }));
    return {
      from: chart.from,
      to: chart.to,
      hours: chart.hours,
      svg: chart.svg ?? '',
      summary: chart.summary,
    };
  };
