import { describe, expect, it } from 'vitest';
import { evaluateCrs, planLymphodepletion } from '#rules';
import type { EpisodeState } from '#episodes';
import { SUBCOMMANDS } from '../parser/parse-command.ts';
import { VITALS_MODAL, NEURO_MODAL, HOME_ACTIONS } from '../ids.ts';
import { alert, config, criticalRecording, head, icansEvaluation, NOW, TODAY } from '../testing/fixtures.ts';
import { appHomeView } from './app-home.ts';
import { blockKitProblems } from './block-kit-check.ts';
import { esc } from './blocks.ts';
import { episodeCreatedView } from './episode-created.ts';
import { episodeListView } from './episode-list.ts';
import { episodeManagementView, episodeStatusView } from './episode-status.ts';
import { helpView } from './help.ts';
import { lymphodepletionPlanView } from './lymphodepletion-plan.ts';
import { neuroModalView } from './neuro-modal.ts';
import { quickCrsView, quickIcansView } from './quick-grading.ts';
import { settingsSavedView } from './settings-saved.ts';
import { unmappedChannelView } from './unmapped-channel.ts';
import { vitalsModalView } from './vitals-modal.ts';

const text = (value: { blocks: readonly unknown[] }) => JSON.stringify(value.blocks);

describe('help (as data)', () => {
  it('lists every subcommand with its usage, and documents the grammar', () => {
    const help = helpView('/cart', 'en');
    expect(blockKitProblems(help)).toEqual([]);
    for (const spec of Object.values(SUBCOMMANDS)) expect(text(help)).toContain(`/cart ${esc(spec.usage)}`);
    expect(text(help)).toContain('`t` = `temp` = `体温`');
    expect(text(help)).toContain('`o2=nc:4`');
    expect(text(help)).toContain('`t=101.2F`');
    expect(text(help)).toContain('did you mean `temp`?');
  });

  it('in Chinese, and per subcommand every field with its synonyms', () => {
    expect(text(helpView('/cart', 'zh-CN'))).toContain('华氏度必须写单位');
    const vitals = helpView('/cart', 'en', 'vitals');
    expect(blockKitProblems(vitals)).toEqual([]);
    for (const field of SUBCOMMANDS.vitals.fields) expect(text(vitals)).toContain(`\`${field.key}\``);
    expect(text(vitals)).toContain('(t, temperature, tmax, 体温)');
  });

  it('uses the configured command name', () => {
    expect(text(helpView('/cart-test', 'en'))).toContain('/cart-test vitals EP-1');
  });
});

describe('quick calculations (as data)', () => {
  it('CRS: grade and drivers, marked as not recorded', () => {
    const view = quickCrsView(
      evaluateCrs({ temperatureCelsius: 38.5, systolicBp: 120, oxygen: 'NASAL_CANNULA', oxygenFlowLpm: 7 }),
      'en',
    );
    expect(blockKitProblems(view)).toEqual([]);
    expect(view.blocks[0]).toMatchObject({ text: { text: 'CRS grade 3' } });
    expect(text(view)).toContain('nothing recorded');
    expect(text(view)).toContain('nasal cannula &gt; 6 L/min (high flow)');
  });

  it('CRS without the input it needs says what it needs, under the typed key', () => {
    const view = quickCrsView(evaluateCrs({ systolicBp: 120 }), 'en');
    expect(view.blocks[0]).toMatchObject({ text: { text: 'CRS — Cannot grade yet; needs temp' } });
  });

  it('ICANS: grade with the ICE score', () => {
    const view = quickIcansView(icansEvaluation(), 'en');
    expect(blockKitProblems(view)).toEqual([]);
    expect(view.blocks[0]).toMatchObject({ text: { text: 'ICANS grade 2 · ICE 8/10' } });
  });

  it('lymphodepletion: each day with each drug in mg', () => {
    const view = lymphodepletionPlanView(
      planLymphodepletion({ product: 'KARMMA', heightCm: 170, weightKg: 70, infusionDate: '2026-03-10' }),
      'en',
    );
    expect(blockKitProblems(view)).toEqual([]);
    expect(text(view)).toContain('day -5 (2026-03-05): fludarabine *54.6 mg* IV');
    expect(text(view)).toContain('cyclophosphamide *546 mg* IV');
  });
});

