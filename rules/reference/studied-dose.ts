import type { LymphodepletionProduct } from './products.ts';
import type { StudiedDose } from './table1-studies.ts';
import { studiesOfProduct } from './table1-studies.ts';

/**
 * The CAR-T cell dose range T1 reports for a product: the union of its studies' ranges (CT053 has
 * three studies, all dosed in total cells: (50~180)×10⁶ overall). null when T1 has no study of it.
 */
export const studiedDoseOf = (product: LymphodepletionProduct): StudiedDose | null => {
  const doses = studiesOfProduct(product).map((study) => study.dose);
  const [first, ...rest] = doses;
  if (!first) return null;
  if (rest.some((dose) => dose.unit !== first.unit)) {
    throw new RangeError(`T1 studies of ${product} mix dose units`);
  }
  if (rest.length === 0) return first;
  const min = Math.min(...doses.map((dose) => dose.min));
  const max = Math.max(...doses.map((dose) => dose.max));
  const widest = doses.find((dose) => dose.min === min && dose.max === max);
  return {
    printed: widest?.printed ?? doses.map((dose) => dose.printed).join(', '),
    min,
    max,
    unit: first.unit,
  };
};
