import type { LymphodepletionProduct } from './products.ts';
import { NOT_AVAILABLE, NOT_REACHED, NOT_REPORTED, reported } from './reported-value.ts';
import type { ReportedValue } from './reported-value.ts';

/** A CAR-T cell dose as T1 prints it, with the parsed range in units of 10⁶ cells (per kg or in total). */
export type StudiedDose = {
  /** As printed, e.g. "(0.3~9)×10⁶/kg". */
  readonly printed: string;
  /** Lower and upper bound in units of 10⁶ cells; equal for a single printed dose. */
  readonly min: number;
  readonly max: number;
  /** E6_PER_KG: ×10⁶ cells per kg body weight; E6_TOTAL: ×10⁶ cells in total. */
  readonly unit: 'E6_PER_KG' | 'E6_TOTAL';
};

/** One row of T1 (both halves of the printed table joined by author and reference). */
export type Table1Study = {
  /** Stable identifier, e.g. "brudno-2018". */
  readonly id: string;
  /** First author as printed without "等" (et al.), e.g. "Brudno". */
  readonly author: string;
  /** The consensus' reference number, e.g. 2 for "^[2]". */
  readonly reference: number;
  readonly year: number;
  /** Clinical-trial registry ids in printed order (T1 joins several with "、"). */
  readonly registryIds: readonly string[];
  /** Number of patients (例数). */
  readonly n: number;
  /** Product name as printed. */
  readonly product: string;
  /** The contract product this study belongs to, or null when T2 does not list it (Li 2018, anti-BCMA). */
  readonly productId: LymphodepletionProduct | null;
  readonly costimulatoryDomain: 'CD28' | '4-1BB';
  readonly dose: StudiedDose;
  readonly crsPercent: ReportedValue;
  readonly crsGrade3PlusPercent: ReportedValue;
  readonly ntxPercent: ReportedValue;
  readonly ntxGrade3PlusPercent: ReportedValue;
  readonly orrPercent: ReportedValue;
  readonly scrCrPercent: ReportedValue;
  readonly medianEfsMonths: ReportedValue;
  readonly medianPfsMonths: ReportedValue;
};

const perKg = (printed: string, min: number, max = min): StudiedDose => ({
  printed,
  min,
  max,
  unit: 'E6_PER_KG',
});
const total = (printed: string, min: number, max = min): StudiedDose => ({
  printed,
  min,
  max,
  unit: 'E6_TOTAL',
});

const r = reported;

/**
 * T1: twelve BCMA CAR-T studies in multiple myeloma, transcribed exactly from the consensus
 * (row order as printed). "N/A" is 未报告 (not reported) per the table note; "NR" is printed once
 * (Fu 2019 neurotoxicity) and kept apart; "未达到" (Berdeja 2021 PFS) is "not reached".
 */
