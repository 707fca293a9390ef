import { GraphQLError } from 'graphql';
import { describeIssues, localize } from '#rules';
import { CHART_HOURS, EpisodeNotFoundError, EpisodeValidationError, chartHoursSchema } from '#episodes';
import { builder } from '../builder.ts';
import type { EpisodeChartPicture } from '../context.ts';
import { inputError } from '../input-errors.ts';
import { languageArg, requestLanguage } from './calculator-evaluation.ts';
import { EpisodeRef } from './episode-refs.ts';

type ChartParent = { readonly picture: EpisodeChartPicture; readonly language: 'zh-CN' | 'en' };

export const EpisodeChartType = builder.objectRef<ChartParent>('EpisodeChart').implement({
  description:
    "The course as a picture: temperature, systolic BP, heart rate and SpO2 over the window, oxygen and vasopressor bands, CRS and ICANS grades as step lines, tocilizumab and steroid doses and alerts as markers, on an axis of days since infusion with the hospital's local times. Labels inside the picture are language-neutral; `summary` says what it shows.",
  fields: (t) => ({
    svg: t.string({
      description: 'The chart as an SVG document (1000 × 640).',
      resolve: (p) => p.picture.svg,
    }),
    summary: t.string({
      description:
        'What the picture shows, in the requested language: ranges and extremes with local times and days since infusion, grade course, doses, alerts, and what was not recorded.',
      resolve: (p) => localize(p.picture.summary, p.language),
    }),
    summaryZh: t.string({ description: 'The summary in Chinese.', resolve: (p) => p.picture.summary.zh }),
    summaryEn: t.string({ description: 'The summary in English.', resolve: (p) => p.picture.summary.en }),
    from: t.field({ type: 'DateTime', description: "The window's start.", resolve: (p) => p.picture.from }),
    to: t.field({ type: 'DateTime', description: "The window's end (now).", resolve: (p) => p.picture.to }),
    hours: t.int({ description: 'Hours the window covers.', resolve: (p) => p.picture.hours }),
  }),
});

/**
 * Episode.chart(hours): the last `hours` of the course as a picture with its summary. The episode
 * was read (and authorised) as the viewer; the chart function reads only the window's records.
 */
builder.objectField(EpisodeRef, 'chart', (t) =>
  t.field({
    type: EpisodeChartType,
    description: `The last hours of the course as a picture (SVG) with a text summary in both languages. hours: ${CHART_HOURS.min}–${CHART_HOURS.max}, default ${CHART_HOURS.default}.`,
    args: {
      hours: t.arg.int({
        defaultValue: CHART_HOURS.default,
        description: `Hours up to now the chart covers, ${CHART_HOURS.min}–${CHART_HOURS.max}.`,
      }),
      language: languageArg(t),
    },
    resolve: async (head, args, context) => {
      const hours = chartHoursSchema.safeParse(args.hours);
      if (!hours.success) throw inputError(describeIssues(hours.error.issues, args.hours, 'hours'));
      if (!context.charts)
        throw new GraphQLError('Charts are not available on this API', {
          extensions: { code: 'CHART_UNAVAILABLE' },
        });
      try {
        const picture = await context.charts({ episodeId: head.id, hours: hours.data });
        return { picture, language: requestLanguage(args, context) };
      } catch (error) {
        if (error instanceof EpisodeValidationError) throw inputError(error.issues);
        if (error instanceof EpisodeNotFoundError)
          throw new GraphQLError(error.message, { extensions: { code: 'NOT_FOUND' } });
        // functions/charts ChartUnavailableError (by name: schema/ does not import functions/).
        if (error instanceof Error && error.name === 'ChartUnavailableError')
          throw new GraphQLError(error.message, { extensions: { code: 'CHART_UNAVAILABLE' } });
        throw error;
      }
    },
  }),
);
