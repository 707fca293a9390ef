export const messages = {
  noEvidence: {
    zh: '到目前为止,CAR-T细胞治疗后是否应维持治疗或如何维持无基于循证医学的证据',
    en: 'there is as yet no evidence on whether or how to give maintenance after CAR-T',
  },
  underStudy: {
    zh: '维持治疗是CAR-T细胞未来一段时间重点探索的方向之一,包括造血干细胞移植、免疫调节剂、纠正免疫微环境等',
    en: 'maintenance is under study: haematopoietic stem-cell transplantation, immunomodulators, correcting the immune microenvironment',
  },
  medianPfs: {
    zh: 'CAR-T细胞治疗RRMM的中位PFS时间为8.8~11.8个月,疗效最好的中心中位PFS时间为22.7个月',
    en: 'median PFS after CAR-T for RRMM is 8.8–11.8 months (22.7 months at the best centre)',
  },
  remissionAtOneYear: {
    zh: '获得sCR或CR的患者1年持续缓解率约70%',
    en: 'about 70 % of patients in sCR or CR remain in remission at 1 year',
  },
  relapseChallenge: {
    zh: '复发已成为RRMM患者接受CAR-T细胞治疗后面临的主要挑战之一',
    en: 'relapse is one of the main challenges after CAR-T for RRMM',
  },
} as const;