export const T1_STUDIES: readonly Table1Study[] = [
  {
    id: 'brudno-2018',
    author: 'Brudno',
    reference: 2,
    year: 2018,
    registryIds: ['NCT02215967'],
    n: 24,
    product: 'CAR-BCMA',
    productId: 'CAR_BCMA',
    costimulatoryDomain: 'CD28',
    dose: perKg('(0.3~9)×10⁶/kg', 0.3, 9),
    crsPercent: r(94),
    crsGrade3PlusPercent: r(38),
    ntxPercent: NOT_AVAILABLE,
    ntxGrade3PlusPercent: r(25),
    orrPercent: r(81),
    scrCrPercent: r(8.3),
    medianEfsMonths: r(7.1),
    medianPfsMonths: NOT_AVAILABLE,
  },
  {
    id: 'li-2018',
    author: 'Li',
    reference: 3,
    year: 2018,
    registryIds: ['ChiCTR-OPC-16009113'],
    n: 30,
    product: 'anti-BCMA',
    productId: null,
    costimulatoryDomain: 'CD28',
    dose: perKg('(5.4~25)×10⁶/kg', 5.4, 25),
    crsPercent: r(97),
    crsGrade3PlusPercent: r(20),
    ntxPercent: r(3.3),
    ntxGrade3PlusPercent: NOT_AVAILABLE,
    orrPercent: r(93),
    scrCrPercent: r(73),
    medianEfsMonths: NOT_AVAILABLE,
    medianPfsMonths: NOT_AVAILABLE,
  },
  {
    id: 'zhao-2018',
    author: 'Zhao',
    reference: 4,
    year: 2018,
    registryIds: ['NCT03090659'],
    n: 57,
    product: 'LCAR-B38M',
    productId: 'LCAR_B38M',
    costimulatoryDomain: '4-1BB',
    dose: perKg('0.5×10⁶/kg', 0.5),
    crsPercent: r(90),
    crsGrade3PlusPercent: r(7),
    ntxPercent: r(1.8),
    ntxGrade3PlusPercent: r(0),
    orrPercent: r(88),
    scrCrPercent: r(74),
    medianEfsMonths: NOT_AVAILABLE,
    medianPfsMonths: r(20),
  },
  {
    id: 'li-2019',
    author: 'Li',
    reference: 5,
    year: 2019,
    registryIds: ['ChiCTR1800018137'],
    n: 18,
    product: 'CT103A',
    productId: 'CT103A',
    costimulatoryDomain: '4-1BB',
    dose: perKg('(1~6)×10⁶/kg', 1, 6),
    crsPercent: r(94),
    crsGrade3PlusPercent: r(22),
    ntxPercent: r(0),
    ntxGrade3PlusPercent: NOT_AVAILABLE,
    orrPercent: r(100),
    scrCrPercent: r(37.5),
    medianEfsMonths: NOT_AVAILABLE,
    medianPfsMonths: NOT_AVAILABLE,
  },
  {
    id: 'fu-2019',
    author: 'Fu',
    reference: 6,
    year: 2019,
    registryIds: ['NCT03093168'],
    n: 46,
    product: 'HRAIN',
    productId: 'HRAIN',
    costimulatoryDomain: '4-1BB',
    dose: perKg('9×10⁶/kg', 9),
    crsPercent: r(30),
    crsGrade3PlusPercent: r(6.8),
    ntxPercent: NOT_REPORTED,
    ntxGrade3PlusPercent: NOT_AVAILABLE,
    orrPercent: r(79.6),
    scrCrPercent: r(40.9),
    medianEfsMonths: NOT_AVAILABLE,
    medianPfsMonths: r(15),
  },
  {
    id: 'yan-2019',
    author: 'Yan',
    reference: 7,
    year: 2019,
    registryIds: ['ChiCTR-OIC-17011272'],
    n: 21,
    product: 'anti-BCMA/anti-CD19',
    productId: 'ANTI_BCMA_CD19',
    costimulatoryDomain: '4-1BB',
    dose: perKg('1×10⁶/kg', 1),
    crsPercent: r(90),
    crsGrade3PlusPercent: r(4.8),
    ntxPercent: r(9.5),
    ntxGrade3PlusPercent: NOT_AVAILABLE,
    orrPercent: r(95),
    scrCrPercent: r(57),
    medianEfsMonths: NOT_AVAILABLE,
    medianPfsMonths: NOT_AVAILABLE,
  },
  {
    id: 'fu-2021',
    author: 'Fu',
    reference: 8,
    year: 2021,
    registryIds: ['NCT03975907', 'NCT03716856', 'NCT03302403', 'NCT03380039'],
    n: 38,
    product: 'CT053',
    productId: 'CT053',
    costimulatoryDomain: '4-1BB',
    dose: total('(50~180)×10⁶', 50, 180),
    crsPercent: r(73.7),
    crsGrade3PlusPercent: r(0),
    ntxPercent: NOT_AVAILABLE,
    ntxGrade3PlusPercent: r(2.6),
    orrPercent: r(92.1),
    scrCrPercent: r(78.9),
    medianEfsMonths: NOT_AVAILABLE,
    medianPfsMonths: r(22.7),
  },
  {
    id: 'chen-2021',
    author: 'Chen',
    reference: 9,
    year: 2021,
    registryIds: ['NCT03975907'],
    n: 14,
    product: 'CT053',
    productId: 'CT053',
    costimulatoryDomain: '4-1BB',
    dose: total('(100~150)×10⁶', 100, 150),
    crsPercent: r(92.9),
    crsGrade3PlusPercent: r(0),
    ntxPercent: NOT_AVAILABLE,
    ntxGrade3PlusPercent: r(0),
    orrPercent: r(100),
    scrCrPercent: r(78.6),
    medianEfsMonths: NOT_AVAILABLE,
    medianPfsMonths: NOT_AVAILABLE,
  },
  {
    id: 'mei-2021',
    author: 'Mei',
    reference: 10,
    year: 2021,
    registryIds: ['ChiCTR1800018143'],
    n: 26,
    product: 'Tandem CAR T(BCMA-CD38)',
    productId: 'TANDEM_BCMA_CD38',
    costimulatoryDomain: '4-1BB',
    dose: perKg('(0.5~1)×10⁶/kg', 0.5, 1),
    crsPercent: r(87),
    crsGrade3PlusPercent: r(17),
    ntxPercent: r(0),
    ntxGrade3PlusPercent: r(0),
    orrPercent: r(85.2),
    scrCrPercent: r(52),
    medianEfsMonths: NOT_AVAILABLE,
    medianPfsMonths: r(17.2),
  },
  {
    id: 'berdeja-2021',
    author: 'Berdeja',
    reference: 11,
    year: 2021,
    registryIds: ['NCT03548207'],
    n: 97,
    product: 'CARTITUDE-1',
    productId: 'CARTITUDE_1',
    costimulatoryDomain: '4-1BB',
    dose: perKg('0.75×10⁶/kg', 0.75),
    crsPercent: r(95),
    crsGrade3PlusPercent: r(4),
    ntxPercent: r(21),
    ntxGrade3PlusPercent: r(9),
    orrPercent: r(97),
    scrCrPercent: r(67),
    medianEfsMonths: NOT_AVAILABLE,
    medianPfsMonths: NOT_REACHED,
  },
  {
    id: 'munshi-2021',
    author: 'Munshi',
    reference: 12,
    year: 2021,
    registryIds: ['NCT03361748'],
    n: 128,
    product: 'KarMMa',
    productId: 'KARMMA',
    costimulatoryDomain: '4-1BB',
    dose: total('(150~450)×10⁶', 150, 450),
    crsPercent: r(84),
    crsGrade3PlusPercent: r(5.5),
    ntxPercent: r(18),
    ntxGrade3PlusPercent: r(3.1),
    orrPercent: r(73),
    scrCrPercent: r(33),
    medianEfsMonths: NOT_AVAILABLE,
    medianPfsMonths: r(8.6),
  },
  {
    id: 'jin-2019',
    author: 'Jin',
    reference: 13,
    year: 2019,
    registryIds: ['NCT03716856', 'NCT03302403', 'NCT03380039'],
    n: 24,
    product: 'CT053',
    productId: 'CT053',
    costimulatoryDomain: '4-1BB',
    dose: total('(50~180)×10⁶', 50, 180),
    crsPercent: r(62.5),
    crsGrade3PlusPercent: r(0),
    ntxPercent: r(12.5),
    ntxGrade3PlusPercent: r(4.2),
    orrPercent: r(87.5),
    scrCrPercent: r(79.2),
    medianEfsMonths: NOT_AVAILABLE,
    medianPfsMonths: NOT_AVAILABLE,
  },
];

/** The T1 studies of one product (CT053 has three). */
export const studiesOfProduct = (product: LymphodepletionProduct): readonly Table1Study[] =>
  T1_STUDIES.filter((study) => study.productId === product);
