/**
 * Transcription of tables 1 and 2: every cell of T1_STUDIES and T2_REGIMENS is compared with a
 * verbatim excerpt of the consensus text (fixtures/consensus-tables.zh.txt, tab-separated cells),
 * and the printed doses are parsed here independently of the data.
 */
import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { LYMPHODEPLETION_PRODUCTS } from './products.ts';
import { printedValue } from './reported-value.ts';
import { T1_STUDIES } from './table1-studies.ts';
import { T2_REGIMENS } from './table2-regimens.ts';

const FIXTURE_PATH = new URL('./fixtures/consensus-tables.zh.txt', import.meta.url);

const fixtureText = (): string => readFileSync(FIXTURE_PATH, 'utf8');

/** Whitespace-free form of a cell, so "30 mg/m ² , -5~-3 d" equals "30 mg/m², -5~-3 d". */
const squash = (cell: string): string => cell.replace(/\s+/g, '');

/** The rows after the line starting with `header`, up to the next empty line, split into cells. */
const rowsAfter = (text: string, header: string): string[][] => {
  const lines = text.split('\n');
  const start = lines.findIndex((line) => line.startsWith(header));
  if (start < 0) throw new Error(`header not found: ${header}`);
  const rows: string[][] = [];
  for (const line of lines.slice(start + 1)) {
    if (line.trim() === '') break;
    rows.push(line.split('\t'));
  }
  return rows;
};

/** "Brudno等 ^[2]" → { author: "Brudno", reference: 2 }; "CAR-BCMA ^[2]" → { author: "CAR-BCMA", reference: 2 }. */
const nameAndReference = (cell: string): { name: string; reference: number } => {
  const match = /^(.*?)(?:等)?\s*\^\[(\d+)\]\s*$/.exec(cell);
  if (!match?.[1] || !match[2]) throw new Error(`not a name with a reference: ${cell}`);
  return { name: match[1].trim(), reference: Number(match[2]) };
};

/** A printed dose "(0.3~9)×10⁶/kg" or "0.5×10⁶/kg" or "(50~180)×10⁶" parsed independently of the data. */
const parsePrintedDose = (cell: string): { min: number; max: number; unit: 'E6_PER_KG' | 'E6_TOTAL' } => {
  const match = /^\(?([\d.]+)(?:~([\d.]+))?\)?×10⁶(\/kg)?$/.exec(squash(cell));
  if (!match?.[1]) throw new Error(`not a dose: ${cell}`);
  const min = Number(match[1]);
  return { min, max: match[2] ? Number(match[2]) : min, unit: match[3] ? 'E6_PER_KG' : 'E6_TOTAL' };
};

/** A printed regimen cell "30 mg/m², -5~-3 d" or "750 mg/m², -5 d" parsed independently of the data. */
const parsePrintedRegimen = (cell: string): { dose: number; per: 'm2' | 'kg'; days: number[] } => {
  const match = /^(\d+)mg\/(m²|kg),(-\d+)(?:~(-\d+))?d$/.exec(squash(cell));
  if (!match?.[1] || !match[2] || !match[3]) throw new Error(`not a regimen: ${cell}`);
  const from = Number(match[3]);
  const to = match[4] ? Number(match[4]) : from;
  const days: number[] = [];
  for (let day = from; day <= to; day += 1) days.push(day);
  return { dose: Number(match[1]), per: match[2] === 'kg' ? 'kg' : 'm2', days };
};

const text = fixtureText();
const upper = rowsAfter(text, '作者\t时间');
const lower = rowsAfter(text, '作者\tCAR-T细胞剂量');

