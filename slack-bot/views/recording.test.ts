import { describe, expect, it } from 'vitest';
import { evaluateTocilizumabDose } from '#rules';
import type { DoseRecord } from '#episodes';
import { config, criticalRecording, grading, head, NOW, TODAY } from '../testing/fixtures.ts';
import { blockKitProblems } from './block-kit-check.ts';
import { recordingView } from './recording.ts';

const all = (message: { blocks: readonly unknown[] }) => JSON.stringify(message.blocks);

describe('recording reply (as data)', () => {
  it('shows the grade, what drove it, the steps with mg for this patient, tocilizumab now, citations and the alert', () => {
    const message = recordingView({
      kind: 'vitals',
      recording: criticalRecording(),
      language: 'en',
      now: NOW,
      today: TODAY,
      config,
    });
    expect(blockKitProblems(message)).toEqual([]);
    expect(message.blocks[0]).toEqual({
      type: 'header',
      text: { type: 'plain_text', text: 'EP-7 · CRS grade 3', emoji: true },
    });
    const text = all(message);
    expect(text).toContain('*What drove it*');
    expect(text).toContain('fever: temperature ≥ 38.0 °C _(CRS-G1)_');
    expect(text).toContain('hypotension: 1 vasopressor _(CRS-GRADE)_');
    expect(text).toContain(':pill: *560 mg* IV');
    expect(text).toContain('8 mg/kg × 70 kg = 560 mg');
    expect(text).toContain(':syringe: *Tocilizumab 560 mg* — allowed now');
    expect(text).toContain('Chinese MM CAR-T consensus 2022 §7.1 T3');
    expect(text).toContain('*ESC-CRS3* CRITICAL');
    expect(message.text).toContain('EP-7 · CRS grade 3 — fever');
    expect(text).not.toContain('Already recorded');
  });

  it('says when a retried request was answered without writing', () => {
    const message = recordingView({
      kind: 'vitals',
      recording: criticalRecording({ replayed: true }),
      language: 'en',
      now: NOW,
      today: TODAY,
      config,
    });
    expect(all(message)).toContain('Already recorded (a retried request): nothing was written twice');
  });

  it('speaks Chinese in a zh-CN channel, the rules’ own wording included', () => {
    const message = recordingView({
      kind: 'vitals',
      recording: criticalRecording(),
      language: 'zh-CN',
      now: NOW,
      today: TODAY,
      config,
    });
    expect(blockKitProblems(message)).toEqual([]);
    expect(message.blocks[0]).toMatchObject({ text: { text: 'EP-7 · CRS 3 级' } });
    const text = all(message);
    expect(text).toContain('*分级依据*');
    expect(text).toContain('托珠单抗');
    expect(text).not.toContain('What drove it');
  });

  it('tocilizumab status follows the doses given: not before 8 h (TOCI-2)', () => {
    const twoHoursAgo = new Date(NOW.getTime() - 2 * 3_600_000).toISOString();
    const message = recordingView({
      kind: 'vitals',
      recording: criticalRecording({
        episode: head({ summary: { ...head().summary, tocilizumabDoseTimes: [twoHoursAgo] } }),
      }),
      language: 'en',
      now: NOW,
      today: TODAY,
      config,
    });
    expect(all(message)).toMatch(
      /last dose 2 h 0 min ago.*earliest next dose 2026-03-03T08:00:00.000Z.*TOCI-2/,
    );
  });

  it('a recorded dose is titled by drug and mg, with the check at the time it was given', () => {
    const dose: DoseRecord = {
      ...criticalRecording().record,
      kind: 'DOSE',
      values: { givenAt: NOW.toISOString(), drug: 'TOCILIZUMAB', mg: 560, route: 'IV' },
    } as unknown as DoseRecord;
    const check = evaluateTocilizumabDose({ weightKg: 70, at: NOW.toISOString(), previousDoses: [] });
    const message = recordingView({
      kind: 'dose',
      recording: criticalRecording({ record: dose, gradings: [grading('TOCILIZUMAB', check)], alerts: [] }),
      language: 'en',
      now: NOW,
      today: TODAY,
      config,
    });
    expect(blockKitProblems(message)).toEqual([]);
    expect(message.blocks[0]).toMatchObject({
      text: { text: 'EP-7 · Tocilizumab 560 mg IV · Dose recorded' },
    });
    expect(all(message)).toContain('within the limits when given (TOCI-1..4)');
  });
});
