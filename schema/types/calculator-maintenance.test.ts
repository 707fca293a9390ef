import { describe, expect, it } from 'vitest';
import { calculatorClient, dataOf } from '../../test/unit/calculator-client.ts';

const call = calculatorClient();

type Advice = {
  evidenceBasedMaintenance: boolean;
  drivers: string[];
  notes: { ruleId: string; textEn: string }[];
  citations: { section: string }[];
};

const maintenance = async (input: string, language = 'EN') =>
  (
    await dataOf<{ maintenanceAdvice: Advice }>(
      call,
      `{ maintenanceAdvice(input: { ${input} }, language: ${language}) { evidenceBasedMaintenance drivers notes { ruleId textEn } citations { section } } }`,
    )
  ).maintenanceAdvice;

describe('maintenanceAdvice (MAINT-1)', () => {
  it('MAINT-1: no evidence-based maintenance; with CR the 1-year remission note', async () => {
    const result = await maintenance('responseCategory: CR');
    expect(result.evidenceBasedMaintenance).toBe(false);
    expect(result.notes.map((n) => n.ruleId)).toEqual(['MAINT-1', 'MAINT-1', 'MAINT-1', 'MAINT-1']);
    expect(result.notes.map((n) => n.textEn).join(' ')).toContain('8.8–11.8');
    expect(result.citations).toEqual([{ section: '§8' }]);
  });

  it('MAINT-1: with PR the remission-at-1-year note (about sCR/CR) is left out', async () => {
    expect((await maintenance('responseCategory: PR')).notes).toHaveLength(3);
  });

  it('MAINT-1: in Chinese on request', async () => {
    expect((await maintenance('', 'ZH_CN')).drivers[0]).toMatch(/\p{Script=Han}/u);
  });
});
