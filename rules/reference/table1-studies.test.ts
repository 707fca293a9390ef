import { describe, expect, it } from 'vitest';
import { T1_STUDIES, studiesOfProduct } from './table1-studies.ts';

describe('T1 missing values stay distinguishable and are never zero', () => {
  const allCells = T1_STUDIES.flatMap((study) => [
    study.crsPercent,
    study.crsGrade3PlusPercent,
    study.ntxPercent,
    study.ntxGrade3PlusPercent,
    study.orrPercent,
    study.scrCrPercent,
    study.medianEfsMonths,
    study.medianPfsMonths,
  ]);

  it('keeps N/A, NR and 未达到 as their own kinds', () => {
    expect(allCells.filter((cell) => cell.kind === 'not-reached')).toEqual([
      { kind: 'not-reached', printed: '未达到' },
    ]);
    expect(allCells.filter((cell) => cell.kind === 'not-reported' && cell.printed === 'NR')).toHaveLength(1);
    expect(
      allCells.filter((cell) => cell.kind === 'not-reported' && cell.printed === 'N/A').length,
    ).toBeGreaterThan(1);
  });

  it('Berdeja 2021 median PFS is not reached, Fu 2019 neurotoxicity NR, Brudno 2018 neurotoxicity N/A', () => {
    const byId = (id: string) => T1_STUDIES.find((study) => study.id === id);
    expect(byId('berdeja-2021')?.medianPfsMonths).toEqual({ kind: 'not-reached', printed: '未达到' });
    expect(byId('fu-2019')?.ntxPercent).toEqual({ kind: 'not-reported', printed: 'NR' });
    expect(byId('brudno-2018')?.ntxPercent).toEqual({ kind: 'not-reported', printed: 'N/A' });
  });

  it('a reported zero is a value (Zhao 2018 grade ≥ 3 neurotoxicity 0 %)', () => {
    expect(T1_STUDIES.find((study) => study.id === 'zhao-2018')?.ntxGrade3PlusPercent).toEqual({
      kind: 'value',
      value: 0,
    });
  });
});

describe('studiesOfProduct', () => {
  it('finds the three CT053 studies and none for a product only in T2 by another name', () => {
    expect(studiesOfProduct('CT053').map((study) => study.id)).toEqual(['fu-2021', 'chen-2021', 'jin-2019']);
    expect(studiesOfProduct('KARMMA').map((study) => study.id)).toEqual(['munshi-2021']);
  });
});
