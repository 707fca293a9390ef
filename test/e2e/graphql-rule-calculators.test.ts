import { describe, expect, inject, it } from 'vitest';
import { addDays, addMonths, calendarDateIn } from '#rules';
import { issueToken, loadOrCreateSigningKey } from '../../functions/local/local-auth.ts';
import { withActionKey } from '../support/action-keys.ts';
import { clearOfHospitalMidnight } from '../support/hospital-midnight.ts';

/**
 * The rule calculators beyond the contract, the care plan and Episode.plan over real HTTP against the
 * started local system: one realistic request per operation with its exact answer, and an invalid
 * input answered as BAD_USER_INPUT naming field, range and value (HTTP 200, never a 500).
 */
const baseUrl = inject('baseUrl');
const TEAM = 'e2e-plan';

type Issue = { field: string; allowed: string; received: unknown; message: string };
type Body = {
  data?: Record<string, unknown> | null;
  errors?: { message: string; extensions?: { code?: string; issues?: Issue[] } }[];
};

const post = async (
  query: string,
  options: { variables?: Record<string, unknown>; token?: string; headers?: Record<string, string> } = {},
): Promise<{ status: number; body: Body }> => {
  const response = await fetch(`${baseUrl}${options.token ? '/graphql' : '/public/graphql'}`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      'accept-language': 'en',
      ...(options.token ? { authorization: `Bearer ${options.token}` } : {}),
      ...options.headers,
    },
    body: JSON.stringify({ query, variables: withActionKey(query, options.variables) }),
  });
  return { status: response.status, body: (await response.json()) as Body };
};

const data = async <T>(query: string, options: Parameters<typeof post>[1] = {}): Promise<T> => {
  const { status, body } = await post(query, options);
  expect(body.errors, JSON.stringify(body.errors)).toBeUndefined();
  expect(status).toBe(200);
  return body.data as T;
};

