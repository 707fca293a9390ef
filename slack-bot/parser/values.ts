import {
  addDays,
  CEREBRAL_EDEMA,
  CONSCIOUSNESS_LEVELS,
  OXYGEN_SUPPORTS,
  SEIZURES,
  VASOPRESSORS,
  type LocalizedText,
  type OxygenSupport,
  type Vasopressor,
} from '#rules';
import { closest } from './suggest.ts';

/**
 * Value readers of the `key=value` grammar: units where they are ambiguous (°C/°F, kg/lb, cm/m),
 * oxygen as device plus flow, vasopressors by name, yes/no flags, times and dates. A reader never
 * guesses: a value it cannot read unambiguously is refused with what it expected. Ranges are not
 * checked here; the episode service and the rules check them (one source of the allowed ranges).
 */
export type ReadResult<T> =
  | { readonly ok: true; readonly value: T }
  | {
      readonly ok: false;
      readonly expected: LocalizedText;
      readonly suggestion?: string;
      readonly ambiguous?: boolean;
    };

const ok = <T>(value: T): ReadResult<T> => ({ ok: true, value });
const fail = <T>(
  expected: LocalizedText,
  extra: { suggestion?: string; ambiguous?: boolean } = {},
): ReadResult<T> => ({
  ok: false,
  expected,
  ...(extra.suggestion ? { suggestion: extra.suggestion } : {}),
  ...(extra.ambiguous ? { ambiguous: true } : {}),
});

/** Rounded to 0.1 (converted units: the precision of the bedside reading). */
export const round1 = (n: number): number => Math.round(n * 10) / 10;

const NUMBER_WITH_UNIT = /^([-+]?\d+(?:\.\d+)?)\s*([^\d\s.+-].*)?$/;

/** A number with an optional unit suffix (lower-cased, spaces removed). */
export const splitUnit = (raw: string): { readonly n: number; readonly unit: string } | undefined => {
  const match = NUMBER_WITH_UNIT.exec(raw.trim());
  if (!match?.[1]) return undefined;
  return { n: Number(match[1]), unit: (match[2] ?? '').toLowerCase().replace(/\s+/g, '') };
};

/** A number in one of the given units (the empty unit: no suffix). */
export const readNumber = (
  raw: string,
  units: readonly string[],
  expected: LocalizedText,
): ReadResult<number> => {
  const parsed = splitUnit(raw);
  if (!parsed || !units.includes(parsed.unit)) return fail(expected);
  return ok(parsed.n);
};

const CELSIUS = ['c', '°c', '℃', 'degc'];
const FAHRENHEIT = ['f', '°f', '℉', 'degf'];
/** Bare numbers in this range are body temperatures in °F, never in °C: refused, not converted. */
const FAHRENHEIT_LIKE = { min: 77, max: 113 };

/**
 * Temperature in °C. `38.9`, `38.9C`, `101.2F` (converted, rounded to 0.1 °C: 100.4 °F = 38.0 °C).
 * A bare number that can only be °F (77–113) is refused: the unit must be written.
 */
export const readTemperature = (raw: string): ReadResult<number> => {
  const expected = {
    zh: '摄氏度数值(如 38.9 或 38.9C),华氏度请写单位(如 101.2F)',
    en: 'a temperature in °C (38.9 or 38.9C), or in °F with its unit (101.2F)',
  };
  const parsed = splitUnit(raw);
  if (!parsed) return fail(expected);
  if (CELSIUS.includes(parsed.unit)) return ok(parsed.n);
  if (FAHRENHEIT.includes(parsed.unit)) return ok(round1(((parsed.n - 32) * 5) / 9));
  if (parsed.unit !== '') return fail(expected);
  if (parsed.n >= FAHRENHEIT_LIKE.min && parsed.n <= FAHRENHEIT_LIKE.max) {
    return fail(
      {
        zh: `${parsed.n} 像是华氏度;请写 ${parsed.n}F,或给出摄氏度`,
        en: `${parsed.n} looks like °F; write ${parsed.n}F, or give the value in °C`,
      },
      { ambiguous: true },
    );
  }
  return ok(parsed.n);
};

