import type { LocalizedText } from '#rules';
import { EpisodeNotFoundError } from '../episodes/errors.ts';
import type { ChartData } from './chart-data.ts';
import { DEFAULT_CHART_SIZE, type ChartSize } from './chart-option.ts';
import type { ParsedChartRequest } from './chart-request.ts';
import { renderChartSvg } from './render-svg.ts';
import { svgToPng } from './render-png.ts';
import { buildChartData } from './series.ts';
import { chartSummary } from './summary.ts';
import type { WindowReader } from './window-reader.ts';

export type RenderedChart = {
  readonly episodeId: string;
  readonly from: string;
  readonly to: string;
  readonly hours: number;
  readonly svg: string;
  /** Only when PNG was asked for. */
  readonly png?: Uint8Array;
  readonly summary: LocalizedText;
  readonly data: ChartData;
};

export type ChartRenderDeps = {
  readonly reader: Pick<WindowReader, 'read'>;
  /** The hospital's IANA time zone (HOSPITAL_TIME_ZONE). */
  readonly timeZone: string;
  readonly clock: () => Date;
  readonly size?: ChartSize;
};

/** Reads the window's records (window-reader.ts), builds the series, draws the picture and says what it shows. */
export const renderChart = async (
  deps: ChartRenderDeps,
  request: ParsedChartRequest,
): Promise<RenderedChart> => {
  const to = request.now === undefined ? deps.clock() : new Date(request.now);
  const from = new Date(to.getTime() - request.hours * 3_600_000);
  const window = await deps.reader.read(request.episodeId, from.toISOString(), to.toISOString());
  if (!window) throw new EpisodeNotFoundError(request.episodeId);
  const data = buildChartData({
    episodeId: request.episodeId,
    infusionDate: window.head.infusionDate,
    timeZone: deps.timeZone,
    from: from.toISOString(),
    to: to.toISOString(),
    hours: request.hours,
    records: window.records,
    superseded: window.superseded,
    gradedBefore: window.gradedBefore,
  });
  const svg = renderChartSvg(data, deps.size ?? DEFAULT_CHART_SIZE);
  return {
    episodeId: request.episodeId,
    from: data.window.from,
    to: data.window.to,
    hours: request.hours,
    svg,
    ...(request.format === 'png' || request.slack ? { png: await svgToPng(svg) } : {}),
    summary: chartSummary(data),
    data,
  };
};
