import {
  CEREBRAL_EDEMA,
  CONSCIOUSNESS_LEVELS,
  LANGUAGES,
  SEIZURES,
  type Language,
  type LocalizedText,
} from '#rules';
import {
  CONSCIOUSNESS_ALIASES,
  EDEMA_ALIASES,
  ICE_TASKS,
  SEIZURE_ALIASES,
  readBloodPressure,
  readDate,
  readEnum,
  readFlag,
  readHeight,
  readIce,
  readInstant,
  readNumber,
  readOxygen,
  readTemperature,
  readVasopressors,
  readWeight,
  type ReadResult,
} from './values.ts';

/** The input being built from the typed fields, with the episode service's (and rules') field names. */
export type Draft = Record<string, unknown>;
export type FieldContext = { readonly now: Date; readonly today: string };

type Failure = Extract<ReadResult<unknown>, { ok: false }>;

/** One `key=value` field: its key, the other words that mean it, how its value is read and where it goes. */
export type FieldSpec = {
  readonly key: string;
  /** Synonyms (lower-case), English and Chinese. */
  readonly aliases: readonly string[];
  /** Written alone it means yes (a finding such as `hypotension`). */
  readonly flag?: boolean;
  /** The input fields it sets: a validation error on one of them is reported under this key. */
  readonly targets: readonly string[];
  readonly example: string;
  readonly help: LocalizedText;
  /** Reads the value into the draft; a failure says what was expected. */
  readonly apply: (raw: string, draft: Draft, context: FieldContext) => Failure | undefined;
};

const into =
  <T>(read: (raw: string, context: FieldContext) => ReadResult<T>, write: (draft: Draft, value: T) => void) =>
  (raw: string, draft: Draft, context: FieldContext): Failure | undefined => {
    const result = read(raw, context);
    if (!result.ok) return result;
    write(draft, result.value);
    return undefined;
  };

const to = <T>(target: string, read: (raw: string, context: FieldContext) => ReadResult<T>) =>
  into(read, (draft, value: T) => {
    draft[target] = value;
  });

const number = (units: readonly string[], expected: LocalizedText) => (raw: string) =>
  readNumber(raw, units, expected);

const field = (spec: FieldSpec): FieldSpec => spec;

// ------------------------------------------------------------------ vital signs (CRS-GRADE inputs)

