/**
 * The chart function's work on a window read from a file instead of DynamoDB, bundled exactly as
 * the chart function is: its cold start to a first rendered PNG (ECharts, resvg's WebAssembly and
 * the font loaded on first use) without a table. CHART_WINDOW_FILE holds the window's items.
 */
import { readFileSync } from 'node:fs';
import { chartFunction } from '../../functions/charts/chart-function.ts';
import type { EpisodeWindow } from '../../functions/charts/window-reader.ts';

type StoredWindow = Omit<EpisodeWindow, 'superseded'> & { readonly superseded: readonly string[] };

const stored = JSON.parse(readFileSync(process.env.CHART_WINDOW_FILE ?? '', 'utf8')) as StoredWindow;
const work = chartFunction({
  reader: { read: () => Promise.resolve({ ...stored, superseded: new Set(stored.superseded) }) },
  timeZone: process.env.HOSPITAL_TIME_ZONE ?? 'Asia/Shanghai',
  clock: () => new Date(),
});

export const handler = async (event: unknown) => {
  const response = await work(event);
  return {
    statusCode: response.ok ? 200 : 400,
    body: response.ok ? String(response.pngBase64?.length ?? 0) : '',
  };
};
