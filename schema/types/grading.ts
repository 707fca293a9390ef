import type { GradingDomain } from '#episodes';
import { builder } from '../builder.ts';
import { AuthorType } from './author.ts';
import { loadEpisodeState } from './episode-loader.ts';
import { ClinicalRecordRef, GradingRef, type ClinicalRecord } from './episode-refs.ts';
import {
  CitationType,
  DriverType,
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

GradingRef.implement({
  description: 'A rule evaluation stored with the record that triggered it.',
  fields: (t) => ({
    id: t.exposeID('id'),
    domain: t.field({ type: GradingDomainEnum, resolve: (g) => g.domain }),
    grade: t.int({
      nullable: true,
      description: '0–4 for CRS and ICANS; null when the outcome is not a grade or could not be decided.',
      resolve: (g) => g.grade,
    }),
    status: t.string({
      description: "GRADED, UNKNOWN (see `needs`), or the rule's own status (e.g. ALLOWED, TOO_SOON).",
      resolve: (g) => g.status,
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
    ruleset: t.string({ description: 'e.g. cn-mm-cart-2022@1.', resolve: (g) => g.ruleset }),
    basedOn: t.exposeID('basedOn', { description: 'The id of the record (or episode) that triggered it.' }),
    basedOnRecord: t.field({
      type: ClinicalRecordRef,
      nullable: true,
      description: 'The record that triggered it; null when the episode plan did.',
      resolve: async (g, _args, context) => {
        const state = await loadEpisodeState(context, g.episodeId);
        return (
          (state.records.find(
            (record) => record.id === g.basedOn && record.kind !== 'GRADING' && record.kind !== 'ALERT',
          ) as ClinicalRecord | undefined) ?? null
        );
      },
    }),
    inputs: t.string({
      description: 'The inputs the rules were given, as JSON (audit).',
      resolve: (g) => JSON.stringify(g.inputs ?? null),
    }),
    recordedAt: t.field({ type: 'DateTime', resolve: (g) => g.recordedAt }),
    recordedBy: t.field({ type: AuthorType, resolve: (g) => g.recordedBy }),
  }),
});
