import { followUpSchedule, localize, type FollowUpVisit, type Language } from '#rules';
import { builder } from '../builder.ts';
import { applyRule } from '../calculator-errors.ts';
import { languageArg, requestLanguage } from './calculator-evaluation.ts';

type Visit = { readonly visit: FollowUpVisit; readonly language: Language };

const FollowUpPhaseEnum = builder.enumType('FollowUpPhase', {
  description:
    'EARLY: day 14 and 28; MONTHLY: months 2–6; EVERY_2_MONTHS: months 8–12; YEAR_2: every 3 months; YEAR_3_ON: every 3–6 months (FU-1).',
  values: ['EARLY', 'MONTHLY', 'EVERY_2_MONTHS', 'YEAR_2', 'YEAR_3_ON'] as const,
});

/** Contract type FollowUpVisit { date, label }, plus where the visit sits in the schedule. */
export const FollowUpVisitType = builder.objectRef<Visit>('FollowUpVisit').implement({
  description: 'One follow-up visit after CAR-T infusion (FU-1, §10).',
  fields: (t) => ({
    date: t.field({ type: 'Date', resolve: (p) => p.visit.date }),
    label: t.string({
      description: 'e.g. "Day 14 after infusion: response and adverse effects", in the requested language.',
      resolve: (p) => localize(p.visit.label, p.language),
    }),
    labelZh: t.string({ resolve: (p) => p.visit.label.zh }),
    labelEn: t.string({ resolve: (p) => p.visit.label.en }),
    phase: t.field({ type: FollowUpPhaseEnum, resolve: (p) => p.visit.phase }),
    day: t.int({
      nullable: true,
      description: 'Day after infusion for the day-14 and day-28 visits; null otherwise.',
      resolve: (p) => p.visit.day,
    }),
    month: t.int({
      description: 'Month after infusion (the day-14 and day-28 visits count as month 1).',
      resolve: (p) => p.visit.month,
    }),
    daysAfterInfusion: t.int({ resolve: (p) => p.visit.daysAfterInfusion }),
  }),
});

builder.queryField('followUpSchedule', (t) =>
  t.field({
    type: [FollowUpVisitType],
    description:
      'Follow-up visits after infusion (FU-1, §10): day 14 and 28, monthly to month 6, every 2 months to month 12, every 3 months in year 2, every 3–6 months from year 3. No login needed.',
    args: {
      infusionDate: t.arg({ type: 'Date', required: true }),
      throughMonth: t.arg.int({
        required: true,
        defaultValue: 36,
        description: 'Last month after infusion to list visits for (1–120).',
      }),
      language: languageArg(t),
    },
    resolve: (_root, args, context) => {
      const language = requestLanguage(args, context);
      const { visits } = applyRule(null, () =>
        followUpSchedule({ infusionDate: args.infusionDate, throughMonth: args.throughMonth }),
      ).outcome;
      return visits.map((visit) => ({ visit, language }));
    },
  }),
);
