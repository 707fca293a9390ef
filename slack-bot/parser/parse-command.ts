import type { Language, LocalizedText } from '#rules';
import {
  CRS_FIELDS,
  ICANS_FIELDS,
  LD_FIELDS,
  NEURO_FIELDS,
  NEW_FIELDS,
  SETUP_FIELDS,
  TOCI_FIELDS,
  DEATH_FIELDS,
  VITALS_FIELDS,
  normalizeProduct,
  readLanguage,
  type Draft,
  type FieldSpec,
} from './fields.ts';
import { problems, type ParseProblem } from './problems.ts';
import { closest } from './suggest.ts';
import { tokenize, type Token } from './tokens.ts';
import { ICE_TASKS } from './values.ts';
import { CHART_HOURS } from '#episodes';

/** A `/cart` command as understood: the subcommand and its input in the service's field names. */
export type CartCommand =
  | { readonly name: 'help'; readonly topic: SubcommandName | undefined }
  | { readonly name: 'new'; readonly input: Draft }
  | { readonly name: 'vitals'; readonly episodeId: string; readonly values: Draft | null }
  | { readonly name: 'neuro'; readonly episodeId: string; readonly values: Draft | null }
  | { readonly name: 'toci'; readonly episodeId: string; readonly give: boolean; readonly values: Draft }
  | { readonly name: 'crs'; readonly input: Draft }
  | { readonly name: 'icans'; readonly input: Draft }
  | { readonly name: 'ld'; readonly input: Draft }
  | { readonly name: 'status'; readonly episodeId: string }
  | { readonly name: 'plan'; readonly episodeId: string }
  | { readonly name: 'chart'; readonly episodeId: string; readonly hours: number }
  | { readonly name: 'death'; readonly episodeId: string; readonly values: Draft }
  | { readonly name: 'list' }
  | { readonly name: 'handoff' }
  | { readonly name: 'lang'; readonly language: Language }
  | {
      readonly name: 'setup';
      readonly change: Draft;
      /** `setup handoff 08:00 20:00` (HANDOFF-1): the team's digest times; `setup handoff off`: none. */
      readonly handoffTimes?: readonly string[];
    };

export type SubcommandName = CartCommand['name'];

export type ParseResult =
  | { readonly ok: true; readonly command: CartCommand }
  | {
      readonly ok: false;
      readonly subcommand: SubcommandName | undefined;
      readonly problems: readonly ParseProblem[];
    };

export type ParseContext = {
  readonly now: Date;
  /** Today in the hospital's calendar: `today` and `-2d` dates count from it. */
  readonly today: string;
  /** The slash command as configured (e.g. `/cart`), for examples in messages. */
  readonly command: string;
};

/** Every subcommand, its other names, its fields and a one-line summary (the help is built from this). */
export const SUBCOMMANDS: Readonly<
  Record<
    SubcommandName,
    {
      readonly aliases: readonly string[];
      readonly fields: readonly FieldSpec[];
      readonly usage: string;
      readonly summary: LocalizedText;
    }
  >