/** Body weight in kg: `70`, `70kg`, `154lb` (converted, 0.1 kg). */
export const readWeight = (raw: string): ReadResult<number> => {
  const parsed = splitUnit(raw);
  const expected = { zh: '体重(kg,如 70 或 154lb)', en: 'a weight in kg (70, or 154lb)' };
  if (!parsed) return fail(expected);
  if (['', 'kg', 'kgs'].includes(parsed.unit)) return ok(parsed.n);
  if (['lb', 'lbs'].includes(parsed.unit)) return ok(round1(parsed.n * 0.45359237));
  return fail(expected);
};

/** Height in cm: `170`, `170cm`, `1.70m`. A bare number under 3 is refused (metres or an error?). */
export const readHeight = (raw: string): ReadResult<number> => {
  const parsed = splitUnit(raw);
  const expected = { zh: '身高(cm,如 170 或 1.70m)', en: 'a height in cm (170, or 1.70m)' };
  if (!parsed) return fail(expected);
  if (parsed.unit === 'cm') return ok(parsed.n);
  if (parsed.unit === 'm') return ok(round1(parsed.n * 100));
  if (parsed.unit !== '') return fail(expected);
  if (parsed.n < 3)
    return fail(
      {
        zh: `${parsed.n} 像是米;请写 ${parsed.n}m 或厘米数`,
        en: `${parsed.n} looks like metres; write ${parsed.n}m, or the height in cm`,
      },
      { ambiguous: true },
    );
  return ok(parsed.n);
};

/** Blood pressure `84/50` (systolic/diastolic, mmHg). */
export const readBloodPressure = (raw: string): ReadResult<{ systolic: number; diastolic: number }> => {
  const match = /^(\d{1,3})\s*\/\s*(\d{1,3})(?:mmhg)?$/i.exec(raw.trim());
  if (!match?.[1] || !match[2])
    return fail({
      zh: '收缩压/舒张压(如 84/50),或用 sbp=84',
      en: 'systolic/diastolic such as 84/50, or sbp=84',
    });
  return ok({ systolic: Number(match[1]), diastolic: Number(match[2]) });
};

/** An alias table: lower-case alias → value. Canonical enum names (any case) always work too. */
export type Aliases<T extends string> = Readonly<Record<string, T>>;

const normalizeWord = (raw: string): string =>
  raw
    .trim()
    .toLowerCase()
    .replace(/[\s-]+/g, '_');

/** One value of an enum, by alias or by its own name; an unknown word gets the nearest alias. */
export const readEnum = <T extends string>(
  raw: string,
  values: readonly T[],
  aliases: Aliases<T>,
  expected: LocalizedText,
): ReadResult<T> => {
  const word = normalizeWord(raw);
  const byName = values.find((value) => value.toLowerCase() === word);
  if (byName) return ok(byName);
  const byAlias = aliases[word] ?? aliases[raw.trim().toLowerCase()];
  if (byAlias) return ok(byAlias);
  const candidates = [
    ...Object.keys(aliases).map((alias) => ({ alias, canonical: alias })),
    ...values.map((value) => ({ alias: value.toLowerCase(), canonical: value })),
  ];
  const suggestion = closest(word, candidates);
  return fail(expected, suggestion ? { suggestion } : {});
};

