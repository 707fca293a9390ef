import fc from 'fast-check';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { EpisodeValidationError, type EpisodeState } from '#episodes';
import { cartCommand } from '../../slack-bot/commands/cart.ts';
import { replyOnError } from '../../slack-bot/errors/reply-on-error.ts';
import { MAX_COMMAND_TEXT_LENGTH, SUBCOMMANDS } from '../../slack-bot/parser/parse-command.ts';
import { commandArgs, fakeDeps } from '../../slack-bot/testing/fake-args.ts';
import { alert, criticalRecording, head } from '../../slack-bot/testing/fixtures.ts';
import { unintendedMarkup } from '../../slack-bot/testing/markup-check.ts';
import { blockKitProblems } from '../../slack-bot/views/block-kit-check.ts';
import { LOCAL_SLACK } from '../../functions/local/local-system.ts';
import { createSlackClient, uniqueId, type MappedChannel } from '../support/slack-client.ts';

/**
 * The `/cart` grammar under random and hostile input: generated command texts (subcommands and
 * their aliases, typos, every field and synonym with plausible, extreme and hostile values,
 * Slack mentions raw and escaped, full-width and odd whitespace) run through the real listener,
 * parser, error handler and views. Whatever is typed, the user gets one reply, valid Block Kit,
 * and nothing they typed (nor stored data) turns into a mention, link or entity.
 */
const RUNS = 5000;
/** Of the same grammar, texts also sent over real HTTP to the started local system (signed, as Slack does). */
const HTTP_RUNS = 400;
const HTTP_CONCURRENCY = 4;
const SEED = 20260303;

const HOSTILE = [
  '<!channel>',
  '<!here>',
  '<!everyone>',
  '<@U0EVIL>',
  '<!subteam^S0EVIL|@all>',
  '&lt;!channel&gt;',
  '&lt;@U0EVIL&gt;',
  '<https://evil.example|click>',
  '<#C0EVIL>',
  '&amp;',
  '&',
  '`',
  '*bold*',
  '>',
  '<',
];

const names = Object.entries(SUBCOMMANDS).flatMap(([name, spec]) => [name, ...spec.aliases]);
const fieldKeys = [
  ...new Set(
    Object.values(SUBCOMMANDS).flatMap((spec) =>
      spec.fields.flatMap((field) => [field.key, ...field.aliases]),
    ),
  ),
];

const hostile = fc.constantFrom(...HOSTILE);
const typo = fc
  .tuple(fc.constantFrom(...names), fc.nat(), fc.constantFrom('', 'x', 'e', '1'))
  .map(
    ([word, at, extra]) =>
      `${word.slice(0, at % (word.length + 1))}${extra}${word.slice((at % (word.length + 1)) + 1)}`,
  );
const number = fc.oneof(
  fc.integer({ min: -1000, max: 100_000 }).map(String),
  fc.double({ min: -1e6, max: 1e6, noNaN: false, noDefaultInfinity: false }).map(String),
  fc.constantFrom(
    '38.9',
    '101.2F',
    '38,9',
    '1e309',
    '-0',
    '0x1F',
    '84/50',
    '95%',
    '70kg',
    '1.7m',
    '∞',
    'NaN',
  ),
);
const valueWord = fc.oneof(
  number,
  fc.constantFrom(
    'nc:4',
    'hfnc:40',
    'ra',
    'mask',
    'ne,vp',
    'voice',
    '4,3,1,0,0',
    'today',
    '-2d',
    '-30m',
    'yes',
    'no',
  ),
  fc.constantFrom(
    '2026-03-01',
    '2026-02-30',
    '2026-03-01T25:00',
    'KARMMA',
    'CARTITUDE',
    'zh',
    'en',
    'S0ONCALL',
  ),
  hostile,
  fc.string({ maxLength: 12 }),
  fc.string({ unit: 'grapheme', maxLength: 8 }),
  hostile.chain((evil) => valueWordAround(evil)),
);
function valueWordAround(evil: string): fc.Arbitrary<string> {
  return fc
    .tuple(fc.constantFrom('', '1', 'nc:', 'P-'), fc.constantFrom('', '4', 'x'))
    .map(([a, b]) => `${a}${evil}${b}`);
}
const field = fc
  .tuple(
    fc.oneof(
      { weight: 4, arbitrary: fc.constantFrom(...fieldKeys) },
      { weight: 1, arbitrary: fc.string({ maxLength: 6 }) },
      hostile,
    ),
    fc.constantFrom('=', ':', '＝', '：'),
    valueWord,
  )
  .map(([key, separator, value]) => `${key}${separator}${value}`);