export const TEMP = field({
  key: 'temp',
  aliases: ['t', 'temperature', 'tmax', '体温'],
  targets: ['temperatureCelsius'],
  example: 't=38.9',
  help: { zh: '体温 ℃(华氏度写单位:101.2F)', en: 'temperature °C (°F with its unit: 101.2F)' },
  apply: to('temperatureCelsius', readTemperature),
});
export const SBP = field({
  key: 'sbp',
  aliases: ['sys', 'systolic', '收缩压'],
  targets: ['systolicBp'],
  example: 'sbp=84',
  help: { zh: '收缩压 mmHg', en: 'systolic BP mmHg' },
  apply: to(
    'systolicBp',
    number(['', 'mmhg'], { zh: '收缩压 mmHg(如 84)', en: 'a systolic BP in mmHg (84)' }),
  ),
});
export const DBP = field({
  key: 'dbp',
  aliases: ['dia', 'diastolic', '舒张压'],
  targets: ['diastolicBp'],
  example: 'dbp=50',
  help: { zh: '舒张压 mmHg', en: 'diastolic BP mmHg' },
  apply: to(
    'diastolicBp',
    number(['', 'mmhg'], { zh: '舒张压 mmHg(如 50)', en: 'a diastolic BP in mmHg (50)' }),
  ),
});
export const BP = field({
  key: 'bp',
  aliases: ['血压'],
  targets: [],
  example: 'bp=84/50',
  help: { zh: '血压 收缩压/舒张压', en: 'BP systolic/diastolic' },
  apply: into(readBloodPressure, (draft, bp) => {
    draft.systolicBp = bp.systolic;
    draft.diastolicBp = bp.diastolic;
  }),
});
export const HR = field({
  key: 'hr',
  aliases: ['pulse', 'heartrate', '心率', '脉搏'],
  targets: ['heartRate'],
  example: 'hr=124',
  help: { zh: '心率 /min', en: 'heart rate /min' },
  apply: to(
    'heartRate',
    number(['', 'bpm', '/min'], { zh: '心率(如 124)', en: 'a heart rate per minute (124)' }),
  ),
});
export const RR = field({
  key: 'rr',
  aliases: ['resp', 'respiratory', '呼吸'],
  targets: ['respiratoryRate'],
  example: 'rr=22',
  help: { zh: '呼吸 /min', en: 'respiratory rate /min' },
  apply: to(
    'respiratoryRate',
    number(['', '/min'], { zh: '呼吸频率(如 22)', en: 'a respiratory rate per minute (22)' }),
  ),
});
export const SPO2 = field({
  key: 'spo2',
  aliases: ['sat', 'sao2', 'o2sat', '血氧', '氧饱和度'],
  targets: ['spo2Percent'],
  example: 'spo2=92',
  help: { zh: '血氧饱和度 %', en: 'SpO2 %' },
  apply: to('spo2Percent', number(['', '%'], { zh: '血氧饱和度 %(如 92)', en: 'an SpO2 in % (92)' })),
});
export const O2 = field({
  key: 'o2',
  aliases: ['oxygen', '吸氧', '氧疗'],
  targets: ['oxygen', 'oxygenFlowLpm'],
  example: 'o2=nc:4',
  help: {
    zh: '吸氧方式:流量 — ra/未吸氧/空气 表示未吸氧(须写明,省略=未记录)、nc:4 鼻导管 4 L/min、hfnc:40、mask、nrb、venturi、cpap、bipap、mv',
    en: 'oxygen device:flow — ra room air (say it: omitted = not recorded), nc:4 nasal cannula 4 L/min, hfnc:40, mask, nrb, venturi, cpap, bipap, mv',
  },
  apply: into(readOxygen, (draft, oxygen) => {
    draft.oxygen = oxygen.oxygen;
    if (oxygen.oxygenFlowLpm !== undefined) draft.oxygenFlowLpm = oxygen.oxygenFlowLpm;
  }),
});
export const FLOW = field({
  key: 'flow',
  aliases: ['lpm', '流量'],
  targets: ['oxygenFlowLpm'],
  example: 'flow=4',
  help: { zh: '吸氧流量 L/min(也可写成 o2=nc:4)', en: 'oxygen flow L/min (or o2=nc:4)' },
  apply: to(
    'oxygenFlowLpm',
    number(['', 'l', 'l/min', 'lpm'], { zh: '流量 L/min(如 4)', en: 'a flow in L/min (4)' }),
  ),
});
export const VASO = field({
  key: 'vaso',
  aliases: ['pressor', 'pressors', 'vasopressor', 'vasopressors', '升压药'],
  targets: ['vasopressors'],
  example: 'vaso=ne',
  help: {
    zh: '升压药名称:ne 去甲肾上腺素、epi、dopa、phenyl、vp,逗号分隔;未用写 none/无(省略=未记录)',
    en: 'vasopressors by name: ne (norepinephrine), epi, dopa, phenyl, vp, comma-separated; none if none (omitted = not recorded)',
  },
  apply: to('vasopressors', readVasopressors),
});
export const HYPOTENSION = field({
  key: 'hypotension',
  aliases: ['hypo', 'lowbp', '低血压'],
  flag: true,
  targets: ['hypotension'],
  example: 'hypotension',
  help: { zh: '床旁判断低血压(是/否)', en: 'hypotension judged at the bedside (yes/no)' },
  apply: to('hypotension', readFlag),
});
export const ORGAN = field({
  key: 'organ',
  aliases: ['organtox', 'organtoxicity', '器官毒性'],
  flag: true,
  targets: ['organToxicity'],
  example: 'organ',
  help: {
    zh: '器官毒性(不改变 CRS 分级,CRS-G4)',
    en: 'organ toxicity (never changes the CRS grade, CRS-G4)',
  },
  apply: to('organToxicity', readFlag),
});
export const TREATED = field({
  key: 'treated',
  aliases: ['after', 'anticytokine', '已治疗'],
  flag: true,
  targets: ['afterAnticytokineTherapy'],
  example: 'treated',
  help: {
    zh: '已用托珠单抗、糖皮质激素或退热药(发热不再是分级必要条件,CRS-G2)',
    en: 'after tocilizumab, corticosteroids or antipyretics (fever no longer required, CRS-G2)',
  },
  apply: to('afterAnticytokineTherapy', readFlag),
});

