import { describe, expect, it } from 'vitest';
import { localizationProblems } from '../core/index.ts';
import { describeCarOrigin } from './car-origin.ts';

describe('IND-2 CAR origin information', () => {
  it.each(['MURINE', 'HUMANISED', 'FULLY_HUMAN', undefined] as const)(
    '%s → INFO with the immunogenicity and no-head-to-head notes',
    (origin) => {
      const result = describeCarOrigin(origin ? { origin } : {});
      expect(result.outcome).toEqual({ status: 'INFO', origin: origin ?? null });
      expect(result.notes.map((n) => n.text.zh)).toEqual([
        '人源化和全人源CAR-T细胞降低了免疫原性,可能延长CAR-T细胞在体内的存留时间',
        '目前尚无头对头比较鼠源与人源化或全人源CAR-T细胞的临床疗效研究',
      ]);
      expect(result.citations).toEqual([{ section: '§2.2', source: 'cn-mm-cart-2022' }]);
      expect(localizationProblems(result)).toEqual([]);
    },
  );
});