> = {
  help: {
    aliases: ['h', '?', '帮助'],
    fields: [],
    usage: 'help [subcommand]',
    summary: { zh: '本帮助;help vitals 列出字段', en: 'this help; help vitals lists the fields' },
  },
  new: {
    aliases: ['create', '新建'],
    fields: NEW_FIELDS,
    usage: 'new <patient-ref> w=70 h=170 product=KARMMA infusion=2026-03-01',
    summary: {
      zh: '新建病程(患者用假名编号,不用姓名)',
      en: 'create an episode (pseudonymous patient ref, never a name)',
    },
  },
  vitals: {
    aliases: ['v', 'vs', 'vital', '生命体征'],
    fields: VITALS_FIELDS,
    usage: 'vitals EP-1 t=38.9 sbp=84 o2=nc:4 vaso=ne',
    summary: {
      zh: '记录生命体征并分级 CRS;不带数值则打开表单',
      en: 'record vital signs and grade CRS; with no values opens a form',
    },
  },
  neuro: {
    aliases: ['n', 'icans-assess', '神经'],
    fields: NEURO_FIELDS,
    usage: 'neuro EP-1 ice=4,3,1,0,0 loc=voice',
    summary: {
      zh: '记录神经系统评估并分级 ICANS;不带数值则打开表单',
      en: 'record a neuro assessment and grade ICANS; with no values opens a form',
    },
  },
  toci: {
    aliases: ['tocilizumab', '托珠单抗'],
    fields: TOCI_FIELDS,
    usage: 'toci EP-1 [give]',
    summary: {
      zh: '本患者托珠单抗剂量及现在能否给药;give 记录给药',
      en: 'tocilizumab dose for this patient and whether it is allowed now; give records a dose',
    },
  },
  crs: {
    aliases: [],
    fields: CRS_FIELDS,
    usage: 'crs t=38.9 sbp=84 o2=nc:4 w=70',
    summary: { zh: '快速 CRS 分级(不记录)', en: 'quick CRS grading (nothing recorded)' },
  },
  icans: {
    aliases: [],
    fields: ICANS_FIELDS,
    usage: 'icans ice=4,3,1,0,0 loc=voice crs=2 w=70',
    summary: { zh: '快速 ICANS 分级(不记录)', en: 'quick ICANS grading (nothing recorded)' },
  },
  ld: {
    aliases: ['lymphodepletion', '预处理'],
    fields: LD_FIELDS,
    usage: 'ld KARMMA h=170 w=70 infusion=2026-03-01',
    summary: { zh: '预处理方案及剂量(表2)', en: 'lymphodepletion plan with doses (T2)' },
  },
  status: {
    aliases: ['s', 'show', '状态'],
    fields: [],
    usage: 'status EP-1',
    summary: { zh: '病程当前状态', en: 'current state of an episode' },
  },
  plan: {
    aliases: ['careplan', 'care', '计划'],
    fields: [],
    usage: 'plan EP-1',
    summary: {
      zh: '病程护理计划:感染预防、IgG 监测及随访的日期与状态',
      en: 'care plan of an episode: prophylaxis, IgG checks and follow-up visits with dates and status',
    },
  },
  chart: {
    aliases: ['graph', 'plot', '图表', '病程图'],
    fields: [],
    usage: 'chart EP-1 [hours]',
    summary: {
      zh: `病程图:体温、血压、心率、SpO2、氧疗、血管活性药物、CRS/ICANS 分级、给药与警报(默认近 ${CHART_HOURS.default} 小时,${CHART_HOURS.min}–${CHART_HOURS.max})`,
      en: `the course as a picture: T, BP, HR, SpO2, oxygen, vasopressors, CRS/ICANS grades, doses and alerts (last ${CHART_HOURS.default} h by default, ${CHART_HOURS.min}–${CHART_HOURS.max})`,
    },
  },
  death: {
    aliases: ['died', 'deceased', '死亡'],
    fields: DEATH_FIELDS,
    usage: 'death EP-1 cause=crs',
    summary: {
      zh: '记录死亡及归因并结束病程(归因于CRS/ICANS即5级,EPI-5)',
      en: 'record a death with its attribution and close the episode (CRS/ICANS: grade 5, EPI-5)',
    },
  },
  list: {
    aliases: ['ls', '列表'],
    fields: [],
    usage: 'list',
    summary: { zh: '本团队进行中的病程', en: "the team's active episodes" },
  },
  handoff: {
    aliases: ['shift', '交班'],
    fields: [],
    usage: 'handoff',
    summary: {
      zh: '交班摘要:每个进行中病程的分级变化、托珠单抗、警报及下一班到期事项,按紧急度排序',
      en: "shift handoff: each active episode's grade course, tocilizumab, alerts and what is due next shift, most acute first",
    },
  },
  lang: {
    aliases: ['language', '语言'],
    fields: [],
    usage: 'lang zh|en',
    summary: { zh: '设置本频道语言', en: "set this channel's language" },
  },
  setup: {
    aliases: ['config', '设置'],
    fields: SETUP_FIELDS,
    usage: 'setup team=hem-a oncall=S0123ABCD lang=en role=clinician | setup handoff 08:00 20:00',
    summary: { zh: '将本频道关联到团队(仅管理员)', en: 'map this channel to a team (administrators only)' },
  },
};