describe('episode views (as data)', () => {
  const state: EpisodeState = {
    head: head(),
    records: [],
    vitals: [criticalRecording().record as EpisodeState['vitals'][number]],
    neuro: [],
    labs: [],
    doses: [],
    deaths: [],
    gradings: criticalRecording().gradings,
    alerts: criticalRecording().alerts,
  };

  it('created: the id to use next, the plan, and how to record', () => {
    const view = episodeCreatedView({ episode: head(), language: 'en', today: TODAY, command: '/cart' });
    expect(blockKitProblems(view)).toEqual([]);
    expect(view.blocks[0]).toMatchObject({ text: { text: 'Episode EP-7 created' } });
    expect(text(view)).toContain('infusion (day 0) 2026-03-01');
    expect(text(view)).toContain('`/cart vitals EP-7');
  });

  const statusOf = (overrides: Partial<EpisodeState> = {}, language: 'en' | 'zh-CN' = 'en', now = NOW) =>
    episodeStatusView({ state: { ...state, ...overrides }, language, now, today: TODAY, config });
  const sectionLines = (view: { blocks: readonly unknown[] }) =>
    (view.blocks[1] as { text: { text: string } }).text.text.split('\n');

  it('status: short: grade with trend, last vital signs and their age, tocilizumab now, open alerts', () => {
    const view = statusOf({}, 'en', new Date(NOW.getTime() + 35 * 60_000));
    expect(blockKitProblems(view)).toEqual([]);
    const lines = sectionLines(view);
    expect(lines.length).toBeGreaterThanOrEqual(6);
    expect(lines.length).toBeLessThanOrEqual(8);
    expect(lines[1]).toMatch(/^\*CRS grade 3\* first grading · <!date\^/);
    expect(lines[2]).toBe('*ICANS* not graded yet');
    expect(lines[3]).toMatch(
      /^\*Last vital signs\* 38\.9 °C · BP 84\/– · Room air · norepinephrine — 35 min ago \(<!date\^/,
    );
    expect(lines[4]).toContain(':syringe: *Tocilizumab 560 mg*');
    expect(lines[5]).toBe(':red_circle: *1 open alert*: ESC-CRS3 (CRITICAL)');
    expect(text(view)).toContain('Records: 1 vital signs, 0 neuro, 0 doses');
    // The management itself is behind the button.
    expect(text(view)).not.toContain('What drove it');
    expect(view.blocks.at(-1)).toMatchObject({
      type: 'actions',
      elements: [{ action_id: 'status.management', value: 'EP-7', text: { text: 'Show management' } }],
    });
    expect(view.text).toContain('1 open alert');
  });

  it('status: in Chinese, with the button 显示处理方案', () => {
    const view = statusOf({}, 'zh-CN', new Date(NOW.getTime() + 125 * 60_000));
    expect(blockKitProblems(view)).toEqual([]);
    const lines = sectionLines(view);
    expect(lines[1]).toMatch(/^\*CRS 3 级\* 首次分级 · /);
    expect(lines[2]).toBe('*ICANS* 尚未分级');
    expect(lines[3]).toMatch(
      /^\*最近生命体征\* 38\.9 °C · BP 84\/– · 未吸氧 · 去甲肾上腺素 — 2 小时 5 分钟前/,
    );
    expect(lines[5]).toBe(':red_circle: *1 未确认警报*: ESC-CRS3 (危急)');
    expect(JSON.stringify(view.blocks.at(-1))).toContain('显示处理方案');
  });

  it('status: the trend compares the latest grade with the one before it', () => {
    const [crs3] = criticalRecording().gradings;
    if (!crs3) throw new Error('fixture without a grading');
    const earlier = (grade: number) => ({ ...crs3, id: `01JQ00000000000000000000E${grade}`, grade });
    expect(sectionLines(statusOf({ gradings: [earlier(1), crs3] }))[1]).toContain(
      '*CRS grade 3* ↑ from grade 1',
    );
    expect(sectionLines(statusOf({ gradings: [earlier(4), crs3] }))[1]).toContain(
      '*CRS grade 3* ↓ from grade 4',
    );
    expect(sectionLines(statusOf({ gradings: [earlier(3), crs3] }))[1]).toContain(
      '*CRS grade 3* → unchanged',
    );
    // Older gradings not read: no claim that this is the first.
    expect(sectionLines(statusOf({ truncated: ['GRADE'] }))[1]).not.toContain('first grading');
  });

  it('status: no vital signs yet and no open alerts say so', () => {
    const lines = sectionLines(statusOf({ vitals: [], alerts: [], gradings: [] }));
    expect(lines[1]).toBe('*CRS* not graded yet');
    expect(lines[3]).toBe('_No vital signs recorded yet_');
    expect(lines[5]).toBe('No open alerts');
  });

  it('management: current grade with what drove it and the steps, tocilizumab now, open alerts, record counts', () => {
    const view = episodeManagementView({ state, language: 'en', now: NOW, today: TODAY, config });
    expect(blockKitProblems(view)).toEqual([]);
    expect(text(view)).toContain('*CRS grade 3*');
    expect(text(view)).toContain('*What drove it*');
    expect(text(view)).toContain('*Management*');
    expect(text(view)).toContain(':syringe: *Tocilizumab 560 mg*');
    expect(text(view)).toContain('*ESC-CRS3*');
    expect(text(view)).toContain('Records: 1 vital signs, 0 neuro, 0 doses');
    expect(
      text(episodeManagementView({ state, language: 'zh-CN', now: NOW, today: TODAY, config })),
    ).toContain('*处理*');
  });

  it('management: an acknowledged alert leaves the open alerts and shows who acknowledged it and when', () => {
    const acknowledgedAt = '2026-03-03T02:05:00.000Z';
    const view = episodeManagementView({
      state: {
        ...state,
        alerts: [
          alert({
            acknowledgedAt,
            acknowledgedBy: { userId: 'slack:U0DOCTOR', role: 'clinician', via: 'slack' },
          }),
        ],
      },
      language: 'en',
      now: NOW,
      today: TODAY,
      config,
    });
    expect(blockKitProblems(view)).toEqual([]);
    expect(text(view)).not.toContain('*open alerts*');
    expect(text(view)).toContain('*Acknowledged alerts*');
    expect(text(view)).toContain(
      `:white_check_mark: *ESC-CRS3* acknowledged by <@U0DOCTOR> · <!date^${Date.parse(acknowledgedAt) / 1000}^`,
    );
    expect(
      text(episodeManagementView({ state, language: 'en', now: NOW, today: TODAY, config })),
    ).not.toContain('Acknowledged alerts');
  });

  it('list: one line per episode with day since infusion, grades and open alerts', () => {
    const view = episodeListView({
      team: 'hem-a',
      episodes: [head(), head({ id: 'EP-8', infusionDate: null })],
      language: 'en',
      today: TODAY,
    });
    expect(blockKitProblems(view)).toEqual([]);
    expect(text(view)).toContain('*2 active episodes · 2 with open alerts*');
    expect(view.text).toContain('2 active episodes · 2 with open alerts');
    expect(text(view)).toContain(
      '*EP-7* · P-2026-0042 · KARMMA · day +2 · CRS 3 · ICANS – · :red_circle: 1 open alert',
    );
    expect(text(view)).not.toContain('1 open alerts');
    expect(text(view)).toContain('*EP-8*');
    expect(text(episodeListView({ team: 'hem-a', episodes: [], language: 'en', today: TODAY }))).toContain(
      'No active episodes',
    );
  });

  it('list: counts labelled in both languages (singular, none with alerts, a further page)', () => {
    const quiet = head({ id: 'EP-9', summary: { ...head().summary, openAlerts: [] } });
    const one = episodeListView({ team: 'hem-a', episodes: [quiet], language: 'en', today: TODAY });
    expect(text(one)).toContain('*1 active episode · 0 with open alerts*');
    const zh = episodeListView({ team: 'hem-a', episodes: [head(), quiet], language: 'zh-CN', today: TODAY });
    expect(text(zh)).toContain('*进行中的病程 2 个 · 其中有未确认警报 1 个*');
    const more = episodeListView({
      team: 'hem-a',
      episodes: [head(), quiet],
      language: 'en',
      today: TODAY,
      more: true,
    });
    expect(text(more)).toContain(
      '*2+ active episodes · 1 with open alerts · the 2 most recently updated shown*',
    );
    expect(blockKitProblems(more)).toEqual([]);
  });

  it('App Home: per team its active episodes; a Refresh button; an explanation without teams', () => {
    const home = appHomeView({
      teams: [{ team: 'hem-a', episodes: [head()] }],
      language: 'en',
      today: TODAY,
      command: '/cart',
    });
    expect(home.type).toBe('home');
    expect(blockKitProblems({ blocks: home.blocks }, { maxBlocks: 100, requireText: false })).toEqual([]);
    expect(text(home)).toContain('*Team hem-a* · 1');
    expect(text(home)).toContain('day +2 · CRS 3');
    expect(text(home)).toContain(':red_circle: ESC-CRS3');
    expect(text(home)).toContain(HOME_ACTIONS.refresh);
    expect(text(appHomeView({ teams: [], language: 'zh-CN', today: TODAY, command: '/cart' }))).toContain(
      '还没有关联团队',
    );
  });

  it('App Home stays within 100 blocks however many episodes', () => {
    const many = Array.from({ length: 150 }, (_, i) => head({ id: `EP-${i + 1}` }));
    const home = appHomeView({
      teams: [{ team: 'hem-a', episodes: many }],
      language: 'en',
      today: TODAY,
      command: '/cart',
    });
    expect(home.blocks).toHaveLength(100);
  });
});

describe('settings views (as data)', () => {
  it('saved settings name team, channel, on-call group, language and role', () => {
    const view = settingsSavedView(
      {
        team: 'hem-a',
        channelId: 'C0HEMA',
        oncallUserGroupId: 'S0ONCALL',
        language: 'en',
        role: 'nurse',
        updatedAt: NOW.toISOString(),
        updatedBy: 'slack:U1',
        version: 2,
      },
      'en',
    );
    expect(blockKitProblems(view)).toEqual([]);
    expect(text(view)).toContain('<#C0HEMA>');
    expect(text(view)).toContain('<!subteam^S0ONCALL>');
    expect(text(view)).toContain('Members act as: nurse');
  });

  it('an unmapped channel explains /cart setup in both languages', () => {
    const view = unmappedChannelView('/cart');
    expect(blockKitProblems(view)).toEqual([]);
    expect(view.text).toContain('/cart setup team=');
    expect(text(view)).toContain('本频道尚未关联团队');
  });
});

describe('forms (as data)', () => {
  it('the vitals form carries its episode and channel and has a block for every field', () => {
    const view = vitalsModalView({ episodeId: 'EP-7', channelId: 'C0HEMA' }, 'en');
    expect(view.callback_id).toBe(VITALS_MODAL.callbackId);
    expect(JSON.parse(view.private_metadata ?? '')).toEqual({ episodeId: 'EP-7', channelId: 'C0HEMA' });
    expect(blockKitProblems({ blocks: view.blocks }, { maxBlocks: 100, requireText: false })).toEqual([]);
    const ids = view.blocks.map((b) => b.block_id).filter((id) => id !== undefined);
    expect(ids).toEqual(Object.values(VITALS_MODAL.blocks));
    expect(view.title.text.length).toBeLessThanOrEqual(24);
  });

  it('the vitals form names each vasopressor in both languages, the channel’s first', () => {
    const names = (language: 'en' | 'zh-CN') =>
      (
        vitalsModalView({ episodeId: 'EP-7', channelId: 'C0HEMA' }, language).blocks.find(
          (b) => b.block_id === VITALS_MODAL.blocks.vasopressors,
        ) as { element: { options: { text: { text: string } }[] } }
      ).element.options.map((o) => o.text.text);
    expect(names('en')).toEqual([
      'none · 无',
      'norepinephrine · 去甲肾上腺素',
      'epinephrine · 肾上腺素',
      'dopamine · 多巴胺',
      'phenylephrine · 去氧肾上腺素',
      'vasopressin · 血管加压素',
    ]);
    expect(names('zh-CN')[1]).toBe('去甲肾上腺素 · norepinephrine');
  });

  it('the neuro form has the five ICE tasks with their point ranges', () => {
    const view = neuroModalView({ episodeId: 'EP-7', channelId: 'C0HEMA' }, 'zh-CN');
    expect(view.callback_id).toBe(NEURO_MODAL.callbackId);
    expect(blockKitProblems({ blocks: view.blocks }, { maxBlocks: 100, requireText: false })).toEqual([]);
    const options = (blockId: string) =>
      (view.blocks.find((b) => b.block_id === blockId) as { element: { options: unknown[] } }).element.options
        .length;
    expect(options(NEURO_MODAL.blocks.orientation)).toBe(5);
    expect(options(NEURO_MODAL.blocks.naming)).toBe(4);
    expect(options(NEURO_MODAL.blocks.attention)).toBe(2);
    expect(view.title.text.length).toBeLessThanOrEqual(24);
  });
});
