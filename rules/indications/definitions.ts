import { cite } from '../core/index.ts';
import type { RuleDefinition } from '../core/index.ts';

/** IND-1, IND-2: indications (§2). */
export const definitions: readonly RuleDefinition[] = [
  {
    id: 'IND-1',
    summary: {
      zh: '商品化ide-cel(ABECMA):既往≥4线(含免疫调节剂、蛋白酶体抑制剂及抗CD38单抗)的成人RRMM;否则考虑临床试验',
      en: 'commercial ide-cel (ABECMA): adult RRMM after ≥ 4 lines incl. IMiD, PI and anti-CD38; otherwise a clinical trial',
    },
    citation: cite('§2.1'),
  },
  {
    id: 'IND-2',
    summary: {
      zh: '人源化/全人源CAR-T降低免疫原性、可能存留更久,尚无头对头比较',
      en: 'humanised / fully human CARs: lower immunogenicity, may persist longer; no head-to-head data',
    },
    citation: cite('§2.2'),
  },
];