const episodeId = fc.oneof(
  fc.constantFrom('EP-7', 'ep7', 'EP-0', 'EP-99999999999', 'EP-', '#7'),
  fc.integer({ min: 1, max: 2_000_000 }).map((n) => `EP-${n}`),
  hostile,
);
const word = fc.oneof(
  { weight: 5, arbitrary: field },
  { weight: 2, arbitrary: valueWord },
  episodeId,
  hostile,
);
const space = fc.constantFrom(' ', '  ', '\u3000', '\t', '\n');

const commandText = fc
  .tuple(
    fc.oneof(
      { weight: 6, arbitrary: fc.constantFrom(...names) },
      { weight: 2, arbitrary: typo },
      hostile,
      fc.constant(''),
    ),
    fc.option(episodeId, { nil: undefined }),
    fc.array(fc.tuple(space, word), { maxLength: 14 }),
  )
  .map(([first, id, rest]) =>
    [first, ...(id === undefined ? [] : [' ', id]), ...rest.flatMap(([gap, text]) => [gap, text])].join(''),
  );

/** The episode service's answers: fixtures carrying stored data with markup in it, or a refusal quoting the input. */
const storedPatientRef = 'P-1 <!channel> & <@U0EVIL>';
const state = (): EpisodeState => ({
  head: head({ patientRef: storedPatientRef }),
  records: [],
  vitals: [],
  neuro: [],
  labs: [],
  doses: [],
  deaths: [],
  gradings: criticalRecording().gradings,
  alerts: [
    alert({
      acknowledgedAt: '2026-03-03T02:01:00.000Z',
      acknowledgedBy: { userId: 'cognito:<!here>', role: 'clinician', via: 'graphql' },
    }),
  ],
});
const refusal = (input: Record<string, unknown>) =>
  new EpisodeValidationError(
    Object.entries(input).map(([name, received]) => ({
      field: name,
      allowed: 'a value the episode service accepts',
      received,
      message: `${name} refused`,
    })),
  );

type Outcome = { readonly reply: unknown; readonly thrown: unknown; readonly replies: number };

const run = async (text: string, refuse: boolean): Promise<Outcome> => {
  const { deps, episodes } = fakeDeps();
  const answer = <T>(input: Record<string, unknown>, value: T) =>
    refuse ? Promise.reject(refusal(input)) : Promise.resolve(value);
  episodes.createEpisode.mockImplementation((_actor: unknown, input: Record<string, unknown>) =>
    answer(
      input,
      head({ patientRef: typeof input.patientRef === 'string' ? input.patientRef : storedPatientRef }),
    ),
  );
  episodes.recordVitals.mockImplementation((_actor: unknown, input: Record<string, unknown>) =>
    answer(input, criticalRecording({ episode: head({ patientRef: storedPatientRef }) })),
  );
  episodes.recordNeuroAssessment.mockImplementation((_actor: unknown, input: Record<string, unknown>) =>
    answer(input, criticalRecording()),
  );
  episodes.recordDose.mockImplementation((_actor: unknown, input: Record<string, unknown>) =>
    answer(input, criticalRecording()),
  );
  episodes.getEpisode.mockImplementation(() => Promise.resolve(state()));
  episodes.listEpisodes.mockImplementation(() =>
    Promise.resolve({ heads: [head({ patientRef: storedPatientRef })], cursors: [], cursor: null }),
  );
  const args = commandArgs(text, { user: 'U0ADMIN' });
  const full = { ...args, body: args.command, respond: () => Promise.resolve() };
  let thrown: unknown;
  try {
    await replyOnError(deps)({
      ...full,
      next: () => cartCommand(deps)(full as never),
    } as never);
  } catch (error) {
    thrown = error;
  }
  const acks = args.ack.mock.calls.map(([response]) => response);
  const modals = args.client.views.open.mock.calls.map((call) => (call as unknown[])[0]);
  return { reply: acks[0] ?? modals[0], thrown, replies: acks.length };
};

