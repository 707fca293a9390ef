import type { LymphodepletionProduct } from './products.ts';

/** One drug of a lymphodepletion regimen: dose per m² of body-surface area or per kg body weight, on days relative to infusion (day 0). */
export type RegimenDrug = {
  readonly dose: number;
  readonly per: 'm2' | 'kg';
  /** Days relative to CAR-T infusion, earliest first, e.g. [-5, -4, -3]. */
  readonly days: readonly number[];
  /** The cell as printed, e.g. "30 mg/m², -5~-3 d". */
  readonly printed: string;
};

/** One row of T2. */
export type Table2Regimen = {
  readonly product: LymphodepletionProduct;
  /** Product name as printed in T2 (note "KarMMA" here, "KarMMa" in T1). */
  readonly printedName: string;
  /** The consensus' reference number. */
  readonly reference: number;
  readonly year: number;
  readonly registryId: string;
  /** null where T2 prints "无" (none). */
  readonly fludarabine: RegimenDrug | null;
  readonly cyclophosphamide: RegimenDrug;
};

const range = (from: number, to: number): number[] =>
  Array.from({ length: to - from + 1 }, (_, i) => from + i);

const mgPerM2 = (dose: number, from: number, to = from): RegimenDrug => ({
  dose,
  per: 'm2',
  days: range(from, to),
  printed: from === to ? `${dose} mg/m², ${from} d` : `${dose} mg/m², ${from}~${to} d`,
});
const mgPerKg = (dose: number, from: number, to = from): RegimenDrug => ({
  dose,
  per: 'kg',
  days: range(from, to),
  printed: from === to ? `${dose} mg/kg, ${from} d` : `${dose} mg/kg, ${from}~${to} d`,
});

/**
 * T2: the lymphodepletion regimens of nine BCMA CAR-T products, transcribed exactly from the
 * consensus (row order as printed). LD-2 plans are computed from these rows.
 */
export const T2_REGIMENS: readonly Table2Regimen[] = [
  {
    product: 'CAR_BCMA',
    printedName: 'CAR-BCMA',
    reference: 2,
    year: 2018,
    registryId: 'NCT02215967',
    fludarabine: mgPerM2(30, -5, -3),
    cyclophosphamide: mgPerM2(300, -5, -3),
  },
  {
    product: 'LCAR_B38M',
    printedName: 'LCAR-B38M',
    reference: 4,
    year: 2018,
    registryId: 'NCT03090659',
    fludarabine: null,
    cyclophosphamide: mgPerM2(300, -5, -3),
  },
  {
    product: 'CT103A',
    printedName: 'CT103A',
    reference: 5,
    year: 2019,
    registryId: 'ChiCTR1800018137',
    fludarabine: mgPerM2(25, -4, -2),
    cyclophosphamide: mgPerKg(20, -4, -2),
  },
  {
    product: 'HRAIN',
    printedName: 'HRAIN',
    reference: 6,
    year: 2019,
    registryId: 'NCT03093168',
    fludarabine: mgPerM2(25, -5, -3),
    cyclophosphamide: mgPerM2(300, -5, -3),
  },
  {
    product: 'ANTI_BCMA_CD19',
    printedName: 'anti-BCMA/anti-CD19',
    reference: 7,
    year: 2019,
    registryId: 'ChiCTR-OIC-17011272',
    fludarabine: mgPerM2(30, -5, -3),
    cyclophosphamide: mgPerM2(750, -5),
  },
  {
    product: 'CT053',
    printedName: 'CT053',
    reference: 9,
    year: 2021,
    registryId: 'NCT03975907',
    fludarabine: mgPerM2(25, -5, -3),
    cyclophosphamide: mgPerM2(300, -5, -3),
  },
  {
    product: 'TANDEM_BCMA_CD38',
    printedName: 'Tandem CAR T(BCMA-CD38)',
    reference: 10,
    year: 2021,
    registryId: 'ChiCTR1800018143',
    fludarabine: mgPerM2(25, -5, -3),
    cyclophosphamide: mgPerM2(250, -5, -3),
  },
  {
    product: 'CARTITUDE_1',
    printedName: 'CARTITUDE-1',
    reference: 11,
    year: 2021,
    registryId: 'NCT03548207',
    fludarabine: mgPerM2(30, -5, -3),
    cyclophosphamide: mgPerM2(300, -5, -3),
  },
  {
    product: 'KARMMA',
    printedName: 'KarMMA',
    reference: 12,
    year: 2021,
    registryId: 'NCT03361748',
    fludarabine: mgPerM2(30, -5, -3),
    cyclophosphamide: mgPerM2(300, -5, -3),
  },
];

/** The T2 row of a product (every contract product has exactly one). */
export const regimenOf = (product: LymphodepletionProduct): Table2Regimen => {
  const regimen = T2_REGIMENS.find((row) => row.product === product);
  if (!regimen) throw new RangeError(`no T2 regimen for ${product}`);
  return regimen;
};
