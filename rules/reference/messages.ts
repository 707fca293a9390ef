import type { LocalizedText } from '../core/index.ts';
import type { CarTProduct } from './products.ts';

/** Product names as printed in T1/T2, with the international names where the consensus uses them. */
const PRODUCT_NAMES: Readonly<Record<CarTProduct, LocalizedText>> = {
  CAR_BCMA: { zh: 'CAR-BCMA', en: 'CAR-BCMA' },
  LCAR_B38M: { zh: 'LCAR-B38M', en: 'LCAR-B38M' },
  CT103A: { zh: 'CT103A', en: 'CT103A' },
  HRAIN: { zh: 'HRAIN', en: 'HRAIN' },
  ANTI_BCMA_CD19: { zh: 'anti-BCMA/anti-CD19', en: 'anti-BCMA/anti-CD19' },
  CT053: { zh: 'CT053', en: 'CT053' },
  TANDEM_BCMA_CD38: { zh: 'Tandem CAR T(BCMA-CD38)', en: 'Tandem CAR T (BCMA-CD38)' },
  CARTITUDE_1: { zh: 'CARTITUDE-1(cilta-cel)', en: 'CARTITUDE-1 (cilta-cel)' },
  KARMMA: { zh: 'KarMMa(ide-cel,ABECMA)', en: 'KarMMa (ide-cel, ABECMA)' },
  OTHER: { zh: '其他CAR-T细胞产品', en: 'other CAR-T product' },
};

export const messages = {
  /** A product's name; the zh name keeps the printed product name and adds 产品 so it reads as Chinese. */
  productName: (product: CarTProduct): LocalizedText =>
    product === 'OTHER'
      ? PRODUCT_NAMES.OTHER
      : { zh: `${PRODUCT_NAMES[product].zh}产品`, en: PRODUCT_NAMES[product].en },
  t1Summary: {
    zh: '表1 国内外部分BCMA CAR-T细胞治疗多发性骨髓瘤的临床研究(12项研究的产品、剂量、毒性与疗效)',
    en: 'Table 1: twelve BCMA CAR-T studies in multiple myeloma (product, dose, toxicity and efficacy), read-only reference data',
  },
  t2Summary: {
    zh: '表2 国内外部分BCMA CAR-T细胞治疗多发性骨髓瘤临床研究的预处理方案(氟达拉滨、环磷酰胺剂量与给药日)',
    en: 'Table 2: lymphodepletion regimens of nine BCMA CAR-T products (fludarabine and cyclophosphamide doses and days)',
  },
  notReported: { zh: '未报告', en: 'not reported' },
  notReached: { zh: '未达到', en: 'not reached' },
} as const;