const at = (target: string): FieldSpec =>
  field({
    key: 'at',
    aliases: ['time', '时间'],
    targets: [target],
    example: 'at=-30m',
    help: {
      zh: '时间:now、-30m、-2h 或 ISO 时间(默认现在)',
      en: 'time: now, -30m, -2h or ISO date-time (default now)',
    },
    apply: to(target, (raw, context) => readInstant(raw, context.now)),
  });

export const WEIGHT = field({
  key: 'w',
  aliases: ['weight', 'wt', 'kg', '体重'],
  targets: ['weightKg'],
  example: 'w=70',
  help: { zh: '体重 kg(磅写单位:154lb)', en: 'weight kg (pounds with the unit: 154lb)' },
  apply: to('weightKg', readWeight),
});
export const HEIGHT = field({
  key: 'h',
  aliases: ['height', 'ht', 'cm', '身高'],
  targets: ['heightCm'],
  example: 'h=170',
  help: { zh: '身高 cm(米写单位:1.70m)', en: 'height cm (metres with the unit: 1.70m)' },
  apply: to('heightCm', readHeight),
});

// ------------------------------------------------------------------ neuro (ICE, ICANS-GRADE inputs)

export const ICE = field({
  key: 'ice',
  aliases: ['icescore', 'ICE'],
  targets: ['ice'],
  example: 'ice=4,3,1,1,1',
  help: {
    zh: 'ICE 五项:定向力 0–4,命名 0–3,执行指令 0–1,书写 0–1,注意力 0–1;无法评估写 na',
    en: 'ICE tasks: orientation 0–4, naming 0–3, commands 0–1, writing 0–1, attention 0–1; na if not assessable',
  },
  apply: to('ice', readIce),
});

const iceTask = (task: (typeof ICE_TASKS)[number], key: string, aliases: string[], max: number): FieldSpec =>
  field({
    key,
    aliases,
    targets: [`ice.${task}`],
    example: `${key}=${max}`,
    help: { zh: `ICE 单项(0–${max})`, en: `one ICE task (0–${max})` },
    apply: into(
      (raw) => readNumber(raw, [''], { zh: `0–${max} 分`, en: `0–${max} points` }),
      (draft, value) => {
        const ice = (draft.iceTasks ?? {}) as Record<string, number>;
        ice[task] = value;
        draft.iceTasks = ice;
      },
    ),
  });

export const ICE_TASK_FIELDS: readonly FieldSpec[] = [
  iceTask('orientation', 'orient', ['orientation', '定向力'], 4),
  iceTask('naming', 'naming', ['name', '命名'], 3),
  iceTask('followsCommands', 'commands', ['cmd', 'follows', '执行指令'], 1),
  iceTask('writing', 'writing', ['write', '书写'], 1),
  iceTask('attention', 'attention', ['attn', '注意力'], 1),
];

