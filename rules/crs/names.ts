import { text, type LocalizedText } from '../core/text.ts';
import type { OxygenSupport, Vasopressor } from './schemas.ts';

/** Oxygen support as clinicians name it, in both languages (never the enum value). */
export const OXYGEN_SUPPORT_NAME: Readonly<Record<OxygenSupport, LocalizedText>> = {
  ROOM_AIR: text('未吸氧', 'room air'),
  NASAL_CANNULA: text('鼻导管', 'nasal cannula'),
  BLOW_BY: text('吹氧', 'blow-by'),
  HIGH_FLOW_NASAL_CANNULA: text('高流量鼻导管', 'high-flow nasal cannula'),
  FACEMASK: text('面罩', 'facemask'),
  NON_REBREATHER_MASK: text('储氧面罩', 'non-rebreather mask'),
  VENTURI_MASK: text('文丘里面罩', 'Venturi mask'),
  CPAP: text('CPAP', 'CPAP'),
  BIPAP: text('BiPAP', 'BiPAP'),
  MECHANICAL_VENTILATION: text('机械通气', 'mechanical ventilation'),
};

/** Vasopressors as the consensus names them in Chinese, and in English. */
export const VASOPRESSOR_NAME: Readonly<Record<Vasopressor, LocalizedText>> = {
  NOREPINEPHRINE: text('去甲肾上腺素', 'norepinephrine'),
  EPINEPHRINE: text('肾上腺素', 'epinephrine'),
  DOPAMINE: text('多巴胺', 'dopamine'),
  PHENYLEPHRINE: text('去氧肾上腺素', 'phenylephrine'),
  VASOPRESSIN: text('血管加压素', 'vasopressin'),
};
