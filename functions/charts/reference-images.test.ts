import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import pixelmatch from 'pixelmatch';
import { PNG } from 'pngjs';
import { describe, expect, it } from 'vitest';
import { CHART_TIME_ZONE, chartCourse, memoryReader } from '../../test/support/chart-course.ts';
import { DEFAULT_CHART_SIZE } from './chart-option.ts';
import { renderChart } from './render-chart.ts';
import { CHART_SCENARIOS } from './scenarios.ts';

/**
 * Pictures checked like code: each fixed scenario is rendered to PNG and compared with its
 * committed reference (references/<name>.png) pixel by pixel; at most 0.5 % of the pixels may
 * differ (anti-aliasing). `UPDATE_CHART_REFERENCES=1` rewrites the references after an intended
 * change (look at them before committing).
 */
const REFERENCES = join(import.meta.dirname, 'references');
const MAX_DIFFERENT = 0.005;
const update = process.env.UPDATE_CHART_REFERENCES === '1';

const render = async (scenario: (typeof CHART_SCENARIOS)[number]) => {
  const course = chartCourse(scenario.vitals, {
    acknowledge: scenario.acknowledge,
    infusion: scenario.infusion,
  });
  const now = new Date(course.lastAt.getTime() + scenario.nowAfterLastMinutes * 60_000).toISOString();
  return renderChart(
    { reader: memoryReader(course), timeZone: CHART_TIME_ZONE, clock: () => new Date(now) },
    { episodeId: course.head.id, hours: scenario.hours, format: 'png', now },
  );
};

describe('chart pictures match their references', () => {
  it.each(CHART_SCENARIOS.map((s) => [s.name, s] as const))(
    '%s',
    async (name, scenario) => {
      const chart = await render(scenario);
      const png = Buffer.from(chart.png ?? new Uint8Array());
      const file = join(REFERENCES, `${name}.png`);
      if (update || !existsSync(file)) {
        writeFileSync(file, png);
        if (!update) throw new Error(`no reference for ${name}: written ${file}, look at it and commit it`);
      }
      const actual = PNG.sync.read(png);
      const expected = PNG.sync.read(readFileSync(file));
      expect([actual.width, actual.height]).toEqual([DEFAULT_CHART_SIZE.width, DEFAULT_CHART_SIZE.height]);
      expect([actual.width, actual.height]).toEqual([expected.width, expected.height]);
      const different = pixelmatch(actual.data, expected.data, undefined, actual.width, actual.height, {
        threshold: 0.1,
      });
      expect(different / (actual.width * actual.height)).toBeLessThanOrEqual(MAX_DIFFERENT);
    },
    60_000,
  );

  it('a changed picture fails the comparison (the check can fail)', () => {
    const [first, second] = CHART_SCENARIOS;
    if (!first || !second) throw new Error('two scenarios needed');
    const a = PNG.sync.read(readFileSync(join(REFERENCES, `${first.name}.png`)));
    const b = PNG.sync.read(readFileSync(join(REFERENCES, `${second.name}.png`)));
    const different = pixelmatch(a.data, b.data, undefined, a.width, a.height, { threshold: 0.1 });
    expect(different / (a.width * a.height)).toBeGreaterThan(MAX_DIFFERENT);
  });
});