const invalid = async (query: string): Promise<[string, string, unknown][]> => {
  const { status, body } = await post(query);
  expect(status).toBe(200);
  expect(body.data ?? null).toBeNull();
  expect(body.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  return (body.errors?.[0]?.extensions?.issues ?? []).map((issue) => [
    issue.field,
    issue.allowed,
    issue.received,
  ]);
};

/** A date `offset` days from today in the hospital's calendar (the server's default time zone). */
const day = (offset: number): string => addDays(calendarDateIn(new Date()), offset);

describe('rule calculators over HTTP (/public/graphql, no login)', () => {
  it('infectionProphylaxis: after an infusion on 31 January, Pneumocystis prophylaxis until at least 30 April (INFX-3)', async () => {
    const { infectionProphylaxis } = await data<{ infectionProphylaxis: unknown }>(
      `{ infectionProphylaxis(input: { phase: AFTER_INFUSION, infusionDate: "2026-01-31", neutrophilsRecovered: false, ancE9PerL: 0.4 }) {
          status pjpProphylaxisUntil severeNeutropenia recommendations { ruleId } citations { section } } }`,
    );
    expect(infectionProphylaxis).toEqual({
      status: 'ADVICE',
      pjpProphylaxisUntil: '2026-04-30',
      severeNeutropenia: true,
      recommendations: [
        { ruleId: 'INFX-2' },
        { ruleId: 'INFX-3' },
        { ruleId: 'INFX-3' },
        { ruleId: 'INFX-4' },
      ],
      citations: [{ section: '§7.3' }],
    });
  });

  it('seizureProphylaxis: prior CNS disease → levetiracetam 750 mg PO every 12 h (INF-1)', async () => {
    const { seizureProphylaxis } = await data<{
      seizureProphylaxis: { status: string; recommendations: { ruleId: string; dose: unknown }[] };
    }>(
      '{ seizureProphylaxis(input: { priorCnsDisease: true }) { status recommendations { ruleId dose { drug mg route } } } }',
    );
    expect(seizureProphylaxis.status).toBe('PROPHYLAXIS_ADVISED');
    expect(seizureProphylaxis.recommendations.at(-1)).toEqual({
      ruleId: 'INF-1',
      dose: { drug: 'levetiracetam', mg: 750, route: 'PO' },
    });
  });

  it('cellDoseCheck: ABECMA 460 × 10⁶ is within range, 460.1 outside (INF-3)', async () => {
    const check = async (dose: number) =>
      (
        await data<{ cellDoseCheck: { status: string; range: { printed: string } } }>(
          `{ cellDoseCheck(input: { product: KARMMA, doseE6: ${dose}, unit: E6_TOTAL }) { status range { printed } } }`,
        )
      ).cellDoseCheck;
    expect(await check(460)).toEqual({ status: 'WITHIN_RANGE', range: { printed: '(300~460)×10⁶' } });
    expect((await check(460.1)).status).toBe('OUTSIDE_RANGE');
  });

  it('premedicationCheck: corticosteroid premedication → WARN (INF-4), in Chinese for zh-CN', async () => {
    const { premedicationCheck } = await data<{
      premedicationCheck: { status: string; recommendations: { ruleId: string; text: string }[] };
    }>(
      '{ premedicationCheck(input: { steroidPremedication: true }) { status recommendations { ruleId text } } }',
      {
        headers: { 'accept-language': 'zh-CN' },
      },
    );
    expect(premedicationCheck.status).toBe('WARN');
    expect(premedicationCheck.recommendations[0]?.ruleId).toBe('INF-4');
    expect(premedicationCheck.recommendations[0]?.text).toMatch(/\p{Script=Han}/u);
  });

  it('responseAssessment: VGPR at month 3 may still deepen by month 6 (RESP-1)', async () => {
    const { responseAssessment } = await data<{ responseAssessment: unknown }>(
      `{ responseAssessment(input: { category: VGPR, infusionDate: "2026-01-31", assessmentDate: "2026-04-30" }) {
          category mrdAssessmentDate bestResponseByDate mayStillDeepen } }`,
    );
    expect(responseAssessment).toEqual({
      category: 'VGPR',
      mrdAssessmentDate: '2026-02-28',
      bestResponseByDate: '2026-07-31',
      mayStillDeepen: true,
    });
  });

  it('maintenanceAdvice: no evidence-based maintenance after CAR-T (MAINT-1)', async () => {
    const { maintenanceAdvice } = await data<{
      maintenanceAdvice: { evidenceBasedMaintenance: boolean; notes: unknown[] };
    }>(
      '{ maintenanceAdvice(input: { responseCategory: SCR }) { evidenceBasedMaintenance notes { ruleId } } }',
    );
    expect(maintenanceAdvice.evidenceBasedMaintenance).toBe(false);
    expect(maintenanceAdvice.notes).toHaveLength(4);
  });

  it('indicationCheck: 3 prior lines → clinical trial, not the ide-cel label (IND-1)', async () => {
    const { indicationCheck } = await data<{ indicationCheck: unknown }>(
      `{ indicationCheck(input: { ageYears: 64, priorLines: 3, priorImmunomodulatoryDrug: true, priorProteasomeInhibitor: true, priorAntiCd38Antibody: true }) {
          status unmet needs } }`,
    );
    expect(indicationCheck).toEqual({ status: 'CLINICAL_TRIAL', unmet: ['PRIOR_LINES'], needs: [] });
  });

  it('crsSuspicion: SpO2 89.9 % on day 29 → suspected, late CRS possible (CRS-S1)', async () => {
    const { crsSuspicion } = await data<{ crsSuspicion: unknown }>(
      `{ crsSuspicion(input: { daysSinceInfusion: 29, temperatureCelsius: 37.2, systolicBp: 110, spo2Percent: 89.9 }) {
          status window lateCrsPossible needs } }`,
    );
    expect(crsSuspicion).toEqual({
      status: 'SUSPECTED',
      window: 'AFTER_4_WEEKS',
      lateCrsPossible: true,
      needs: [],
    });
  });

  it('hlhCheck: fever not improved exactly 12 h after tocilizumab → suspect HLH/MAS (CRS-HLH)', async () => {
    const { hlhCheck } = await data<{ hlhCheck: unknown }>(
      `{ hlhCheck(input: { firstLineInterventionAt: "2026-03-01T08:00:00+08:00", assessedAt: "2026-03-01T20:00:00+08:00", fever: NOT_IMPROVED, endOrganToxicity: IMPROVED }) {
          status hoursSinceIntervention recheckAt } }`,
    );
    expect(hlhCheck).toEqual({ status: 'SUSPECTED', hoursSinceIntervention: 12, recheckAt: null });
  });

  it('carePlan: items by phase with dates and status on the given day (PLAN-1, INFX-3 + 3 months)', async () => {
    const { carePlan } = await data<{ carePlan: { dayAfterInfusion: number; items: unknown[] } }>(
      `{ carePlan(input: { product: KARMMA, lymphodepletionStartDate: "2026-02-24", infusionDate: "2026-03-01", priorCnsDisease: false, today: "2026-06-01", followUpThroughMonth: 1 }) {
          dayAfterInfusion items { key status startDate earliestStopDate dueDate } } }`,
    );
    expect(carePlan.dayAfterInfusion).toBe(92);
    expect(carePlan.items).toEqual([
      { key: 'INFX-1', status: 'DONE', startDate: null, earliestStopDate: null, dueDate: null },
      { key: 'INFX-2', status: 'ACTIVE', startDate: '2026-02-24', earliestStopDate: null, dueDate: null },
      {
        key: 'INFX-3-NEUTROPENIA',
        status: 'ACTIVE',
        startDate: '2026-03-01',
        earliestStopDate: null,
        dueDate: null,
      },
      {
        key: 'INFX-3-PNEUMOCYSTIS',
        status: 'ACTIVE',
        startDate: '2026-03-01',
        earliestStopDate: '2026-06-01',
        dueDate: null,
      },
      { key: 'FU-1-D14', status: 'DONE', startDate: null, earliestStopDate: null, dueDate: '2026-03-15' },
      { key: 'FU-1-D28', status: 'DONE', startDate: null, earliestStopDate: null, dueDate: '2026-03-29' },
      { key: 'IG-1-M1', status: 'DONE', startDate: null, earliestStopDate: null, dueDate: '2026-04-01' },
      { key: 'IG-1-M2', status: 'DONE', startDate: null, earliestStopDate: null, dueDate: '2026-05-01' },
      { key: 'IG-1-M3', status: 'DUE', startDate: null, earliestStopDate: null, dueDate: '2026-06-01' },
    ]);
  });

  it.each([
    [
      'infectionProphylaxis',
      '{ infectionProphylaxis(input: { phase: AFTER_INFUSION, ancE9PerL: 101 }) { status } }',
      ['input.ancE9PerL', 'between 0 and 100 × 10⁹/L', 101],
    ],
    [
      'cellDoseCheck',
      '{ cellDoseCheck(input: { product: KARMMA, doseE6: 5, unit: E6_PER_KG, weightKg: 351 }) { status } }',
      ['input.weightKg', 'between 20 and 350 kg', 351],
    ],
    [
      'responseAssessment',
      '{ responseAssessment(input: { infusionDate: "2026-03-01", assessmentDate: "2026-02-01" }) { category } }',
      ['input.assessmentDate', 'a date on or after infusionDate (2026-03-01)', '2026-02-01'],
    ],
    [
      'indicationCheck',
      '{ indicationCheck(input: { ageYears: 121 }) { status } }',
      ['input.ageYears', 'a whole number between 0 and 120 years', 121],
    ],
    [
      'crsSuspicion',
      '{ crsSuspicion(input: { daysSinceInfusion: -1 }) { status } }',
      ['input.daysSinceInfusion', 'a whole number between 0 and 3650 days', -1],
    ],
    [
      'hlhCheck',
      '{ hlhCheck(input: { firstLineInterventionAt: "2026-03-01T08:00:00Z", assessedAt: "2026-03-01T07:59:00Z", fever: IMPROVED, endOrganToxicity: IMPROVED }) { status } }',
      [
        'input.assessedAt',
        'a time at or after firstLineInterventionAt (2026-03-01T08:00:00Z)',
        '2026-03-01T07:59:00Z',
      ],
    ],
    [
      'carePlan',
      '{ carePlan(input: { product: KARMMA, infusionDate: "2026-03-01", neutrophilRecoveredAt: "2026-02-27", today: "2026-03-05" }) { today } }',
      ['input.neutrophilRecoveredAt', 'a date on or after infusionDate (2026-03-01)', '2026-02-27'],
    ],
  ])(
    '%s invalid input names the field, the range and the value received',
    async (_operation, query, issue) => {
      expect(await invalid(query)).toEqual([issue]);
    },
  );
});

describe('Episode.plan over HTTP (signed in)', () => {
  it('the episode care plan: dates from the head, neutrophil recovery from the ANC labs (PLAN-1, PLAN-2)', async () => {
    // Its dates and the server's count from the same hospital day.
    await clearOfHospitalMidnight();
    const token = await issueToken(await loadOrCreateSigningKey(inject('localAuthKeyFile')), {
      userId: 'e2e-plan-clinician',
      role: 'clinician',
      teams: [TEAM],
    });
    const created = await data<{ createEpisode: { __typename: string; episode: { episodeId: string } } }>(
      `mutation($input: CreateEpisodeInput!, $key: String!) { createEpisode(input: $input, idempotencyKey: $key) { __typename ... on CreateEpisodeSuccess { episode { episodeId } } } }`,
      {
        token,
        variables: {
          input: {
            patientRef: 'P-E2E-PLAN-1',
            team: TEAM,
            weightKg: 70,
            heightCm: 170,
            product: 'KARMMA',
            lymphodepletionStartDate: day(-7),
            lymphodepletionEndDate: day(-5),
            infusionDate: day(-2),
          },
        },
      },
    );
    const { episodeId } = created.createEpisode.episode;
    const lab = `mutation($input: RecordLabResultInput!, $key: String!) { recordLabResult(input: $input, idempotencyKey: $key) { __typename } }`;
    for (const input of [
      { episodeId, ancE9PerL: 0.4, collectedAt: new Date(Date.now() - 86_400_000).toISOString() },
      { episodeId, ancE9PerL: 1.2 },
    ]) {
      const recorded = await data<{ recordLabResult: { __typename: string } }>(lab, {
        token,
        variables: { input },
      });
      expect(recorded.recordLabResult.__typename).toBe('RecordLabResultSuccess');
    }

    const { episode } = await data<{
      episode: {
        plan: {
          today: string;
          dayAfterInfusion: number;
          neutrophilRecovery: string;
          neutrophilRecoveredAt: string;
          items: {
            key: string;
            status: string;
            startDate: string | null;
            stopDate: string | null;
            earliestStopDate: string | null;
            needs: string[];
          }[];
        };
      };
    }>(
      `query($id: ID!) { episode(id: $id) { ... on Episode { plan {
          today dayAfterInfusion neutrophilRecovery neutrophilRecoveredAt
          items(status: [ACTIVE, DONE, UNKNOWN]) { key status startDate stopDate earliestStopDate needs } } } } }`,
      { token, variables: { id: episodeId } },
    );
    const { plan } = episode;
    expect(plan).toMatchObject({
      today: day(0),
      dayAfterInfusion: 2,
      neutrophilRecovery: 'RECOVERED',
      neutrophilRecoveredAt: day(0),
    });
    expect(plan.items).toEqual([
      { key: 'INFX-1', status: 'DONE', startDate: null, stopDate: null, earliestStopDate: null, needs: [] },
      {
        key: 'INFX-2',
        status: 'ACTIVE',
        startDate: day(-7),
        stopDate: null,
        earliestStopDate: null,
        needs: [],
      },
      {
        key: 'INF-1',
        status: 'UNKNOWN',
        startDate: null,
        stopDate: null,
        earliestStopDate: null,
        needs: ['priorCnsDisease'],
      },
      {
        key: 'INFX-3-NEUTROPENIA',
        status: 'DONE',
        startDate: day(-2),
        stopDate: day(0),
        earliestStopDate: null,
        needs: [],
      },
      {
        key: 'INFX-3-PNEUMOCYSTIS',
        status: 'ACTIVE',
        startDate: day(-2),
        stopDate: null,
        earliestStopDate: addMonths(day(-2), 3),
        needs: [],
      },
    ]);
  });
});
