/** The ruleset every result and every stored grading carries, so an output can be traced to its rules. */
export const RULESET = {
  id: 'cn-mm-cart-2022',
  version: 1,
  /** `cn-mm-cart-2022@1` */
  ref: 'cn-mm-cart-2022@1',
  title: {
    zh: '嵌合抗原受体T细胞治疗多发性骨髓瘤中国血液临床专家共识(2022年版)',
    en: 'Chinese consensus for CAR-T cell therapy in multiple myeloma (2022)',
  },
  doi: '10.3760/cma.j.issn.0253-2727.2022.04.001',
} as const;

export type RulesetRef = typeof RULESET.ref;
