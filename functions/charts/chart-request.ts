import * as z from 'zod/mini';
import { describeIssues } from '#rules';
import { EpisodeValidationError } from '../episodes/errors.ts';
import { chartHoursSchema, episodeIdSchema } from '../episodes/inputs.ts';
import { slackChannelIdSchema } from '../episodes/team-settings.ts';

/**
 * What the chart function is asked: an episode, the hours up to now, SVG or PNG, and optionally a
 * Slack channel (and thread) to upload the PNG to. Callers authorise before asking (the GraphQL
 * resolver and the Slack command read the episode's head as the user); the function is invoked by
 * them only, never from the internet.
 */
export const chartRequestSchema = z.strictObject({
  episodeId: episodeIdSchema,
  hours: chartHoursSchema,
  format: z.enum(['svg', 'png'], { error: 'svg or png' }),
  /** The window's end (ISO instant); now when omitted (tests and benchmarks fix it). */
  now: z.optional(z.iso.datetime({ offset: true, error: 'an ISO 8601 instant' })),
  slack: z.optional(
    z.strictObject({
      channel: slackChannelIdSchema,
      threadTs: z.optional(
        z
          .string()
          .check(z.regex(/^\d{1,12}\.\d{1,9}$/, { error: 'a Slack message ts such as 1700000000.000100' })),
      ),
      /** The channel's language: the summary posted with the picture is in it. */
      language: z._default(z.enum(['zh-CN', 'en']), 'en'),
    }),
  ),
});
export type ChartRequest = z.input<typeof chartRequestSchema>;
export type ParsedChartRequest = z.output<typeof chartRequestSchema>;

export const parseChartRequest = (input: unknown): ParsedChartRequest => {
  const result = chartRequestSchema.safeParse(input);
  if (!result.success) throw new EpisodeValidationError(describeIssues(result.error.issues, input, ''));
  return result.data;
};