describe('T1 transcription: every cell equals the consensus table', () => {
  it('has the twelve printed rows in both halves of the table, in order', () => {
    expect(upper).toHaveLength(12);
    expect(lower).toHaveLength(12);
    expect(T1_STUDIES).toHaveLength(12);
  });

  it.each(T1_STUDIES.map((study, index) => [study.id, index] as const))(
    '%s: author, year, registry, n, product, co-stimulatory domain',
    (_id, index) => {
      const study = T1_STUDIES[index];
      const row = upper[index];
      if (!study || !row) throw new Error('row missing');
      expect(row).toHaveLength(6);
      const [authorCell = '', year, registry = '', n, product = '', domain] = row;
      expect(nameAndReference(authorCell)).toEqual({ name: study.author, reference: study.reference });
      expect(Number(year)).toBe(study.year);
      expect(registry.split('、').map((id) => id.trim())).toEqual(study.registryIds);
      expect(Number(n)).toBe(study.n);
      expect(squash(product)).toBe(squash(study.product));
      expect(domain?.trim()).toBe(study.costimulatoryDomain);
    },
  );

  it.each(T1_STUDIES.map((study, index) => [study.id, index] as const))(
    '%s: dose and the eight outcome columns',
    (_id, index) => {
      const study = T1_STUDIES[index];
      const row = lower[index];
      if (!study || !row) throw new Error('row missing');
      expect(row).toHaveLength(10);
      const [authorCell = '', dose = '', ...outcomes] = row;
      expect(nameAndReference(authorCell)).toEqual({ name: study.author, reference: study.reference });
      expect(squash(dose)).toBe(squash(study.dose.printed));
      expect(parsePrintedDose(dose)).toEqual({
        min: study.dose.min,
        max: study.dose.max,
        unit: study.dose.unit,
      });
      const cells = [
        study.crsPercent,
        study.crsGrade3PlusPercent,
        study.ntxPercent,
        study.ntxGrade3PlusPercent,
        study.orrPercent,
        study.scrCrPercent,
        study.medianEfsMonths,
        study.medianPfsMonths,
      ];
      expect(outcomes.map(squash)).toEqual(cells.map(printedValue));
    },
  );
});

const rows = rowsAfter(text, '\t\t\t氟达拉滨\t环磷酰胺');

describe('T2 transcription: every cell equals the consensus table', () => {
  it('has nine rows, one per contract product, in printed order', () => {
    expect(rows).toHaveLength(9);
    expect(T2_REGIMENS.map((row) => row.product)).toEqual([...LYMPHODEPLETION_PRODUCTS]);
  });

  it.each(T2_REGIMENS.map((regimen, index) => [regimen.product, index] as const))('%s', (_product, index) => {
    const regimen = T2_REGIMENS[index];
    const row = rows[index];
    if (!regimen || !row) throw new Error('row missing');
    const [nameCell = '', year, registry, flu = '', cy = ''] = row;
    expect(nameAndReference(nameCell)).toEqual({ name: regimen.printedName, reference: regimen.reference });
    expect(Number(year)).toBe(regimen.year);
    expect(registry?.trim()).toBe(regimen.registryId);
    if (regimen.fludarabine === null) {
      expect(flu.trim()).toBe('无');
    } else {
      expect(squash(flu)).toBe(squash(regimen.fludarabine.printed));
      expect(parsePrintedRegimen(flu)).toEqual({
        dose: regimen.fludarabine.dose,
        per: regimen.fludarabine.per,
        days: [...regimen.fludarabine.days],
      });
    }
    expect(squash(cy)).toBe(squash(regimen.cyclophosphamide.printed));
    expect(parsePrintedRegimen(cy)).toEqual({
      dose: regimen.cyclophosphamide.dose,
      per: regimen.cyclophosphamide.per,
      days: [...regimen.cyclophosphamide.days],
    });
  });
});

/**
 * The fixture is a verbatim excerpt of the consensus text. Where the full text is available
 * (CONSENSUS_TEXT, or the shared spec folder beside the repository) it must contain the excerpt.
 */
const consensusPath =
  process.env.CONSENSUS_TEXT ??
  new URL('../../../shared/consensus/cn-mm-cart-2022.zh.txt', import.meta.url).pathname;

describe.skipIf(!existsSync(consensusPath))('fixture is a verbatim excerpt of the consensus text', () => {
  it('appears unchanged in the full text', () => {
    expect(readFileSync(consensusPath, 'utf8')).toContain(text.trimEnd());
  });
});
