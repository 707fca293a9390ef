import {
  LANGUAGES,
  localize,
  type Citation,
  type Dose,
  type Driver,
  type Language,
  type LocalizedText,
  type Note,
  type Recommendation,
} from '#rules';
import { builder } from '../builder.ts';
import type { GraphQLContext } from '../context.ts';

/**
 * The parts every rule output shares, in GraphQL: recommendations (with their rule id, dose and
 * citation), notes, citations, drivers. Text follows the request's language: the operation's
 * `language` argument, else Accept-Language; both languages are always available too.
 */
export type Localized<T> = { readonly value: T; readonly language: Language };
export const localized = <T>(values: readonly T[], language: Language): Localized<T>[] =>
  values.map((value) => ({ value, language }));

export const LanguageEnum = builder.enumType('Language', {
  description: 'Language of `text` fields.',
  values: {
    ZH_CN: { value: LANGUAGES[0], description: '简体中文' },
    EN: { value: LANGUAGES[1], description: 'English' },
  } as const,
});

export const languageOf = (
  args: { readonly language?: Language | null },
  context: GraphQLContext,
): Language => args.language ?? context.language;

export const CitationType = builder.objectRef<Citation>('Citation').implement({
  description: 'Where a rule comes from, e.g. section "§7.1 T4" of source "cn-mm-cart-2022".',
  fields: (t) => ({ section: t.exposeString('section'), source: t.exposeString('source') }),
});

export const textFields = <T>(get: (value: T) => LocalizedText) => ({
  text: (parent: Localized<T>) => localize(get(parent.value), parent.language),
  zh: (parent: Localized<T>) => get(parent.value).zh,
  en: (parent: Localized<T>) => get(parent.value).en,
});

export const DoseType = builder.objectRef<Localized<Dose>>('Dose').implement({
  description: 'A dose computed for this patient.',
  fields: (t) => {
    const schedule = textFields<Dose>((d) => d.schedule);
    const basis = textFields<Dose>((d) => d.basis);
    return {
      drug: t.string({ resolve: (p) => p.value.drug }),
      mg: t.float({ description: 'Milligrams for this patient.', resolve: (p) => p.value.mg }),
      route: t.string({ description: 'IV, PO or SC.', resolve: (p) => p.value.route }),
      schedule: t.string({
        description: 'e.g. "every 6 h", in the requested language.',
        resolve: schedule.text,
      }),
      basis: t.string({
        description: 'The arithmetic, e.g. "8 mg/kg × 70 kg = 560 mg (cap 800 mg)".',
        resolve: basis.text,
      }),
      basisZh: t.string({ resolve: basis.zh }),
      basisEn: t.string({ resolve: basis.en }),
    };
  },
});

export const RecommendationType = builder.objectRef<Localized<Recommendation>>('Recommendation').implement({
  description: 'One thing to do, with the rule it comes from.',
  fields: (t) => {
    const text = textFields<Recommendation>((r) => r.text);
    return {
      ruleId: t.string({ description: 'e.g. "CRS-T4-3", "TOCI-1".', resolve: (p) => p.value.ruleId }),
      text: t.string({ description: 'In the requested language.', resolve: text.text }),
      textZh: t.string({ resolve: text.zh }),
      textEn: t.string({ resolve: text.en }),
      dose: t.field({
        type: DoseType,
        nullable: true,
        description: 'The dose in mg for this patient, where a dose applies.',
        resolve: (p) => (p.value.dose ? { value: p.value.dose, language: p.language } : null),
      }),
      citation: t.field({ type: CitationType, resolve: (p) => p.value.citation }),
    };
  },
});

export const NoteType = builder.objectRef<Localized<Note>>('Note').implement({
  description:
    'Information beside the outcome, e.g. where the consensus prints another value than the one used.',
  fields: (t) => {
    const text = textFields<Note>((n) => n.text);
    return {
      ruleId: t.string({ resolve: (p) => p.value.ruleId }),
      text: t.string({ resolve: text.text }),
      textZh: t.string({ resolve: text.zh }),
      textEn: t.string({ resolve: text.en }),
    };
  },
});

export const DriverType = builder.objectRef<Localized<Driver>>('Driver').implement({
  description: 'A finding that set or influenced the outcome.',
  fields: (t) => {
    const text = textFields<Driver>((d) => d.text);
    return {
      code: t.string({
        description: 'Stable code, e.g. "fever", "hypotension".',
        resolve: (p) => p.value.code,
      }),
      ruleId: t.string({ resolve: (p) => p.value.ruleId }),
      text: t.string({ resolve: text.text }),
      textZh: t.string({ resolve: text.zh }),
      textEn: t.string({ resolve: text.en }),
    };
  },
});

/** Drivers as the contract's [String!]! in the requested language. */
export const driverTexts = (drivers: readonly Driver[], language: Language): string[] =>
  drivers.map((d) => localize(d.text, language));
