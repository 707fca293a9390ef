import type { GradingRecord } from '#episodes';
import { builder } from '../builder.ts';
import { CrsSuspicionWindowEnum } from './calculator-crs-suspicion.ts';
import { TocilizumabStatusEnum } from './calculator-tocilizumab.ts';
import { TocilizumabLimitScopeEnum, TOCILIZUMAB_LIMIT_SCOPES } from './episode-state-enums.ts';
import { DeathAttributionEnum } from './observation-death.ts';
import { OxygenSupportEnum, VasopressorEnum } from './observation-enums.ts';

/**
 * What the rules were given for a grading (its audit trail), typed per grading kind instead of a
 * JSON string. Each member is read from the stored inputs by its shape; inputs stored in a shape
 * this version does not know (an older ruleset) are answered as they were stored
 * (RecordedGradingInputs), never reinterpreted.
 */
type Obj = Readonly<Record<string, unknown>>;
type Wrapped<N extends string> = { readonly typename: N; readonly value: Obj };

const isObject = (value: unknown): value is Obj =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
const num = (value: Obj, key: string): number | null => {
  const found = value[key];
  return typeof found === 'number' ? found : null;
};
const str = (value: Obj, key: string): string | null => {
  const found = value[key];
  return typeof found === 'string' ? found : null;
};

const OxygenValueType = builder.objectRef<Obj>('GradingOxygenInput').implement({
  description: 'Oxygen support as graded.',
  fields: (t) => ({
    support: t.field({ type: OxygenSupportEnum, resolve: (o) => o.support as never }),
    flowLpm: t.float({ nullable: true, resolve: (o) => num(o, 'flowLpm') }),
  }),
});

const CrsInputsType = builder.objectRef<Wrapped<'CrsGradingInputs'>>('CrsGradingInputs').implement({
  description:
    'CRS grade (CRS-GRADE, EPI-2): the findings of the vital signs graded, own or carried from earlier records; null = not known.',
  fields: (t) => ({
    at: t.field({ type: 'DateTime', resolve: (w) => String(w.value.at) }),
    recordId: t.id({ resolve: (w) => String(w.value.recordId) }),
    feverCelsius: t.float({
      nullable: true,
      description: 'The fever used (EPI-2: highest of the open CRS episode in the last 24 h).',
      resolve: (w) => num(w.value, 'feverCelsius'),
    }),
    temperatureCelsius: t.float({ nullable: true, resolve: (w) => num(w.value, 'temperatureCelsius') }),
    systolicBp: t.float({ nullable: true, resolve: (w) => num(w.value, 'systolicBp') }),
    hypotension: t.boolean({ resolve: (w) => w.value.hypotensionFlag === true }),
    vasopressors: t.field({
      type: [VasopressorEnum],
      nullable: true,
      resolve: (w) => (Array.isArray(w.value.vasopressors) ? (w.value.vasopressors as never[]) : null),
    }),
    oxygen: t.field({
      type: OxygenValueType,
      nullable: true,
      resolve: (w) => (isObject(w.value.oxygen) ? w.value.oxygen : null),
    }),
    spo2Percent: t.float({ nullable: true, resolve: (w) => num(w.value, 'spo2Percent') }),
  }),
});

const ConcurrentCrsType = builder.objectRef<Obj>('GradingConcurrentCrs').implement({
  description: 'The CRS grade at the time (EPI-3).',
  fields: (t) => ({
    grade: t.int({ nullable: true, resolve: (c) => num(c, 'grade') }),
    at: t.field({ type: 'DateTime', resolve: (c) => String(c.at) }),
    recordId: t.id({ resolve: (c) => String(c.recordId) }),
  }),
});

const IcansInputsType = builder.objectRef<Wrapped<'IcansGradingInputs'>>('IcansGradingInputs').implement({
  description:
    'ICANS grade: the concurrent CRS it used (EPI-3); the assessment itself is the based-on record.',
  fields: (t) => ({
    concurrentCrs: t.field({
      type: ConcurrentCrsType,
      nullable: true,
      resolve: (w) => (isObject(w.value.concurrentCrs) ? w.value.concurrentCrs : null),
    }),
  }),
});

const DeathInputsType = builder.objectRef<Wrapped<'DeathGradingInputs'>>('DeathGradingInputs').implement({
  description: 'Grade 5 from a death attributed to CRS or ICANS (EPI-5).',
  fields: (t) => ({
    attribution: t.field({ type: DeathAttributionEnum, resolve: (w) => w.value.attribution as never }),
  }),
});

