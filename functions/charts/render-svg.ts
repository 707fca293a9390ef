import { LineChart, ScatterChart } from 'echarts/charts';
import {
  GraphicComponent,
  GridComponent,
  LegendComponent,
  MarkAreaComponent,
  MarkLineComponent,
  TitleComponent,
} from 'echarts/components';
import * as echarts from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';
import type { ChartData } from './chart-data.ts';
import { chartOption, DEFAULT_CHART_SIZE, type ChartSize } from './chart-option.ts';

// Only what the chart draws: tree-shaking keeps the rest of ECharts out of the bundle.
echarts.use([
  LineChart,
  ScatterChart,
  GridComponent,
  LegendComponent,
  TitleComponent,
  MarkLineComponent,
  MarkAreaComponent,
  GraphicComponent,
  SVGRenderer,
]);

/** The chart as an SVG document, rendered server-side (no DOM, no animation). */
export const renderChartSvg = (data: ChartData, size: ChartSize = DEFAULT_CHART_SIZE): string => {
  const chart = echarts.init(null, null, {
    renderer: 'svg',
    ssr: true,
    width: size.width,
    height: size.height,
  });
  try {
    chart.setOption(chartOption(data, size));
    return chart.renderToSVGString();
  } finally {
    chart.dispose();
  }
};