const SUBCOMMAND_NAMES = Object.keys(SUBCOMMANDS) as SubcommandName[];

const subcommandOf = (word: string): SubcommandName | undefined => {
  const w = word.toLowerCase();
  return SUBCOMMAND_NAMES.find((name) => name === w || SUBCOMMANDS[name].aliases.includes(w));
};

const EPISODE_ID = /^ep-?([1-9]\d{0,9})$/i;

type FieldsOutcome = {
  readonly draft: Draft;
  readonly positionals: readonly string[];
  readonly problems: readonly ParseProblem[];
};

const indexOf = (fields: readonly FieldSpec[]): Map<string, FieldSpec> => {
  const index = new Map<string, FieldSpec>();
  for (const spec of fields)
    for (const alias of [spec.key, ...spec.aliases]) index.set(alias.toLowerCase(), spec);
  return index;
};

const candidatesOf = (fields: readonly FieldSpec[]) =>
  fields.flatMap((spec) => [spec.key, ...spec.aliases].map((alias) => ({ alias, canonical: spec.key })));

/** Splits `t:38.9` into key and value when the part before the colon names a field. */
const colonField = (token: Token, index: Map<string, FieldSpec>): Token => {
  if (token.key !== undefined) return token;
  const at = token.raw.search(/[:：]/);
  if (at <= 0) return token;
  const key = token.raw.slice(0, at).toLowerCase();
  return index.has(key) ? { raw: token.raw, key, value: token.raw.slice(at + 1) } : token;
};

/** Reads the `key=value` fields and flags into a draft; bare words that are not flags are positionals. */
const readFields = (
  tokens: readonly Token[],
  fields: readonly FieldSpec[],
  subcommand: SubcommandName,
  context: ParseContext,
): FieldsOutcome => {
  const index = indexOf(fields);
  const draft: Draft = {};
  const positionals: string[] = [];
  const found: ParseProblem[] = [];
  const used = new Set<FieldSpec>();
  for (const original of tokens) {
    const token = colonField(original, index);
    if (token.key === undefined) {
      const flag = index.get(token.raw.toLowerCase());
      if (flag?.flag) {
        if (used.has(flag)) found.push(problems.duplicate(flag.key));
        used.add(flag);
        flag.apply('', draft, context);
      } else {
        positionals.push(token.raw);
      }
      continue;
    }
    const spec = index.get(token.key);
    if (!spec) {
      found.push(problems.unknownField(token.key, closest(token.key, candidatesOf(fields)), subcommand));
      continue;
    }
    if (used.has(spec)) {
      found.push(problems.duplicate(spec.key));
      continue;
    }
    used.add(spec);
    const value = token.value ?? '';
    const failure = spec.apply(value, draft, context);
    if (failure) {
      found.push(
        failure.ambiguous
          ? problems.ambiguousUnit(spec.key, value, failure.expected)
          : problems.invalidValue(spec.key, value, failure.expected, failure.suggestion),
      );
    }
  }
  return { draft, positionals, problems: found };
};

/** ICE given task by task (`orient=4 naming=3 …`) becomes the `ice` object; all five are needed. */
const combineIceTasks = (draft: Draft): ParseProblem[] => {
  const tasks = draft.iceTasks as Record<string, number> | undefined;
  if (tasks === undefined) return [];
  delete draft.iceTasks;
  if (draft.ice !== undefined)
    return [
      {
        code: 'duplicate',
        field: 'ice',
        text: { zh: 'ice=… 与单项得分只能给一种', en: 'give either ice=… or the five task scores, not both' },
      },
    ];
  const missing = ICE_TASKS.filter((task) => tasks[task] === undefined);
  if (missing.length > 0) return [problems.missing(`ICE ${missing.join(', ')}`, 'ice=4,3,1,1,1')];
  draft.ice = tasks;
  return [];
};