export const LOC = field({
  key: 'loc',
  aliases: ['consciousness', 'conscious', '意识'],
  targets: ['consciousness'],
  example: 'loc=voice',
  help: {
    zh: '意识水平:normal、spontaneous(自行唤醒)、voice(声音唤醒)、tactile(触觉唤醒)、unarousable',
    en: 'level of consciousness: normal, spontaneous, voice, tactile, unarousable',
  },
  apply: to('consciousness', (raw) =>
    readEnum(raw, CONSCIOUSNESS_LEVELS, CONSCIOUSNESS_ALIASES, {
      zh: 'normal、spontaneous、voice、tactile 或 unarousable',
      en: 'normal, spontaneous, voice, tactile or unarousable',
    }),
  ),
});
export const SEIZURE = field({
  key: 'seizure',
  aliases: ['sz', 'seizures', '癫痫'],
  targets: ['seizure'],
  example: 'seizure=brief',
  help: {
    zh: '癫痫:none、brief(迅速缓解)、prolonged(持续或反复)',
    en: 'seizure: none, brief (rapidly resolving), prolonged (prolonged or repetitive)',
  },
  apply: to('seizure', (raw) =>
    readEnum(raw, SEIZURES, SEIZURE_ALIASES, {
      zh: 'none、brief 或 prolonged',
      en: 'none, brief or prolonged',
    }),
  ),
});
export const WEAKNESS = field({
  key: 'weakness',
  aliases: ['motor', 'paresis', '肌无力'],
  flag: true,
  targets: ['deepFocalMotorWeakness'],
  example: 'weakness',
  help: { zh: '深部局灶性运动无力', en: 'deep focal motor weakness' },
  apply: to('deepFocalMotorWeakness', readFlag),
});
export const EDEMA = field({
  key: 'edema',
  aliases: ['oedema', 'cerebraledema', '脑水肿'],
  targets: ['cerebralEdema'],
  example: 'edema=focal',
  help: { zh: '脑水肿:none、focal、diffuse', en: 'cerebral edema: none, focal, diffuse' },
  apply: to('cerebralEdema', (raw) =>
    readEnum(raw, CEREBRAL_EDEMA, EDEMA_ALIASES, {
      zh: 'none、focal 或 diffuse',
      en: 'none, focal or diffuse',
    }),
  ),
});
export const MOVEMENT = field({
  key: 'movement',
  aliases: ['parkinsonism', 'mnt', '运动障碍'],
  flag: true,
  targets: ['movementDisorderSigns'],
  example: 'movement',
  help: { zh: '运动障碍(帕金森样)体征(ICANS-1)', en: 'movement-disorder (parkinsonism) signs (ICANS-1)' },
  apply: to('movementDisorderSigns', readFlag),
});
export const CONCURRENT_CRS = field({
  key: 'crs',
  aliases: ['crsgrade', 'CRS'],
  targets: ['concurrentCrsGrade'],
  example: 'crs=2',
  help: { zh: '同时存在的 CRS 分级 0–4', en: 'concurrent CRS grade 0–4' },
  apply: to('concurrentCrsGrade', (raw) =>
    readNumber(raw, [''], { zh: 'CRS 分级 0–4', en: 'a CRS grade 0–4' }),
  ),
});

// ------------------------------------------------------------------ episodes, doses, settings

const date = (key: string, aliases: string[], target: string, help: LocalizedText): FieldSpec =>
  field({
    key,
    aliases,
    targets: [target],
    example: `${key}=2026-03-01`,
    help,
    apply: to(target, (raw, context) => readDate(raw, context.today)),
  });

export const PRODUCT = field({
  key: 'product',
  aliases: ['prod', 'car', '产品'],
  targets: ['product'],
  example: 'product=KARMMA',
  help: {
    zh: 'CAR-T 产品(表2):KARMMA(ide-cel)、CARTITUDE_1(cilta-cel)、CT103A……或 OTHER',
    en: 'CAR-T product (T2): KARMMA (ide-cel), CARTITUDE_1 (cilta-cel), CT103A, … or OTHER',
  },
  // The product's enum is checked by the service; here only the spelling is normalised.
  apply: to('product', (raw) => ({ ok: true, value: normalizeProduct(raw) })),
});

