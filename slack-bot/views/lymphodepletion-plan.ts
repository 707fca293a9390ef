import {
  lymphodepletionMessages,
  type Language,
  type LymphodepletionPlan,
  type RuleEvaluation,
} from '#rules';
import { context, esc, fallback, header, list, tr, type SlackMessage } from './blocks.ts';
import { evaluationBlocks } from './evaluation.ts';
import { LABELS } from './labels.ts';

/**
 * `/cart ld <product> …`: the product's lymphodepletion regimen (LD-2, T2) for this patient: every
 * day relative to infusion with each drug in mg and its arithmetic, then the body-surface area,
 * notes and citations. Nothing is recorded.
 */
export const lymphodepletionPlanView = (
  evaluation: RuleEvaluation<LymphodepletionPlan>,
  language: Language,
): SlackMessage => {
  const plan = evaluation.outcome;
  const title =
    language === 'zh-CN'
      ? `${plan.product} 预处理方案 · 体表面积 ${plan.bodySurfaceAreaM2} m²`
      : `${plan.product} lymphodepletion · BSA ${plan.bodySurfaceAreaM2} m²`;
  const days = plan.days.map((day) => {
    const doses = day.doses
      .map(
        (dose) =>
          `${esc(tr(lymphodepletionMessages.drug(dose.drug), language))} *${dose.doseMg} mg* IV (${esc(tr(dose.arithmetic, language))})`,
      )
      .join('; ');
    return `${language === 'zh-CN' ? `${day.day} d` : `day ${day.day}`} (${day.date}): ${doses}`;
  });
  return {
    text: fallback(esc(title), ...days),
    blocks: [
      header(title),
      context(`:abacus: ${tr(LABELS.notRecorded, language)}`),
      ...list(language === 'zh-CN' ? '每日剂量' : 'Day by day', days),
      ...evaluationBlocks({ ...evaluation, recommendations: [] }, language),
    ],
  };
};