/** Extra bare words: a near field name gets "unknown field … did you mean", anything else "does not take". */
const extraWords = (
  words: readonly string[],
  fields: readonly FieldSpec[],
  subcommand: SubcommandName,
): ParseProblem[] =>
  words.map((word) => {
    const suggestion = closest(word, candidatesOf(fields));
    return suggestion
      ? problems.unknownField(word, suggestion, subcommand)
      : problems.unexpected(word, subcommand);
  });

const readEpisodeId = (word: string | undefined, example: string): string | ParseProblem => {
  if (word === undefined) return problems.missing('episode id', example);
  const match = EPISODE_ID.exec(word);
  if (!match?.[1])
    return problems.invalidValue('episode', word, {
      zh: '病程编号,如 EP-12',
      en: 'an episode id such as EP-12',
    });
  return `EP-${match[1]}`;
};

/** `72`, `72h` or `72小时`: whole hours from CHART_HOURS.min to CHART_HOURS.max; none gives the default. */
const readChartHours = (word: string | undefined): number | ParseProblem => {
  if (word === undefined) return CHART_HOURS.default;
  const match = /^(\d{1,4})\s*(h|hr|hrs|hours?|小时)?$/i.exec(word);
  const hours = match?.[1] === undefined ? Number.NaN : Number(match[1]);
  if (!Number.isInteger(hours) || hours < CHART_HOURS.min || hours > CHART_HOURS.max)
    return problems.invalidValue('hours', word, {
      zh: `${CHART_HOURS.min}–${CHART_HOURS.max} 之间的整数小时数,如 72`,
      en: `a whole number of hours from ${CHART_HOURS.min} to ${CHART_HOURS.max}, e.g. 72`,
    });
  return hours;
};

const failed = (subcommand: SubcommandName | undefined, list: readonly ParseProblem[]): ParseResult => ({
  ok: false,
  subcommand,
  problems: list,
});

/**
 * The longest command text read: the longest real command (a full set of vital signs with a time
 * and findings) is a few hundred characters; 2 000 keeps parsing and the reply bounded.
 */
export const MAX_COMMAND_TEXT_LENGTH = 2000;

/**
 * Parses `/cart` text: the subcommand (by name or alias; a typo gets the nearest name), then its
 * positional words and `key=value` fields. Any problem means nothing is recorded: the caller
 * replies with every problem at once.
 */
