import { chartRenderingView, chartUnavailableView } from '../views/chart-rendering.ts';
import { teamOf, toUser, type Handler } from './request.ts';

/**
 * `/cart chart EP-1 [hours]`: reads the episode's head as the user (another team's episode is "not
 * found"), starts the chart in the background (render, then upload to this channel with its
 * summary in the channel's language) and answers at once: the picture takes longer than Slack's 3 s.
 */
export const chart: Handler<'chart'> = async (command, request) => {
  const { actor } = teamOf(request);
  const head = await request.deps.episodes.getEpisodeHead(actor, command.episodeId);
  const charts = request.deps.charts;
  if (!charts) return toUser(chartUnavailableView(request.language));
  await charts.deliver({
    episodeId: head.id,
    hours: command.hours,
    channel: request.channelId,
    language: request.language,
  });
  return toUser(chartRenderingView(head.id, command.hours, request.language));
};
