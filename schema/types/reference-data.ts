import {
  CAR_T_PRODUCTS,
  CELL_DOSE_UNITS,
  LYMPHODEPLETION_PRODUCTS,
  T1_STUDIES,
  T2_REGIMENS,
  cite,
  describeValue,
  localize,
  printedValue,
  referenceMessages,
  studiesOfProduct,
  type Language,
  type LocalizedText,
  type RegimenDrug,
  type ReportedValue,
  type StudiedDose,
  type Table1Study,
  type Table2Regimen,
} from '#rules';
import { builder } from '../builder.ts';
import { languageArg, requestLanguage } from './calculator-evaluation.ts';
import { CitationType } from './rule-output.ts';

/**
 * Read-only reference data of the consensus: the T1 studies (products and their outcomes) and the
 * T2 lymphodepletion regimens, transcribed exactly; "N/A"/"NR" stay "not reported", never zero.
 */

/** Contract enum LymphodepletionProduct: the T2 products. */
export const LymphodepletionProductEnum = builder.enumType('LymphodepletionProduct', {
  description:
    'A CAR-T product of the consensus table 2 (KARMMA = ide-cel, ABECMA; CARTITUDE_1 = cilta-cel).',
  values: LYMPHODEPLETION_PRODUCTS,
});

/** The T2 products, or OTHER for a product the consensus does not list. */
export const CarTProductEnum = builder.enumType('CarTProduct', {
  description: 'A CAR-T product of the consensus table 2, or OTHER for a product it does not list.',
  values: CAR_T_PRODUCTS,
});

const T1_CITATION = cite('T1');
const T2_CITATION = cite('§4 T2');

const ReportedValueKindEnum = builder.enumType('ReportedValueKind', {
  description: 'A number, not reported ("N/A", "NR") or not reached (a median not reached).',
  values: {
    VALUE: { value: 'value' },
    NOT_REPORTED: { value: 'not-reported' },
    NOT_REACHED: { value: 'not-reached' },
  } as const,
});

type Cell = { readonly cell: ReportedValue; readonly unit: LocalizedText; readonly language: Language };

/** A cell for a reader: the number with its unit, or "not reported"/"not reached" in words. */
const cellText = ({ cell, unit }: Cell): LocalizedText =>
  cell.kind === 'value'
    ? { zh: `${cell.value}${unit.zh}`, en: `${cell.value}${unit.en}` }
    : describeValue(cell);

const PERCENT: LocalizedText = { zh: '%', en: '%' };
const MONTHS: LocalizedText = { zh: '个月', en: ' months' };

const ReportedValueType = builder.objectRef<Cell>('ReportedValue').implement({
  description: 'A table cell as T1 prints it: a number, or "not reported"/"not reached" (never zero).',
  fields: (t) => ({
    kind: t.field({ type: ReportedValueKindEnum, resolve: (p) => p.cell.kind }),
    value: t.float({
      nullable: true,
      description: 'The number; null when not reported or not reached.',
      resolve: (p) => (p.cell.kind === 'value' ? p.cell.value : null),
    }),
    printed: t.string({
      description: 'As printed: the number, "N/A", "NR" or "未达到".',
      resolve: (p) => printedValue(p.cell),
    }),
    text: t.string({
      description: 'For a reader, in the requested language, e.g. "94%" or "not reported (N/A)".',
      resolve: (p) => localize(cellText(p), p.language),
    }),
    textZh: t.string({ resolve: (p) => cellText(p).zh }),
    textEn: t.string({ resolve: (p) => cellText(p).en }),
  }),
});

export const CellDoseUnitEnum = builder.enumType('CellDoseUnit', {
  description: 'A CAR-T cell dose in units of 10⁶ cells: per kg body weight or in total.',
  values: CELL_DOSE_UNITS,
});

const StudiedDoseType = builder.objectRef<StudiedDose>('StudiedDose').implement({
  description: 'A CAR-T cell dose as T1 prints it, with the range in units of 10⁶ cells.',
  fields: (t) => ({
    printed: t.exposeString('printed', { description: 'As printed, e.g. "(0.3~9)×10⁶/kg".' }),
    min: t.exposeFloat('min'),
    max: t.exposeFloat('max'),
    unit: t.field({ type: CellDoseUnitEnum, resolve: (p) => p.unit }),
  }),
});

type Study = { readonly study: Table1Study; readonly language: Language };

/** The T1 columns that hold a reported value. */
type ReportedColumn = {
  [K in keyof Table1Study]: Table1Study[K] extends ReportedValue ? K : never;
}[keyof Table1Study];

const cellOf =
  (column: ReportedColumn, unit: LocalizedText) =>
  (p: Study): Cell => ({
    cell: p.study[column],
    unit,
    language: p.language,
  });