const TocilizumabInputsType = builder
  .objectRef<Wrapped<'TocilizumabGradingInputs'>>('TocilizumabGradingInputs')
  .implement({
    description: 'The tocilizumab status just before a dose (TOCI-2..4).',
    fields: (t) => ({
      status: t.field({ type: TocilizumabStatusEnum, resolve: (w) => w.value.status as never }),
      earliestNextDoseAt: t.field({
        type: 'DateTime',
        nullable: true,
        resolve: (w) => str(w.value, 'earliestNextDoseAt'),
      }),
      dosesCounted: t.int({
        nullable: true,
        description: 'Doses counted toward TOCI-4.',
        resolve: (w) => num(w.value, 'dosesCounted'),
      }),
      dosesIn24h: t.int({
        nullable: true,
        description: 'Doses in the 24 h before (TOCI-3).',
        resolve: (w) => num(w.value, 'dosesIn24h'),
      }),
      scope: t.field({
        type: TocilizumabLimitScopeEnum,
        resolve: (w) => TOCILIZUMAB_LIMIT_SCOPES[w.value.scope as keyof typeof TOCILIZUMAB_LIMIT_SCOPES],
      }),
      doseTimes: t.field({
        type: ['DateTime'],
        resolve: (w) => (Array.isArray(w.value.doseTimes) ? (w.value.doseTimes as string[]) : []),
      }),
      lastDoseAt: t.field({ type: 'DateTime', nullable: true, resolve: (w) => str(w.value, 'lastDoseAt') }),
    }),
  });

const ImmunoglobulinInputsType = builder
  .objectRef<Wrapped<'ImmunoglobulinGradingInputs'>>('ImmunoglobulinGradingInputs')
  .implement({
    description: 'IgG advice (IG-1..4).',
    fields: (t) => ({
      iggGPerL: t.float({ nullable: true, resolve: (w) => num(w.value, 'igGGPerL') }),
      infection: t.boolean({
        nullable: true,
        description: 'Active infection; null when not recorded.',
        resolve: (w) => (typeof w.value.infection === 'boolean' ? w.value.infection : null),
      }),
      infusionDate: t.field({ type: 'Date', nullable: true, resolve: (w) => str(w.value, 'infusionDate') }),
    }),
  });

const CytopeniaInputsType = builder
  .objectRef<Wrapped<'CytopeniaGradingInputs'>>('CytopeniaGradingInputs')
  .implement({
    description: 'Blood counts graded (CYTO-1); null when not in the result.',
    fields: (t) => ({
      ancE9PerL: t.float({ nullable: true, resolve: (w) => num(w.value, 'ancE9PerL') }),
      plateletsE9PerL: t.float({ nullable: true, resolve: (w) => num(w.value, 'plateletsE9PerL') }),
      haemoglobinGPerL: t.float({ nullable: true, resolve: (w) => num(w.value, 'hemoglobinGPerL') }),
    }),
  });

const InfusionWindowInputsType = builder
  .objectRef<Wrapped<'InfusionWindowGradingInputs'>>('InfusionWindowGradingInputs')
  .implement({
    description: 'Infusion timing after lymphodepletion (INF-2).',
    fields: (t) => ({
      lymphodepletionEndDate: t.field({
        type: 'Date',
        resolve: (w) => String(w.value.lymphodepletionEndDate),
      }),
      infusionDate: t.field({ type: 'Date', resolve: (w) => String(w.value.infusionDate) }),
    }),
  });

const CrsSuspicionInputsType = builder
  .objectRef<Wrapped<'CrsSuspicionGradingInputs'>>('CrsSuspicionGradingInputs')
  .implement({
    description: 'Suspected CRS after infusion (CRS-S1): the time since infusion it used.',
    fields: (t) => ({
      daysSinceInfusion: t.int({ nullable: true, resolve: (w) => num(w.value, 'daysSinceInfusion') }),
      window: t.field({
        type: CrsSuspicionWindowEnum,
        nullable: true,
        resolve: (w) => str(w.value, 'window') as 'WITHIN_3_WEEKS' | null,
      }),
    }),
  });

