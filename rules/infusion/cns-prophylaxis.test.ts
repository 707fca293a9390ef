import { describe, expect, it } from 'vitest';
import { cnsProphylaxis } from './cns-prophylaxis.ts';

describe('INF-1 before infusion', () => {
  it('prior CNS disease → levetiracetam 750 mg PO every 12 h and infuse once controlled', () => {
    const result = cnsProphylaxis({ priorCnsDisease: true, cnsDiseaseControlled: true });
    expect(result.outcome.status).toBe('PROPHYLAXIS_ADVISED');
    const dose = result.recommendations.find((r) => r.dose)?.dose;
    expect(dose).toMatchObject({
      drug: 'levetiracetam',
      mg: 750,
      route: 'PO',
      schedule: { zh: '每12 h 1次', en: 'every 12 h' },
    });
  });
  it('uncontrolled CNS disease → DEFER', () => {
    const result = cnsProphylaxis({ priorCnsDisease: true, cnsDiseaseControlled: false });
    expect(result.outcome.status).toBe('DEFER');
    expect(result.drivers[0]?.text.zh).toContain('建议待疾病控制后再行CAR-T细胞输注');
  });
  it('always recommends infection screening per §7.3', () => {
    for (const input of [{}, { priorCnsDisease: false }, { priorCnsDisease: true }]) {
      const result = cnsProphylaxis(input);
      expect(result.recommendations[0]?.text.en).toContain('§7.3');
      expect(result.citations.map((c) => c.section)).toEqual(['§5.1', '§7.3']);
    }
  });
  it('no CNS disease → NOT_NEEDED without a dose; not given → UNKNOWN', () => {
    expect(cnsProphylaxis({ priorCnsDisease: false }).recommendations.some((r) => r.dose)).toBe(false);
    expect(cnsProphylaxis({}).outcome).toEqual({ status: 'UNKNOWN', needs: ['priorCnsDisease'] });
  });
});