export const OXYGEN_DEVICES: Aliases<OxygenSupport> = {
  ra: 'ROOM_AIR',
  room: 'ROOM_AIR',
  air: 'ROOM_AIR',
  roomair: 'ROOM_AIR',
  none: 'ROOM_AIR',
  未吸氧: 'ROOM_AIR',
  空气: 'ROOM_AIR',
  鼻导管未吸氧: 'ROOM_AIR',
  nc: 'NASAL_CANNULA',
  cannula: 'NASAL_CANNULA',
  nasal: 'NASAL_CANNULA',
  鼻导管: 'NASAL_CANNULA',
  hfnc: 'HIGH_FLOW_NASAL_CANNULA',
  hf: 'HIGH_FLOW_NASAL_CANNULA',
  highflow: 'HIGH_FLOW_NASAL_CANNULA',
  高流量: 'HIGH_FLOW_NASAL_CANNULA',
  blowby: 'BLOW_BY',
  bb: 'BLOW_BY',
  mask: 'FACEMASK',
  fm: 'FACEMASK',
  facemask: 'FACEMASK',
  面罩: 'FACEMASK',
  nrb: 'NON_REBREATHER_MASK',
  nrm: 'NON_REBREATHER_MASK',
  nonrebreather: 'NON_REBREATHER_MASK',
  储氧面罩: 'NON_REBREATHER_MASK',
  venturi: 'VENTURI_MASK',
  vm: 'VENTURI_MASK',
  文丘里: 'VENTURI_MASK',
  cpap: 'CPAP',
  bipap: 'BIPAP',
  niv: 'BIPAP',
  无创: 'BIPAP',
  mv: 'MECHANICAL_VENTILATION',
  vent: 'MECHANICAL_VENTILATION',
  ventilator: 'MECHANICAL_VENTILATION',
  intubated: 'MECHANICAL_VENTILATION',
  机械通气: 'MECHANICAL_VENTILATION',
};

const FLOW_UNITS = ['', 'l', 'l/min', 'lpm', 'l/m'];

/**
 * Oxygen as device plus flow: `nc:4` (nasal cannula 4 L/min), `hfnc:40`, `ra`, `mask`. The flow is
 * what grades a nasal cannula (CRS-GRADE: ≤ 6 L/min low flow); room air has none.
 */
export const readOxygen = (
  raw: string,
): ReadResult<{ readonly oxygen: OxygenSupport; readonly oxygenFlowLpm?: number }> => {
  const expected = {
    zh: '吸氧方式[:流量],如 nc:4(鼻导管 4 L/min)、hfnc:40、mask、ra(未吸氧)',
    en: 'a device[:flow] such as nc:4 (nasal cannula 4 L/min), hfnc:40, mask, ra (room air)',
  };
  const [deviceWord = '', flowWord, ...rest] = raw.trim().split(/[:@：]/);
  if (rest.length > 0 || deviceWord === '') return fail(expected);
  if (/^\d/.test(deviceWord))
    return fail({
      zh: `需要吸氧方式,如 nc:${deviceWord}`,
      en: `a device with the flow, e.g. nc:${deviceWord}`,
    });
  const device = readEnum(deviceWord, OXYGEN_SUPPORTS, OXYGEN_DEVICES, expected);
  if (!device.ok) return device;
  if (flowWord === undefined) return ok({ oxygen: device.value });
  if (device.value === 'ROOM_AIR')
    return fail({ zh: '未吸氧(ra)不带流量', en: 'room air (ra) without a flow' });
  const flow = readNumber(flowWord, FLOW_UNITS, {
    zh: '流量(L/min),如 nc:4',
    en: 'a flow in L/min, e.g. nc:4',
  });
  if (!flow.ok) return flow;
  return ok({ oxygen: device.value, oxygenFlowLpm: flow.value });
};

export const VASOPRESSOR_NAMES: Aliases<Vasopressor> = {
  ne: 'NOREPINEPHRINE',
  norepi: 'NOREPINEPHRINE',
  noradrenaline: 'NOREPINEPHRINE',
  levophed: 'NOREPINEPHRINE',
  去甲肾上腺素: 'NOREPINEPHRINE',
  去甲: 'NOREPINEPHRINE',
  epi: 'EPINEPHRINE',
  adrenaline: 'EPINEPHRINE',
  肾上腺素: 'EPINEPHRINE',
  dopa: 'DOPAMINE',
  多巴胺: 'DOPAMINE',
  phenyl: 'PHENYLEPHRINE',
  neo: 'PHENYLEPHRINE',
  去氧肾上腺素: 'PHENYLEPHRINE',
  vp: 'VASOPRESSIN',
  avp: 'VASOPRESSIN',
  血管加压素: 'VASOPRESSIN',
};