const ReferenceStudyType = builder.objectRef<Study>('ReferenceStudy').implement({
  description: 'One BCMA CAR-T study of the consensus table 1.',
  fields: (t) => ({
    id: t.string({ description: 'Stable identifier, e.g. "brudno-2018".', resolve: (p) => p.study.id }),
    author: t.string({ description: 'First author as printed.', resolve: (p) => p.study.author }),
    reference: t.int({ description: "The consensus' reference number.", resolve: (p) => p.study.reference }),
    year: t.int({ resolve: (p) => p.study.year }),
    registryIds: t.stringList({ resolve: (p) => p.study.registryIds }),
    n: t.int({ description: 'Number of patients.', resolve: (p) => p.study.n }),
    product: t.string({ description: 'Product name as printed.', resolve: (p) => p.study.product }),
    productId: t.field({
      type: LymphodepletionProductEnum,
      nullable: true,
      description: 'The product of table 2 this study belongs to; null when table 2 does not list it.',
      resolve: (p) => p.study.productId,
    }),
    costimulatoryDomain: t.string({
      description: 'CD28 or 4-1BB.',
      resolve: (p) => p.study.costimulatoryDomain,
    }),
    dose: t.field({ type: StudiedDoseType, resolve: (p) => p.study.dose }),
    crsPercent: t.field({ type: ReportedValueType, resolve: cellOf('crsPercent', PERCENT) }),
    crsGrade3PlusPercent: t.field({
      type: ReportedValueType,
      resolve: cellOf('crsGrade3PlusPercent', PERCENT),
    }),
    neurotoxicityPercent: t.field({ type: ReportedValueType, resolve: cellOf('ntxPercent', PERCENT) }),
    neurotoxicityGrade3PlusPercent: t.field({
      type: ReportedValueType,
      resolve: cellOf('ntxGrade3PlusPercent', PERCENT),
    }),
    orrPercent: t.field({ type: ReportedValueType, resolve: cellOf('orrPercent', PERCENT) }),
    scrCrPercent: t.field({ type: ReportedValueType, resolve: cellOf('scrCrPercent', PERCENT) }),
    medianEfsMonths: t.field({ type: ReportedValueType, resolve: cellOf('medianEfsMonths', MONTHS) }),
    medianPfsMonths: t.field({ type: ReportedValueType, resolve: cellOf('medianPfsMonths', MONTHS) }),
    citation: t.field({ type: CitationType, resolve: () => T1_CITATION }),
  }),
});

const RegimenDoseBasisEnum = builder.enumType('RegimenDoseBasis', {
  description: 'A lymphodepletion dose per m² of body-surface area or per kg body weight.',
  values: { PER_M2: { value: 'm2' }, PER_KG: { value: 'kg' } } as const,
});

const RegimenDrugType = builder.objectRef<RegimenDrug>('RegimenDrug').implement({
  description: 'One drug of a table 2 regimen.',
  fields: (t) => ({
    dose: t.exposeFloat('dose', { description: 'mg per m² or per kg.' }),
    per: t.field({ type: RegimenDoseBasisEnum, resolve: (p) => p.per }),
    days: t.exposeIntList('days', {
      description: 'Days relative to CAR-T infusion (day 0), e.g. [-5, -4, -3].',
    }),
    printed: t.exposeString('printed', { description: 'The cell as printed, e.g. "30 mg/m², -5~-3 d".' }),
  }),
});

type Regimen = { readonly regimen: Table2Regimen; readonly language: Language };

export const LymphodepletionRegimenType = builder.objectRef<Regimen>('LymphodepletionRegimen').implement({
  description: 'One lymphodepletion regimen of the consensus table 2.',
  fields: (t) => ({
    product: t.field({ type: LymphodepletionProductEnum, resolve: (p) => p.regimen.product }),
    name: t.string({
      description: 'The product name in the requested language.',
      resolve: (p) => localize(referenceMessages.productName(p.regimen.product), p.language),
    }),
    printedName: t.string({
      description: 'Product name as printed in table 2.',
      resolve: (p) => p.regimen.printedName,
    }),
    reference: t.int({
      description: "The consensus' reference number.",
      resolve: (p) => p.regimen.reference,
    }),
    year: t.int({ resolve: (p) => p.regimen.year }),
    registryId: t.string({ resolve: (p) => p.regimen.registryId }),
    fludarabine: t.field({
      type: RegimenDrugType,
      nullable: true,
      description: 'null where table 2 prints "无" (none).',
      resolve: (p) => p.regimen.fludarabine,
    }),
    cyclophosphamide: t.field({ type: RegimenDrugType, resolve: (p) => p.regimen.cyclophosphamide }),
    citation: t.field({ type: CitationType, resolve: () => T2_CITATION }),
  }),
});

builder.queryFields((t) => ({
  referenceStudies: t.field({
    type: [ReferenceStudyType],
    description: `${referenceMessages.t1Summary.en}. Optionally only the studies of one product. No login needed.`,
    args: {
      product: t.arg({ type: LymphodepletionProductEnum, required: false }),
      language: languageArg(t),
    },
    resolve: (_root, args, context) => {
      const language = requestLanguage(args, context);
      const studies = args.product ? studiesOfProduct(args.product) : T1_STUDIES;
      return studies.map((study) => ({ study, language }));
    },
  }),
  lymphodepletionRegimens: t.field({
    type: [LymphodepletionRegimenType],
    description: `${referenceMessages.t2Summary.en}. No login needed.`,
    args: { language: languageArg(t) },
    resolve: (_root, args, context) => {
      const language = requestLanguage(args, context);
      return T2_REGIMENS.map((regimen) => ({ regimen, language }));
    },
  }),
}));
