/** Reference data of the consensus: products, T1 studies and T2 lymphodepletion regimens. */
export { definitions as referenceDefinitions } from './definitions.ts';
export { messages as referenceMessages } from './messages.ts';
export { CAR_T_PRODUCTS, IDE_CEL, LYMPHODEPLETION_PRODUCTS, isIdeCel } from './products.ts';
export { carTProductSchema, lymphodepletionProductSchema } from './schemas.ts';
export type { CarTProduct, LymphodepletionProduct } from './products.ts';
export {
  NOT_AVAILABLE,
  NOT_REACHED,
  NOT_REPORTED,
  describeValue,
  printedValue,
  reported,
} from './reported-value.ts';
export type { ReportedValue } from './reported-value.ts';
export { studiedDoseOf } from './studied-dose.ts';
export { T1_STUDIES, studiesOfProduct } from './table1-studies.ts';
export type { StudiedDose, Table1Study } from './table1-studies.ts';
export { T2_REGIMENS, regimenOf } from './table2-regimens.ts';
export type { RegimenDrug, Table2Regimen } from './table2-regimens.ts';