/** Vasopressors by name, comma-separated: `ne`, `norepi,vp`; `none` for none. Doses are not taken. */
/** Words that record "no vasopressor" (vaso=none). */
export const NO_VASOPRESSOR_WORDS = ['none', 'no', '0', '无', '未用', '没有', '停用', '不用'];

export const readVasopressors = (raw: string): ReadResult<Vasopressor[]> => {
  const expected = {
    zh: '升压药名称,逗号分隔,如 ne(去甲肾上腺素)、epi、dopa、phenyl、vp;无则写 none',
    en: 'vasopressor names, comma-separated: ne (norepinephrine), epi, dopa, phenyl, vp; none for none',
  };
  const words = raw
    .split(/[,，+]/)
    .map((w) => w.trim())
    .filter((w) => w !== '');
  // EPI-2: "no vasopressor" is said, never assumed.
  if (words.length === 1 && NO_VASOPRESSOR_WORDS.includes(words[0]?.toLowerCase() ?? '')) return ok([]);
  if (words.length === 0) return fail(expected);
  const names: Vasopressor[] = [];
  for (const word of words) {
    if (/[:@]/.test(word))
      return fail({
        zh: '只记录升压药名称,不记录剂量(如 vaso=ne)',
        en: 'names only; doses are not recorded here (e.g. vaso=ne)',
      });
    const name = readEnum(word, VASOPRESSORS, VASOPRESSOR_NAMES, expected);
    if (!name.ok) return name;
    if (!names.includes(name.value)) names.push(name.value);
  }
  return ok(names);
};

const YES = ['', 'y', 'yes', 'true', '1', 'on', '是', '有'];
const NO = ['n', 'no', 'false', '0', 'off', '否', '无'];

/** A yes/no finding: a bare key means yes (`hypotension`), `hypotension=no` means no. */
export const readFlag = (raw: string): ReadResult<boolean> => {
  const word = raw.trim().toLowerCase();
  if (YES.includes(word)) return ok(true);
  if (NO.includes(word)) return ok(false);
  return fail({ zh: 'yes 或 no', en: 'yes or no' });
};

const RELATIVE_TIME = /^-(\d+(?:\.\d+)?)(m|min|h)$/i;
const ISO_WITH_OFFSET = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:\d{2})$/;

/** When it was measured or given: `now`, a time ago (`-30m`, `-2h`) or an ISO date-time with offset. */
export const readInstant = (raw: string, now: Date): ReadResult<string> => {
  const word = raw.trim();
  if (word.toLowerCase() === 'now') return ok(now.toISOString());
  const relative = RELATIVE_TIME.exec(word);
  if (relative?.[1] && relative[2]) {
    const minutes = Number(relative[1]) * (relative[2].toLowerCase() === 'h' ? 60 : 1);
    return ok(new Date(now.getTime() - minutes * 60_000).toISOString());
  }
  if (ISO_WITH_OFFSET.test(word)) return ok(withSeconds(word));
  return fail({
    zh: '时间:now、多久以前(-30m、-2h)或带时区的 ISO 时间(2026-03-03T02:00+08:00)',
    en: 'a time: now, a time ago (-30m, -2h) or an ISO date-time with offset (2026-03-03T02:00+08:00)',
  });
};

/** `2026-03-03T02:00+08:00` → `2026-03-03T02:00:00+08:00` (the service's ISO format wants seconds). */
const withSeconds = (iso: string): string => iso.replace(/T(\d{2}:\d{2})(?=Z|[+-])/, 'T$1:00');

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const RELATIVE_DATE = /^([+-]\d{1,3})d$/i;