/** `ide-cel`/`abecma` → KARMMA, `cilta-cel`/`carvykti` → CARTITUDE_1; other names as their enum spelling. */
export const normalizeProduct = (raw: string): string => {
  const word = raw
    .trim()
    .toUpperCase()
    .replace(/[\s-]+/g, '_');
  const commercial: Readonly<Record<string, string>> = {
    IDE_CEL: 'KARMMA',
    IDECEL: 'KARMMA',
    ABECMA: 'KARMMA',
    BB2121: 'KARMMA',
    CILTA_CEL: 'CARTITUDE_1',
    CILTACEL: 'CARTITUDE_1',
    CARVYKTI: 'CARTITUDE_1',
    CARTITUDE: 'CARTITUDE_1',
    CARTITUDE1: 'CARTITUDE_1',
  };
  return commercial[word] ?? word;
};

export const NEW_FIELDS: readonly FieldSpec[] = [
  WEIGHT,
  HEIGHT,
  PRODUCT,
  date('infusion', ['inf', 'd0', '回输'], 'infusionDate', {
    zh: 'CAR-T 回输日期(0 d)',
    en: 'CAR-T infusion date (day 0)',
  }),
  date('apheresis', ['aph', '采集'], 'apheresisDate', { zh: '单采日期', en: 'apheresis date' }),
  date('ldstart', ['ld_start', '预处理开始'], 'lymphodepletionStartDate', {
    zh: '预处理开始日期',
    en: 'lymphodepletion start date',
  }),
  date('ldend', ['ld_end', '预处理结束'], 'lymphodepletionEndDate', {
    zh: '预处理结束日期',
    en: 'lymphodepletion end date',
  }),
];

export const VITALS_FIELDS: readonly FieldSpec[] = [
  TEMP,
  SBP,
  DBP,
  BP,
  HR,
  RR,
  SPO2,
  O2,
  FLOW,
  VASO,
  HYPOTENSION,
  ORGAN,
  at('measuredAt'),
];

/** Quick CRS grading with no episode (contract CrsAssessmentInput). */
export const CRS_FIELDS: readonly FieldSpec[] = [
  TEMP,
  SBP,
  SPO2,
  O2,
  FLOW,
  VASO,
  HYPOTENSION,
  ORGAN,
  TREATED,
  WEIGHT,
];

export const NEURO_FIELDS: readonly FieldSpec[] = [
  ICE,
  ...ICE_TASK_FIELDS,
  LOC,
  SEIZURE,
  WEAKNESS,
  EDEMA,
  MOVEMENT,
  at('assessedAt'),
];

/** Quick ICANS grading with no episode (contract IcansAssessmentInput). */
export const ICANS_FIELDS: readonly FieldSpec[] = [
  ICE,
  ...ICE_TASK_FIELDS,
  LOC,
  SEIZURE,
  WEAKNESS,
  EDEMA,
  MOVEMENT,
  CONCURRENT_CRS,
  WEIGHT,
];

export const TOCI_FIELDS: readonly FieldSpec[] = [
  field({
    key: 'mg',
    aliases: ['dose', '剂量'],
    targets: ['mg'],
    example: 'mg=560',
    help: {
      zh: '实际给药剂量 mg(默认按体重计算的剂量)',
      en: 'dose given in mg (default: the dose for this weight)',
    },
    apply: to('mg', number(['', 'mg'], { zh: '剂量 mg(如 560)', en: 'a dose in mg (560)' })),
  }),
  at('givenAt'),
];

const DEATH_CAUSES = {
  crs: 'CRS',
  icans: 'ICANS',
  other: 'OTHER',
  细胞因子释放综合征: 'CRS',
  神经毒性: 'ICANS',
  其他: 'OTHER',
} as const;