describe('Slack grammar fuzzer', () => {
  it(`${RUNS} generated command texts: every one answered once, valid Block Kit, 0 throws, 0 unescaped mentions`, async () => {
    let throws = 0;
    let unanswered = 0;
    let markup = 0;
    let invalid = 0;
    let longest = 0;
    const examples: string[] = [];
    const started = performance.now();
    await fc.assert(
      fc.asyncProperty(commandText, fc.boolean(), async (text, refuse) => {
        longest = Math.max(longest, text.length);
        const outcome = await run(text, refuse);
        if (outcome.thrown !== undefined) throws += 1;
        if (outcome.replies > 1 || outcome.reply === undefined) unanswered += 1;
        const problems = unintendedMarkup(outcome.reply, {
          users: ['U0NURSE'],
          userGroups: ['S0ONCALL'],
          channels: ['C0HEMA'],
        });
        if (problems.length > 0) {
          markup += 1;
          if (examples.length < 5) examples.push(`${JSON.stringify(text)} → ${problems.join(' | ')}`);
        }
        const message = outcome.reply as { text?: string; blocks?: unknown[]; type?: string } | undefined;
        if (
          message?.blocks &&
          message.type !== 'modal' &&
          blockKitProblems({ text: message.text, blocks: message.blocks }).length > 0
        )
          invalid += 1;
      }),
      { numRuns: RUNS, seed: SEED },
    );
    const seconds = (performance.now() - started) / 1000;
    console.log(
      `slack-fuzz: ${RUNS} command texts (longest ${longest} chars) in ${seconds.toFixed(1)} s: ${throws} throws, ${unanswered} unanswered, ${markup} with unescaped markup, ${invalid} invalid Block Kit`,
    );
    expect(examples).toEqual([]);
    expect({ throws, unanswered, markup, invalid }).toEqual({
      throws: 0,
      unanswered: 0,
      markup: 0,
      invalid: 0,
    });
  });

  it(`texts beyond ${MAX_COMMAND_TEXT_LENGTH} characters are answered with the length refusal`, async () => {
    const outcome = await run(`vitals EP-7 ${'<!channel> '.repeat(300)}`, false);
    expect(outcome.thrown).toBeUndefined();
    expect(JSON.stringify(outcome.reply)).toContain('the command is too long');
    expect(unintendedMarkup(outcome.reply)).toEqual([]);
  });
});

describe('Slack grammar fuzzer over HTTP (the started local system)', () => {
  const slack = createSlackClient({
    baseUrl: inject('baseUrl'),
    signingSecret: inject('slackSigningSecret'),
  });
  const ONCALL = 'S0GRAMMAR';
  let channel: MappedChannel;

  beforeAll(async () => {
    channel = await slack.mappedChannel({
      channelId: uniqueId('C0GRAMMAR'),
      team: uniqueId('grammar-').toLowerCase(),
      oncall: ONCALL,
    });
  });

  it(`${HTTP_RUNS} generated command texts, signed and sent to /slack/events: 0 responses ≥ 500, 0 unescaped mentions`, async () => {
    const texts = fc.sample(commandText, { numRuns: HTTP_RUNS, seed: SEED + 1 });
    const statuses = new Map<number, number>();
    const examples: string[] = [];
    let markup = 0;
    const started = performance.now();
    for (let i = 0; i < texts.length; i += HTTP_CONCURRENCY) {
      await Promise.all(
        texts.slice(i, i + HTTP_CONCURRENCY).map(async (text) => {
          const reply = await channel.command(`/cart ${text}`);
          statuses.set(reply.status, (statuses.get(reply.status) ?? 0) + 1);
          const problems =
            reply.message === undefined
              ? []
              : unintendedMarkup(reply.message, {
                  users: [LOCAL_SLACK.adminUserId],
                  userGroups: [ONCALL],
                  channels: [channel.channelId],
                });
          if (problems.length > 0) {
            markup += 1;
            if (examples.length < 5) examples.push(`${JSON.stringify(text)} → ${problems.join(' | ')}`);
          }
        }),
      );
    }
    const seconds = (performance.now() - started) / 1000;
    const serverErrors = [...statuses.entries()]
      .filter(([status]) => status >= 500)
      .reduce((sum, [, count]) => sum + count, 0);
    console.log(
      `slack-fuzz-http: ${texts.length} command texts over HTTP in ${seconds.toFixed(1)} s: statuses ${[...statuses.entries()].map(([status, count]) => `${status}×${count}`).join(' ')}; ${serverErrors} 5xx; ${markup} with unescaped markup`,
    );
    expect(examples).toEqual([]);
    expect({ serverErrors, markup }).toEqual({ serverErrors: 0, markup: 0 });
  }, 300_000);
});