export const parseCart = (text: string, context: ParseContext): ParseResult => {
  if (text.length > MAX_COMMAND_TEXT_LENGTH)
    return failed(undefined, [problems.tooLong(text.length, MAX_COMMAND_TEXT_LENGTH, context.command)]);
  const [first, ...rest] = tokenize(text);
  if (!first) return { ok: true, command: { name: 'help', topic: undefined } };
  const name = first.key === undefined ? subcommandOf(first.raw) : undefined;
  if (!name) {
    const suggestion = closest(
      first.key ?? first.raw,
      SUBCOMMAND_NAMES.flatMap((n) =>
        [n, ...SUBCOMMANDS[n].aliases].map((alias) => ({ alias, canonical: n })),
      ),
    );
    return failed(undefined, [problems.unknownSubcommand(first.raw, suggestion, context.command)]);
  }
  const spec = SUBCOMMANDS[name];
  const { draft, positionals, problems: found } = readFields(rest, spec.fields, name, context);
  const list = [...found];
  const example = `${context.command} ${spec.usage}`;
  const done = (command: CartCommand): ParseResult =>
    list.length > 0 ? failed(name, list) : { ok: true, command };

  switch (name) {
    case 'help': {
      const topic = positionals[0] === undefined ? undefined : subcommandOf(positionals[0]);
      return { ok: true, command: { name, topic } };
    }
    case 'list':
    case 'handoff':
      list.push(...extraWords(positionals, spec.fields, name));
      return done({ name });
    case 'status':
    case 'plan': {
      const id = readEpisodeId(positionals[0], example);
      if (typeof id !== 'string') list.push(id);
      list.push(...extraWords(positionals.slice(1), spec.fields, name));
      return done({ name, episodeId: typeof id === 'string' ? id : '' });
    }
    case 'chart': {
      const id = readEpisodeId(positionals[0], example);
      if (typeof id !== 'string') list.push(id);
      const hours = readChartHours(positionals[1]);
      if (typeof hours !== 'number') list.push(hours);
      list.push(...extraWords(positionals.slice(2), spec.fields, name));
      return done({
        name,
        episodeId: typeof id === 'string' ? id : '',
        hours: typeof hours === 'number' ? hours : CHART_HOURS.default,
      });
    }
    case 'vitals':
    case 'neuro': {
      const id = readEpisodeId(positionals[0], example);
      if (typeof id !== 'string') list.push(id);
      list.push(...extraWords(positionals.slice(1), spec.fields, name));
      if (name === 'neuro') list.push(...combineIceTasks(draft));
      const timeField = name === 'vitals' ? 'measuredAt' : 'assessedAt';
      const given = Object.keys(draft).filter((key) => key !== timeField);
      if (given.length === 0 && draft[timeField] !== undefined)
        list.push(problems.missing(name === 'vitals' ? 'a measurement' : 'an assessment', example));
      return done({
        name,
        episodeId: typeof id === 'string' ? id : '',
        values: given.length === 0 ? null : draft,
      });
    }
    case 'death': {
      const id = readEpisodeId(positionals[0], example);
      if (typeof id !== 'string') list.push(id);
      list.push(...extraWords(positionals.slice(1), spec.fields, name));
      if (draft.attribution === undefined) list.push(problems.missing('cause=crs|icans|other', example));
      return done({ name, episodeId: typeof id === 'string' ? id : '', values: draft });
    }
    case 'toci': {
      const id = readEpisodeId(positionals[0], example);
      if (typeof id !== 'string') list.push(id);
      const [, second, ...others] = positionals;
      const give =
        second !== undefined && ['give', 'given', 'gave', 'record', '给药'].includes(second.toLowerCase());
      list.push(...extraWords(give ? others : positionals.slice(1), spec.fields, name));
      if (!give && Object.keys(draft).length > 0)
        list.push({
          code: 'unexpected',
          text: {
            zh: `mg= 与 at= 用于记录给药:${context.command} toci EP-1 give mg=560`,
            en: `mg= and at= go with give: ${context.command} toci EP-1 give mg=560`,
          },
        });
      return done({ name, episodeId: typeof id === 'string' ? id : '', give, values: draft });
    }
    case 'crs':
      list.push(...extraWords(positionals, spec.fields, name));
      return done({ name, input: draft });
    case 'icans':
      list.push(...extraWords(positionals, spec.fields, name));
      list.push(...combineIceTasks(draft));
      return done({ name, input: draft });
    case 'new': {
      const [patientRef, ...others] = positionals;
      if (patientRef === undefined) list.push(problems.missing('patient ref', example));
      list.push(...extraWords(others, spec.fields, name));
      return done({ name, input: { patientRef, ...draft } });
    }
    case 'ld': {
      const [product, ...others] = positionals;
      if (product === undefined && draft.product === undefined)
        list.push(problems.missing('product', example));
      list.push(...extraWords(others, spec.fields, name));
      return done({
        name,
        input: { ...draft, ...(product === undefined ? {} : { product: normalizeProduct(product) }) },
      });
    }
    case 'lang': {
      const language = positionals[0] === undefined ? undefined : readLanguage(positionals[0]);
      if (!language) list.push(problems.missing('language', `${context.command} lang zh`));
      else if (!language.ok)
        list.push(problems.invalidValue('lang', positionals[0] ?? '', language.expected));
      list.push(...extraWords(positionals.slice(1), spec.fields, name));
      return done({ name, language: language?.ok ? language.value : 'en' });
    }
    case 'setup': {
      const [first, ...times] = positionals;
      if (first !== undefined && ['handoff', '交班'].includes(first.toLowerCase()))
        return done({
          name,
          change: draft,
          handoffTimes: times.length === 1 && times[0]?.toLowerCase() === 'off' ? [] : times,
        });
      list.push(...extraWords(positionals, spec.fields, name));
      return done({ name, change: draft });
    }
  }
};