const HlhComponentEnum = builder.enumType('HlhComponent', {
  values: { FEVER: {}, HYPOTENSION: {}, HYPOXIA: {} } as const,
});
const ComponentCourseEnum = builder.enumType('HlhComponentCourse', {
  values: { NOT_PRESENT: {}, IMPROVED: {}, NOT_IMPROVED: {}, UNKNOWN: {} } as const,
});
const HlhComparisonType = builder.objectRef<Obj>('HlhComponentComparison').implement({
  description: 'One CRS finding before the first-line intervention and now (CRS-HLH).',
  fields: (t) => ({
    component: t.field({
      type: HlhComponentEnum,
      resolve: (c) => String(c.component).toUpperCase() as never,
    }),
    course: t.field({ type: ComponentCourseEnum, resolve: (c) => c.course as never }),
    needs: t.stringList({ resolve: (c) => (Array.isArray(c.needs) ? (c.needs as string[]) : []) }),
  }),
});

const CrsHlhInputsType = builder.objectRef<Wrapped<'CrsHlhGradingInputs'>>('CrsHlhGradingInputs').implement({
  description: 'No improvement after first-line treatment (CRS-HLH): each finding compared.',
  fields: (t) => ({
    components: t.field({
      type: [HlhComparisonType],
      resolve: (w) => (Array.isArray(w.value.components) ? (w.value.components as Obj[]) : []),
    }),
  }),
});

const RecordedInputsType = builder
  .objectRef<Wrapped<'RecordedGradingInputs'>>('RecordedGradingInputs')
  .implement({
    description: 'Inputs stored in a shape this version does not type (an earlier ruleset), as stored.',
    fields: (t) => ({ json: t.string({ resolve: (w) => JSON.stringify(w.value) }) }),
  });

type Member =
  | Wrapped<'CrsGradingInputs'>
  | Wrapped<'IcansGradingInputs'>
  | Wrapped<'DeathGradingInputs'>
  | Wrapped<'TocilizumabGradingInputs'>
  | Wrapped<'ImmunoglobulinGradingInputs'>
  | Wrapped<'CytopeniaGradingInputs'>
  | Wrapped<'InfusionWindowGradingInputs'>
  | Wrapped<'CrsSuspicionGradingInputs'>
  | Wrapped<'CrsHlhGradingInputs'>
  | Wrapped<'RecordedGradingInputs'>;

export const GradingInputsUnion = builder.unionType('GradingInputs', {
  description: 'What the rules were given, by grading kind.',
  types: [
    CrsInputsType,
    IcansInputsType,
    DeathInputsType,
    TocilizumabInputsType,
    ImmunoglobulinInputsType,
    CytopeniaInputsType,
    InfusionWindowInputsType,
    CrsSuspicionInputsType,
    CrsHlhInputsType,
    RecordedInputsType,
  ],
  resolveType: (member: Member) => member.typename,
});

/** The member for a grading's stored inputs, by its domain and the shape stored. */
export const gradingInputsOf = (grading: Pick<GradingRecord, 'domain' | 'inputs'>): Member => {
  const value = grading.inputs;
  const recorded: Member = {
    typename: 'RecordedGradingInputs',
    value: isObject(value) ? value : { value: value ?? null },
  };
  if (!isObject(value)) return recorded;
  const has = (...keys: string[]) => keys.every((key) => key in value);
  if ((grading.domain === 'CRS' || grading.domain === 'ICANS') && has('attribution'))
    return { typename: 'DeathGradingInputs', value };
  switch (grading.domain) {
    case 'CRS':
      return has('at', 'recordId', 'feverCelsius') ? { typename: 'CrsGradingInputs', value } : recorded;
    case 'ICANS':
      return has('concurrentCrs') ? { typename: 'IcansGradingInputs', value } : recorded;
    case 'TOCILIZUMAB':
      return has('status', 'scope') ? { typename: 'TocilizumabGradingInputs', value } : recorded;
    case 'IMMUNOGLOBULIN':
      return has('igGGPerL') ? { typename: 'ImmunoglobulinGradingInputs', value } : recorded;
    case 'CYTOPENIA':
      return { typename: 'CytopeniaGradingInputs', value };
    case 'INFUSION_WINDOW':
      return has('lymphodepletionEndDate', 'infusionDate')
        ? { typename: 'InfusionWindowGradingInputs', value }
        : recorded;
    case 'CRS_SUSPICION':
      return has('daysSinceInfusion') ? { typename: 'CrsSuspicionGradingInputs', value } : recorded;
    case 'CRS_HLH':
      return has('components') ? { typename: 'CrsHlhGradingInputs', value } : recorded;
  }
};
