/**
 * The CAR-T products of the consensus' table 2 (T2), with the identifiers of the public contract's
 * LymphodepletionProduct enum. KARMMA is idecabtagene vicleucel (ide-cel, ABECMA, murine anti-BCMA,
 * the commercial product of §2.1); CARTITUDE_1 is ciltacabtagene autoleucel (cilta-cel).
 */
export const LYMPHODEPLETION_PRODUCTS = [
  'CAR_BCMA',
  'LCAR_B38M',
  'CT103A',
  'HRAIN',
  'ANTI_BCMA_CD19',
  'CT053',
  'TANDEM_BCMA_CD38',
  'CARTITUDE_1',
  'KARMMA',
] as const;

export type LymphodepletionProduct = (typeof LYMPHODEPLETION_PRODUCTS)[number];

/** Every product a rule may be asked about: the T2 products, or OTHER (a product the consensus does not list). */
export const CAR_T_PRODUCTS = [...LYMPHODEPLETION_PRODUCTS, 'OTHER'] as const;

export type CarTProduct = (typeof CAR_T_PRODUCTS)[number];

/** ide-cel (ABECMA): the product several rules treat differently (ELIG-1, ELIG-2, IND-1, INF-3). */
export const IDE_CEL: LymphodepletionProduct = 'KARMMA';

export const isIdeCel = (product: CarTProduct | undefined): boolean => product === IDE_CEL;