/** A calendar date: `2026-03-01`, `today`, `-2d` / `+3d` (days from today in the hospital's calendar). */
export const readDate = (raw: string, today: string): ReadResult<string> => {
  const word = raw.trim().toLowerCase();
  if (word === 'today') return ok(today);
  const relative = RELATIVE_DATE.exec(word);
  if (relative?.[1]) return ok(addDays(today, Number(relative[1])));
  if (ISO_DATE.test(word)) return ok(word);
  return fail({
    zh: '日期:YYYY-MM-DD、today 或相对天数(-2d、+3d)',
    en: 'a date: YYYY-MM-DD, today, or days from today (-2d, +3d)',
  });
};

export const ICE_TASKS = ['orientation', 'naming', 'followsCommands', 'writing', 'attention'] as const;
export type IceTask = (typeof ICE_TASKS)[number];

/**
 * The ICE score as its five task scores, in the ASTCT order orientation (0–4), naming (0–3),
 * following commands (0–1), writing (0–1), attention (0–1): `ice=4,3,1,1,1`; `ice=na` when the
 * patient cannot be assessed. A total alone is refused: the tasks are what is recorded.
 */
export const readIce = (raw: string): ReadResult<Record<IceTask, number> | null> => {
  const word = raw.trim().toLowerCase();
  if (['na', 'n/a', 'none', 'unable', 'unassessable', '无法评估'].includes(word)) return ok(null);
  const parts = word.split(/[,/，]/).map((p) => p.trim());
  const expected = {
    zh: 'ICE 五项得分:定向力,命名,执行指令,书写,注意力(如 4,3,1,1,1);无法评估写 na',
    en: 'the five ICE task scores orientation,naming,commands,writing,attention (e.g. 4,3,1,1,1); na when not assessable',
  };
  if (parts.length !== 5 || parts.some((p) => !/^\d+$/.test(p))) return fail(expected);
  const [orientation, naming, followsCommands, writing, attention] = parts.map(Number) as [
    number,
    number,
    number,
    number,
    number,
  ];
  return ok({ orientation, naming, followsCommands, writing, attention });
};

export const CONSCIOUSNESS_ALIASES: Aliases<(typeof CONSCIOUSNESS_LEVELS)[number]> = {
  alert: 'NORMAL',
  awake: 'NORMAL',
  清醒: 'NORMAL',
  spontaneous: 'AWAKENS_SPONTANEOUSLY',
  spont: 'AWAKENS_SPONTANEOUSLY',
  drowsy: 'AWAKENS_SPONTANEOUSLY',
  voice: 'AWAKENS_TO_VOICE',
  verbal: 'AWAKENS_TO_VOICE',
  声音: 'AWAKENS_TO_VOICE',
  tactile: 'AWAKENS_TO_TACTILE',
  touch: 'AWAKENS_TO_TACTILE',
  pain: 'AWAKENS_TO_TACTILE',
  触觉: 'AWAKENS_TO_TACTILE',
  unarousable: 'UNAROUSABLE',
  coma: 'UNAROUSABLE',
  昏迷: 'UNAROUSABLE',
};

export const SEIZURE_ALIASES: Aliases<(typeof SEIZURES)[number]> = {
  no: 'NONE',
  无: 'NONE',
  brief: 'RAPIDLY_RESOLVING',
  rapid: 'RAPIDLY_RESOLVING',
  resolving: 'RAPIDLY_RESOLVING',
  focal: 'RAPIDLY_RESOLVING',
  prolonged: 'PROLONGED_OR_REPETITIVE',
  repetitive: 'PROLONGED_OR_REPETITIVE',
  status: 'PROLONGED_OR_REPETITIVE',
  持续: 'PROLONGED_OR_REPETITIVE',
};

export const EDEMA_ALIASES: Aliases<(typeof CEREBRAL_EDEMA)[number]> = {
  no: 'NONE',
  无: 'NONE',
  局灶: 'FOCAL',
  弥漫: 'DIFFUSE',
};
