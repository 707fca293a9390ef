import { describe, expect, it } from 'vitest';
import { carePlan, type CarePlanInput } from '#rules';
import { head, TODAY } from '../testing/fixtures.ts';
import { blockKitProblems } from './block-kit-check.ts';
import { episodePlanView } from './episode-plan.ts';

const text = (value: { blocks: readonly unknown[] }) => JSON.stringify(value.blocks);

/** The fixture episode: KARMMA, lymphodepletion from 2026-02-24, infusion 2026-03-01; today 2026-03-03. */
const COURSE: CarePlanInput = {
  product: 'KARMMA',
  lymphodepletionStartDate: '2026-02-24',
  infusionDate: '2026-03-01',
  priorCnsDisease: null,
  neutrophilCounts: [{ date: '2026-03-02', ancE9PerL: 0.3 }],
  today: TODAY,
};
const view = (input: Partial<CarePlanInput> = {}, language: 'en' | 'zh-CN' = 'en') =>
  episodePlanView({
    head: head(),
    evaluation: carePlan({ ...COURSE, ...input }),
    language,
    today: input.today ?? TODAY,
  });

describe('/cart plan view (as data)', () => {
  it('PLAN-1: by phase, each item with its status, dates and rule id; valid Block Kit', () => {
    const plan = view();
    expect(blockKitProblems(plan)).toEqual([]);
    expect(plan.blocks[0]).toMatchObject({ text: { text: 'EP-7 · P-2026-0042 · care plan' } });
    const all = text(plan);
    expect(all).toContain('day 2 after infusion (2026-03-01) _(PLAN-1)_');
    expect(all).toContain(
      'neutrophils not recovered: latest ANC 0.3 × 10⁹/L on 2026-03-02, below 1.0 × 10⁹/L _(PLAN-2)_',
    );
    expect(all).toContain('*Before lymphodepletion*');
    expect(all).toContain(':white_check_mark: *done* before CAR-T: full screening');
    expect(all).toContain(
      ':large_green_circle: *active* acyclovir or valacyclovir (antiviral prophylaxis) — from the start of lymphodepletion (2026-02-24)',
    );
    expect(all).toContain('the consensus gives no stop date _(INFX-2)_');
    expect(all).toContain(
      'from infusion (2026-03-01) for at least 3 months: stop no earlier than 2026-06-01 _(INFX-3)_',
    );
    expect(all).toContain('needs: a neutrophil count after infusion (ANC lab)');
    expect(all).toContain(':grey_question: *needs input*');
    expect(all).toContain(
      ':grey_question: *needs input* with prior CNS disease: levetiracetam seizure prophylaxis may be given',
    );
    expect(all).toContain('needs: whether there is prior CNS disease');
    expect(all).toContain('Rules PLAN-1, PLAN-2, INFX-2, INFX-3, FU-1, INFX-1, INF-1, IG-1');
    expect(all).toContain(
      ':calendar: *upcoming* Day 14 after infusion: response and adverse effects — on 2026-03-15 _(FU-1)_',
    );
    expect(all).toContain('serum IgG (month 1 after infusion) — on 2026-04-01 _(IG-1)_');
  });

  it('PLAN-1: the plain-text fallback lists what is due or under way', () => {
    expect(view().text).toContain('active: acyclovir or valacyclovir (antiviral prophylaxis) (INFX-2)');
  });

  it('INF-1: with prior CNS disease, levetiracetam 750 mg PO every 12 h with its dose line', () => {
    const all = text(view({ priorCnsDisease: true, neutrophilCounts: null, today: '2026-03-01' }));
    expect(all).toContain(
      ':bell: *due* levetiracetam 750 mg orally every 12 h may be given as seizure prophylaxis',
    );
    expect(all).toContain(':pill: *750 mg* PO · every 12 h');
  });

  it('FU-1: past checks are counted, the next six shown, the rest counted', () => {
    const all = text(view({ today: '2026-06-02' }));
    // Past by 2 June: day 14, day 28, IgG months 1–3, visits months 2 and 3.
    expect(all).toContain(':white_check_mark: 7 past');
    expect(all).toContain('Month 4: monthly assessment');
    expect(all).toContain('… 8 more later');
  });

  it('PLAN-1: in Chinese, with the consensus wording and the same rule ids', () => {
    const plan = view({}, 'zh-CN');
    expect(blockKitProblems(plan)).toEqual([]);
    expect(plan.blocks[0]).toMatchObject({ text: { text: 'EP-7 · P-2026-0042 · 护理计划' } });
    const all = text(plan);
    expect(all).toContain('*自预处理开始*');
    expect(all).toContain(':large_green_circle: *进行中* 阿昔洛韦或伐昔洛韦(抗病毒预防)');
    expect(all).toContain('自输注(2026-03-01)起至少3个月:不早于2026-06-01停止 _(INFX-3)_');
    expect(all).toContain('需要: 输注后的中性粒细胞计数(ANC 化验)');
    expect(all).toContain('规则 ');
  });

  it('PLAN-1: an episode without dates shows what each item needs, never a date', () => {
    const all = text(view({ infusionDate: null, lymphodepletionStartDate: null, neutrophilCounts: null }));
    expect(all).toContain('no infusion date: items dated from the infusion cannot be dated _(PLAN-1)_');
    expect(all).toContain('needs: the infusion date');
    expect(all).toContain('needs: the lymphodepletion start date');
    expect(all).not.toMatch(/2026-0[4-9]/);
  });
});
