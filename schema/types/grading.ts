import type { GradingDomain, GradingRecord, GradingSource } from '#episodes';
import { builder } from '../builder.ts';
import { loadRecordNode, recordNodeId } from './node.ts';
import { AuthorType } from './author.ts';
import { GradingInputsUnion, gradingInputsOf } from './grading-inputs.ts';
import { GradingStatusEnum, gradingStatusOf } from './grading-status.ts';
import { loadSomeEpisodeState } from './episode-loader.ts';
import { ClinicalRecordRef, GradingRef, type ClinicalRecord } from './episode-refs.ts';
import {
  CitationType,
  DriverType,
  textFields,
  type Localized,
  LanguageEnum,
  NoteType,
  RecommendationType,
  languageOf,
  localized,
} from './rule-output.ts';

/**
 * A rule evaluation as it was at the time, with what drove it and what to do: the audit trail of a
 * grade. Texts are in the request's language (Accept-Language) unless `language` is given.
 */
export const GradingDomainEnum = builder.enumType('GradingDomain', {
  values: {
    CRS: { value: 'CRS', description: 'CRS grade (ASTCT, CRS-GRADE) with its management (T4).' },
    CRS_SUSPICION: { value: 'CRS_SUSPICION', description: 'Suspected CRS after infusion (CRS-S1).' },
    CRS_HLH: { value: 'CRS_HLH', description: 'No improvement after first-line treatment (CRS-HLH).' },
    ICANS: { value: 'ICANS', description: 'ICANS grade (ICE, T5) with its management.' },
    TOCILIZUMAB: { value: 'TOCILIZUMAB', description: 'A tocilizumab dose against the TOCI limits.' },
    IMMUNOGLOBULIN: { value: 'IMMUNOGLOBULIN', description: 'IgG and IVIG (IG-2, IG-3).' },
    CYTOPENIA: { value: 'CYTOPENIA', description: 'Neutrophils, platelets and haemoglobin.' },
    INFUSION_WINDOW: {
      value: 'INFUSION_WINDOW',
      description: 'Infusion timing after lymphodepletion (INF-2).',
    },
  } as const satisfies Record<GradingDomain, { value: GradingDomain; description: string }>,
});

const GradingSourceType = builder.objectRef<Localized<GradingSource>>('GradingSource').implement({
  description:
    'An earlier record a grade used, and when (EPI-2): a carried oxygen, vasopressor or SpO2 value, the fever of the CRS episode, the dose that lifted the fever requirement (CRS-G2), the concurrent CRS (EPI-3), the first-line intervention (CRS-HLH).',
  fields: (t) => {
    const text = textFields<GradingSource>((s) => s.text);
    return {
      component: t.string({
        description:
          'oxygen, vasopressors, spo2, fever, therapy, concurrentCrs, intervention, beforeIntervention',
        resolve: (p) => p.value.component,
      }),
      recordId: t.id({ description: 'The record it came from.', resolve: (p) => p.value.recordId }),
      at: t.field({
        type: 'DateTime',
        description: "That record's clinical time (UTC).",
        resolve: (p) => p.value.at,
      }),
      carried: t.boolean({
        description: 'From an earlier record than the one graded.',
        resolve: (p) => p.value.carried,
      }),
      text: t.string({ description: "With the time in the hospital's zone (EPI-7).", resolve: text.text }),
      textZh: t.string({ resolve: text.zh }),
      textEn: t.string({ resolve: text.en }),
    };
  },
});

builder.node(GradingRef, {
  id: recordNodeId,
  loadOne: loadRecordNode<GradingRecord>('Grading'),
  description: 'A rule evaluation stored with the record that triggered it.',
  fields: (t) => ({
    gradingId: t.exposeID('id', { description: 'The grading id as stored (what an alert is basedOn).' }),
    domain: t.field({ type: GradingDomainEnum, resolve: (g) => g.domain }),
    grade: t.int({
      nullable: true,
      description:
        '0–4 for CRS and ICANS (5: death due to it, EPI-5); with status LOWER_BOUND the grade is "at least" (EPI-2); null when the outcome is not a grade.',
      resolve: (g) => g.grade,
    }),
    status: t.field({
      type: GradingStatusEnum,
      description:
        "GRADED; LOWER_BOUND (an entry lacked a component: `grade` is at least, `needs` says what, EPI-2); UNKNOWN (see `needs`); or the rule's own status (e.g. ALLOWED, TOO_SOON, SUSPECTED).",
      resolve: (g) => gradingStatusOf(g.status),
    }),
    needs: t.stringList({
      description: 'What is missing to decide, when status is UNKNOWN.',
      resolve: (g) => [...g.needs],
    }),
    drivers: t.field({
      type: [DriverType],
      args: { language: t.arg({ type: LanguageEnum }) },
      description: 'The findings that set the outcome.',
      resolve: (g, args, context) => localized(g.drivers, languageOf(args, context)),
    }),
    recommendations: t.field({
      type: [RecommendationType],
      args: { language: t.arg({ type: LanguageEnum }) },
      description: 'What to do, with doses in mg for this patient and the rule each comes from.',
      resolve: (g, args, context) => localized(g.recommendations, languageOf(args, context)),
    }),
    notes: t.field({
      type: [NoteType],
      args: { language: t.arg({ type: LanguageEnum }) },
      resolve: (g, args, context) => localized(g.notes, languageOf(args, context)),
    }),
    citations: t.field({ type: [CitationType], resolve: (g) => [...g.citations] }),
    sources: t.field({
      type: [GradingSourceType],
      args: { language: t.arg({ type: LanguageEnum }) },
      description: 'The earlier records this result used, with their times (EPI-2, EPI-3, CRS-G2, CRS-HLH).',
      resolve: (g, args, context) => localized(g.sources ?? [], languageOf(args, context)),
    }),
    crsEpisode: t.int({
      nullable: true,
      description: 'The CRS episode (EPI-1: 1, 2, …) the graded record belongs to; null outside one.',
      resolve: (g) => g.crsEpisode ?? null,
    }),
    ruleset: t.string({ description: 'e.g. cn-mm-cart-2022@1.', resolve: (g) => g.ruleset }),
    basedOn: t.exposeID('basedOn', { description: 'The id of the record (or episode) that triggered it.' }),
    basedOnRecord: t.field({
      type: ClinicalRecordRef,
      nullable: true,
      description: 'The record that triggered it; null when the episode plan did.',
      resolve: async (g, _args, context) => {
        const state = await loadSomeEpisodeState(context, g.episodeId);
        return (
          (state.records.find(
            (record) => record.id === g.basedOn && record.kind !== 'GRADING' && record.kind !== 'ALERT',
          ) as ClinicalRecord | undefined) ?? null
        );
      },
    }),
    inputs: t.field({
      type: GradingInputsUnion,
      description: 'The inputs the rules were given (audit), typed by grading kind.',
      resolve: (g) => gradingInputsOf(g),
    }),
    inputsJson: t.string({
      description: 'The same inputs exactly as stored, as JSON (audit export).',
      resolve: (g) => JSON.stringify(g.inputs ?? null),
    }),
    recordedAt: t.field({ type: 'DateTime', resolve: (g) => g.recordedAt }),
    recordedBy: t.field({ type: AuthorType, resolve: (g) => g.recordedBy }),
  }),
});