/** EPI-5: a death with its attribution (`/cart death EP-1 cause=crs`). */
export const DEATH_FIELDS: readonly FieldSpec[] = [
  field({
    key: 'cause',
    aliases: ['attribution', 'due', '原因', '归因'],
    targets: ['attribution'],
    example: 'cause=crs',
    help: {
      zh: '死亡归因:crs(CRS 5级)、icans(ICANS 5级)、other(其他原因)',
      en: 'attribution: crs (CRS grade 5), icans (ICANS grade 5), other (another principal cause)',
    },
    apply: to('attribution', (raw) =>
      readEnum(raw, ['CRS', 'ICANS', 'OTHER'] as const, DEATH_CAUSES, {
        zh: 'crs、icans 或 other',
        en: 'crs, icans or other',
      }),
    ),
  }),
  at('diedAt'),
];

export const LD_FIELDS: readonly FieldSpec[] = [
  HEIGHT,
  WEIGHT,
  date('infusion', ['inf', 'd0', '回输'], 'infusionDate', {
    zh: '计划回输日期(0 d)',
    en: 'planned infusion date (day 0)',
  }),
];

const LANGUAGE_ALIASES: Readonly<Record<string, Language>> = {
  zh: 'zh-CN',
  'zh-cn': 'zh-CN',
  cn: 'zh-CN',
  chinese: 'zh-CN',
  中文: 'zh-CN',
  en: 'en',
  english: 'en',
  英文: 'en',
};

/** `zh`, `zh-CN`, `中文` → zh-CN; `en`, `english` → en. */
export const readLanguage = (raw: string): ReadResult<Language> => {
  const language = LANGUAGE_ALIASES[raw.trim().toLowerCase()];
  if (language) return { ok: true, value: language };
  const found = LANGUAGES.find((l) => l.toLowerCase() === raw.trim().toLowerCase());
  return found ? { ok: true, value: found } : { ok: false, expected: { zh: 'zh 或 en', en: 'zh or en' } };
};

/** A user group as typed or as Slack escapes a mention: `S0123`, `<!subteam^S0123|@oncall>`; `none` clears it. */
export const readUserGroup = (raw: string): ReadResult<string | null> => {
  const word = raw.trim();
  if (['none', 'no', '-'].includes(word.toLowerCase())) return { ok: true, value: null };
  const mention = /^<!subteam\^([A-Z0-9]+)(?:\|[^>]*)?>$/.exec(word);
  return { ok: true, value: mention?.[1] ?? word };
};

export const SETUP_FIELDS: readonly FieldSpec[] = [
  field({
    key: 'team',
    aliases: ['团队'],
    targets: ['team'],
    example: 'team=hem-a',
    help: { zh: '团队 id', en: 'team id' },
    apply: to('team', (raw) => ({ ok: true, value: raw.trim() })),
  }),
  field({
    key: 'oncall',
    aliases: ['group', 'usergroup', '值班组'],
    targets: ['oncallUserGroupId'],
    example: 'oncall=S0123ABCD',
    help: { zh: '危急警报 @ 的值班用户组(S…)', en: 'on-call user group mentioned on critical alerts (S…)' },
    apply: to('oncallUserGroupId', readUserGroup),
  }),
  field({
    key: 'lang',
    aliases: ['language', '语言'],
    targets: ['language'],
    example: 'lang=zh',
    help: { zh: '频道语言 zh 或 en', en: 'channel language zh or en' },
    apply: to('language', readLanguage),
  }),
  field({
    key: 'role',
    aliases: ['角色'],
    targets: ['role'],
    example: 'role=clinician',
    help: {
      zh: '频道成员的角色:clinician、nurse 或 viewer',
      en: "channel members' role: clinician, nurse or viewer",
    },
    apply: to('role', (raw) => ({ ok: true, value: raw.trim().toLowerCase() })),
  }),
];

/** The key a user typed for a validation error on an input field (e.g. `temperatureCelsius` → `temp`). */
export const keyForField = (fields: readonly FieldSpec[], field: string): string | undefined => {
  const path = field.replace(/^(input|values)\./, '');
  return (
    fields.find((spec) => spec.targets.includes(path))?.key ??
    fields.find((spec) => spec.targets.includes(path.split('.')[0] ?? ''))?.key
  );
};
