import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { WALKTHROUGH_PLACEHOLDERS, WALKTHROUGH_STEPS } from '../../functions/graphql/graphiql-walkthrough.ts';
import { launchChromium, openGraphiQL } from '../support/graphiql-browser.ts';

/**
 * GraphiQL as a frontend developer meets it, in a real headless Chromium against the system that
 * `npm start` starts: the page opens on the bedside walkthrough, with no request leaving the
 * server (hospital networks block CDNs), and the walkthrough runs in order, each id pasted from
 * the step before, to a timeline that shows the acknowledged alert.
 */
const baseUrl = inject('baseUrl');
const BROWSER_TIMEOUT_MS = 120_000;
/** How long GraphiQL may take to show an answer it received (the machine may be busy). */
const POLL = { timeout: 15_000 };

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
}, BROWSER_TIMEOUT_MS);
afterAll(async () => {
  await browser.close();
});

type Step = Readonly<Record<string, unknown>>;
const field = (data: Step | undefined, name: string): Step => (data?.[name] ?? {}) as Step;

describe('GraphiQL in a browser', () => {
  it(
    'opens on the walkthrough with the dev token, served without any request outside the server',
    async () => {
      const graphiql = await openGraphiQL(browser, baseUrl);
      const editor = await graphiql.editorText();
      expect(editor).toContain('# CAR-T on-call API.');
      expect(editor).not.toContain('Welcome to');
      for (const step of WALKTHROUGH_STEPS)
        expect(editor).toMatch(new RegExp(`(query|mutation) ${step} \\{`));
      expect(await graphiql.headersText()).toMatch(/"Authorization": "Bearer ey/);
      expect(graphiql.externalRequests).toEqual([]);
      await graphiql.page.context().close();
    },
    BROWSER_TIMEOUT_MS,
  );

  it(
    'runs the walkthrough in order: episode, vital signs, tocilizumab, acknowledgement, timeline, my episodes, refetch, chart',
    async () => {
      const graphiql = await openGraphiQL(browser, baseUrl);
      const ran: string[] = [];
      const run = async (operationName: string): Promise<Step> => {
        const { status, body } = await graphiql.run(operationName);
        ran.push(operationName);
        expect(status, operationName).toBe(200);
        expect(body.errors, operationName).toBeUndefined();
        return body.data ?? {};
      };

      const created = field(field(await run('CreateEpisode'), 'createEpisode'), 'episode');
      expect(created.status).toBe('ACTIVE');
      const episodeId = String(created.episodeId);
      await expect.poll(() => graphiql.resultText(), POLL).toContain(`"episodeId": "${episodeId}"`);
      await graphiql.replaceAll(WALKTHROUGH_PLACEHOLDERS.episodeId, episodeId);
      await expect.poll(() => graphiql.editorText(), POLL).toContain(`episodeId: "${episodeId}"`);

      const vitals = field(await run('RecordVitals'), 'recordVitals');
      expect(vitals.__typename).toBe('RecordVitalsSuccess');
      const alerts = vitals.alerts as readonly { alertId: string; escalationId: string; level: string }[];
      const critical = alerts.find((alert) => alert.escalationId === 'ESC-CRS3');
      expect(critical).toMatchObject({ level: 'CRITICAL' });
      await expect.poll(() => graphiql.resultText(), POLL).toContain('"escalationId": "ESC-CRS3"');
      await graphiql.replaceAll(WALKTHROUGH_PLACEHOLDERS.alertId, critical?.alertId ?? 'no critical alert');

      const dose = field(await run('RecordTocilizumab'), 'recordDose');
      expect(dose.__typename).toBe('RecordDoseSuccess');

      const acknowledged = field(await run('AcknowledgeAlert'), 'acknowledgeAlert');
      expect(acknowledged).toMatchObject({
        __typename: 'AcknowledgeAlertSuccess',
        alreadyAcknowledged: false,
        alert: { escalationId: 'ESC-CRS3', acknowledgedBy: { userId: 'cognito:dev-clinician' } },
      });

      const timeline = field(await run('Timeline'), 'episode');
      expect(timeline).toMatchObject({ __typename: 'Episode', episodeId });
      const timelineAlerts = (field(timeline, 'alerts').edges as readonly { node: Step }[]).map(
        (e) => e.node,
      );
      expect(timelineAlerts).toContainEqual({
        escalationId: 'ESC-CRS3',
        level: 'CRITICAL',
        acknowledged: true,
        acknowledgedBy: { userId: 'cognito:dev-clinician' },
      });
      expect(field(timeline, 'currentState').openAlerts).not.toContainEqual(
        expect.objectContaining({ escalationId: 'ESC-CRS3' }),
      );
      // What the reader sees in the response pane, once GraphiQL has rendered the answer.
      await expect.poll(() => graphiql.resultText(), POLL).toContain(`"episodeId": "${episodeId}"`);
      await expect
        .poll(() => graphiql.resultText(), POLL)
        .toMatch(/"escalationId": "ESC-CRS3",\s+"level": "CRITICAL",\s+"acknowledged": true/);

      const mine = await run('MyEpisodes');
      expect(field(mine, 'viewer')).toMatchObject({ role: 'CLINICIAN', teams: ['demo'] });
      const listed = field(mine, 'episodes');
      expect(listed.__typename).toBe('EpisodeConnection');
      expect((listed.edges as readonly { node: Step }[]).map((e) => e.node.episodeId)).toContain(episodeId);

      const refetched = field(await run('Refetch'), 'node');
      expect(refetched).toMatchObject({ __typename: 'Episode', episodeId });
      const card = (field(refetched, 'alerts').edges as readonly { node: Step }[])
        .map((e) => e.node)
        .find((alert) => alert.escalationId === 'ESC-CRS3');
      expect(card).toMatchObject({ alertId: critical?.alertId, acknowledged: true });

      const chart = field(field(await run('CourseChart'), 'episode'), 'chart');
      expect(String(chart.svg)).toMatch(/^<svg/);
      expect(String(chart.summaryEn)).toContain('CRS grade 3');
      expect(String(chart.summaryZh)).toContain('CRS 分级 3');
      // The text summary is what the reader sees beside the picture's source.
      await expect.poll(() => graphiql.resultText(), POLL).toContain('"summaryEn": "');

      expect(ran).toEqual([...WALKTHROUGH_STEPS]);
      expect(graphiql.externalRequests).toEqual([]);
      await graphiql.page.context().close();
    },
    BROWSER_TIMEOUT_MS,
  );
});
